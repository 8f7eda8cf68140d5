import { oneRow, rows, type Queryable } from '@tutti/platform';

/** This service's copy of a member of staff's safeguarding clearance (dates as ISO days). */
export interface StaffClearanceRow {
  staffId: string;
  displayName: string;
  /** What scheduling found wrong when it decided (empty: cleared then). */
  reasons: string[];
  dbsExpiresOn: string | null;
  trainingExpiresOn: string | null;
}

/** What scheduling says a member of staff is (null: copied before the kind was kept, until scheduling's roster republisher announces them again). */
export type StaffKind = 'tutor' | 'school_staff' | 'driver' | 'volunteer';

/** Writes the clearance unless a later decision is already kept (events may arrive out of order). */
export async function upsertStaffClearance(
  db: Queryable,
  tenantId: string,
  clearance: StaffClearanceRow & { kind: StaffKind; decidedAt: string },
): Promise<void> {
  await db.query(
    `INSERT INTO staff_clearances (tenant_id, staff_id, display_name, reasons, dbs_expires_on, training_expires_on, decided_at, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, staff_id) DO UPDATE SET display_name = excluded.display_name, reasons = excluded.reasons, kind = excluded.kind,
       dbs_expires_on = excluded.dbs_expires_on, training_expires_on = excluded.training_expires_on, decided_at = excluded.decided_at
     WHERE staff_clearances.decided_at <= excluded.decided_at`,
    [
      tenantId,
      clearance.staffId,
      clearance.displayName,
      clearance.reasons,
      clearance.dbsExpiresOn,
      clearance.trainingExpiresOn,
      clearance.decidedAt,
      clearance.kind,
    ],
  );
}

export function staffClearance(db: Queryable, tenantId: string, staffId: string): Promise<StaffClearanceRow | undefined> {
  return oneRow<StaffClearanceRow>(
    db,
    `SELECT staff_id AS "staffId", display_name AS "displayName", reasons,
            to_char(dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", to_char(training_expires_on, 'YYYY-MM-DD') AS "trainingExpiresOn"
       FROM staff_clearances WHERE tenant_id = $1 AND staff_id = $2 FOR SHARE`,
    [tenantId, staffId],
  );
}

/** The copies of the area's drivers' clearances (scheduling's kind driver), by name. */
export function driverClearances(db: Queryable, tenantId: string): Promise<StaffClearanceRow[]> {
  return rows<StaffClearanceRow>(
    db,
    `SELECT staff_id AS "staffId", display_name AS "displayName", reasons,
            to_char(dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", to_char(training_expires_on, 'YYYY-MM-DD') AS "trainingExpiresOn"
       FROM staff_clearances WHERE tenant_id = $1 AND kind = 'driver' ORDER BY display_name, staff_id`,
    [tenantId],
  );
}
