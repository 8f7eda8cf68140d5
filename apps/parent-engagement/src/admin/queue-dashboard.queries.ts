import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface FailedReminderRow {
  id: string;
  kind: string;
  due_at: Date;
  attempts: number;
  last_error: string | null;
}

export interface RetriedReminderRow {
  id: string;
  tenant_id: string;
  due_at: Date;
}

/** A failed reminder put back on the schedule, due now; undefined unless it was failed. */
export function retryFailedReminder(db: Queryable, tenantId: string, reminderId: string): Promise<RetriedReminderRow | undefined> {
  return oneRow<RetriedReminderRow>(
    db,
    `UPDATE reminders SET status = 'scheduled', due_at = now(), claimed_until = NULL, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'failed' RETURNING id, tenant_id, due_at`,
    [tenantId, reminderId],
  );
}

export function reminderStatus(db: Queryable, tenantId: string, reminderId: string): Promise<{ status: string } | undefined> {
  return oneRow<{ status: string }>(db, 'SELECT status FROM reminders WHERE tenant_id = $1 AND id = $2', [tenantId, reminderId]);
}

/** The area's failed reminders by due time, after the cursor's (due time, id). */
export function failedRemindersPage(
  db: Queryable,
  tenantId: string,
  filter: { after: readonly (string | number)[] | null; limit: number },
): Promise<FailedReminderRow[]> {
  return rows<FailedReminderRow>(
    db,
    `SELECT id, kind, due_at, attempts, last_error FROM reminders
      WHERE tenant_id = $1 AND status = 'failed' AND ($2::timestamptz IS NULL OR (due_at, id) > ($2::timestamptz, $3::uuid))
      ORDER BY due_at, id LIMIT $4`,
    [tenantId, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}
