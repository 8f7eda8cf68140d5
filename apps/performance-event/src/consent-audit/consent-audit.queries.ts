import { rows, type Queryable } from '@tutti/platform';
import type { PrintedPupil } from '../printables/printables.queries';

/** A child the audit checks: on the roster, a soloist, or listed on a sheet handed out; with their consents now. */
export interface AuditChildRow {
  pupil_id: string;
  display_name: string | null;
  school_id: string | null;
  on_roster: boolean;
  soloist: boolean;
  photo_film: boolean | null;
  performing_in_public: boolean | null;
}

/**
 * Every child the performance's programme, run sheet or handed-out sheets concern, with their CURRENT
 * consents. `schoolIds`: only children of these schools (a headteacher's own); null: all (the admin).
 */
export function auditChildren(
  db: Queryable,
  tenantId: string,
  performanceId: string,
  schoolIds: string[] | null,
): Promise<AuditChildRow[]> {
  return rows<AuditChildRow>(
    db,
    `WITH concerned AS (
       SELECT pupil_id FROM roster_entries WHERE tenant_id = $1 AND performance_id = $2 AND NOT removed
       UNION SELECT unnest(soloist_pupil_ids) FROM running_order_items WHERE tenant_id = $1 AND performance_id = $2
       UNION SELECT (entry->>'pupilId')::uuid FROM printed_sheets s CROSS JOIN LATERAL jsonb_array_elements(s.pupils) AS entry
              WHERE s.tenant_id = $1 AND s.performance_id = $2
     )
     SELECT c.pupil_id, p.display_name, coalesce(r.school_id, p.school_id) AS school_id,
            (r.pupil_id IS NOT NULL) AS on_roster,
            EXISTS (SELECT 1 FROM running_order_items i WHERE i.tenant_id = $1 AND i.performance_id = $2 AND c.pupil_id = ANY(i.soloist_pupil_ids)) AS soloist,
            photo.granted AS photo_film, public_consent.granted AS performing_in_public
       FROM concerned c
       LEFT JOIN replica_pupils p ON p.tenant_id = $1 AND p.pupil_id = c.pupil_id
       LEFT JOIN roster_entries r ON r.tenant_id = $1 AND r.performance_id = $2 AND r.pupil_id = c.pupil_id AND NOT r.removed
       LEFT JOIN replica_consents photo ON photo.tenant_id = $1 AND photo.pupil_id = c.pupil_id AND photo.kind = 'photo_film'
       LEFT JOIN replica_consents public_consent ON public_consent.tenant_id = $1 AND public_consent.pupil_id = c.pupil_id AND public_consent.kind = 'performing_in_public'
      WHERE $3::uuid[] IS NULL OR coalesce(r.school_id, p.school_id) = ANY($3::uuid[])
      ORDER BY p.display_name, c.pupil_id`,
    [tenantId, performanceId, schoolIds],
  );
}

export interface PrintedSheetRow {
  kind: 'programme' | 'run_sheet';
  printed_at: Date;
  pupils: PrintedPupil[];
}

/** The programmes and run sheets handed out for the performance, oldest first. */
export function printedSheets(db: Queryable, tenantId: string, performanceId: string): Promise<PrintedSheetRow[]> {
  return rows<PrintedSheetRow>(
    db,
    'SELECT kind, printed_at, pupils FROM printed_sheets WHERE tenant_id = $1 AND performance_id = $2 ORDER BY printed_at, id',
    [tenantId, performanceId],
  );
}
