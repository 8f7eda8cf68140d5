import type { RetentionScheduleV1 } from '@tutti/contracts';
import { oneRow, rows, type Queryable } from '@tutti/platform';

/** The schedule with its version (0: never edited, the defaults). */
export type VersionedRetentionSchedule = RetentionScheduleV1 & { version: number };

/**
 * The defaults an area starts with, after the IRMS schools toolkit: what each line follows is in the
 * migration that created the table (1764080000000-data-requests.ts).
 */
export const DEFAULT_RETENTION_SCHEDULE: RetentionScheduleV1 = {
  attendanceYears: 3,
  familyContactMonthsAfterLeaving: 12,
  pupilRecordYearsAfterLeaving: 6,
  loanYearsAfterReturn: 6,
  messageMonths: 24,
  auditYears: 6,
};

const COLUMNS: Record<keyof RetentionScheduleV1, string> = {
  attendanceYears: 'attendance_years',
  familyContactMonthsAfterLeaving: 'family_contact_months_after_leaving',
  pupilRecordYearsAfterLeaving: 'pupil_record_years_after_leaving',
  loanYearsAfterReturn: 'loan_years_after_return',
  messageMonths: 'message_months',
  auditYears: 'audit_years',
};
const FIELDS = Object.keys(COLUMNS) as (keyof RetentionScheduleV1)[];
const SELECT = [...FIELDS.map((field) => `${COLUMNS[field]} AS "${field}"`), 'version'].join(', ');

/** The area's schedule, or the defaults at version 0. */
export async function retentionSchedule(db: Queryable, tenantId: string): Promise<VersionedRetentionSchedule> {
  const row = await oneRow<VersionedRetentionSchedule>(db, `SELECT ${SELECT} FROM retention_schedules WHERE tenant_id = $1`, [tenantId]);
  return row ?? { ...DEFAULT_RETENTION_SCHEDULE, version: 0 };
}

/**
 * Writes the schedule read at `expectedVersion` in one conditional statement: the first edit inserts
 * (only if no row exists), later ones update only where the version still holds. Undefined when it did not.
 */
export async function updateRetentionSchedule(
  db: Queryable,
  tenantId: string,
  schedule: RetentionScheduleV1,
  expectedVersion: number,
  updatedBy: string,
): Promise<VersionedRetentionSchedule | undefined> {
  const values = FIELDS.map((field) => schedule[field]);
  const placeholders = FIELDS.map((_, i) => `$${i + 2}`);
  const sql =
    expectedVersion === 0
      ? `INSERT INTO retention_schedules (tenant_id, ${FIELDS.map((field) => COLUMNS[field]).join(', ')}, updated_by)
         VALUES ($1, ${placeholders.join(', ')}, $${FIELDS.length + 2}) ON CONFLICT DO NOTHING RETURNING ${SELECT}`
      : `UPDATE retention_schedules SET ${FIELDS.map((field, i) => `${COLUMNS[field]} = ${placeholders[i]}`).join(', ')},
           updated_by = $${FIELDS.length + 2}, version = version + 1, updated_at = now()
         WHERE tenant_id = $1 AND version = $${FIELDS.length + 3} RETURNING ${SELECT}`;
  const params = expectedVersion === 0 ? [tenantId, ...values, updatedBy] : [tenantId, ...values, updatedBy, expectedVersion];
  return (await rows<VersionedRetentionSchedule>(db, sql, params))[0];
}
