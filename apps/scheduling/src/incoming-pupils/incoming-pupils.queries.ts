import { rows, type Queryable } from '@tutti/platform';

export interface IncomingPupilRow {
  pupilId: string;
  firstName: string;
  lastName: string;
  yearLeft: number;
  ensembles: { ensembleId: string; name: string; instrument: string | null }[];
}

/**
 * A page of the alumni whose destination is the school, if it is a partner secondary school, and who are still in the programme (a membership of an
 * ensemble that has not ended), by (last name, first name, id) after the cursor's, with their current ensembles.
 */
export function incomingPupilsPage(
  db: Queryable,
  tenantId: string,
  schoolId: string,
  after: readonly unknown[] | null,
  limit: number,
): Promise<IncomingPupilRow[]> {
  return rows<IncomingPupilRow>(
    db,
    `WITH incoming AS (
       SELECT p.id, p.first_name, p.last_name, p.left_on
         FROM pupils p JOIN schools s ON s.tenant_id = p.tenant_id AND s.id = p.destination_school_id AND s.partner AND s.phase = 'secondary'
        WHERE p.tenant_id = $1 AND p.destination_school_id = $2 AND p.status = 'alumni'
          AND EXISTS (SELECT 1 FROM ensemble_members m WHERE m.tenant_id = $1 AND m.pupil_id = p.id AND m.left_on IS NULL)
          AND ($3::text IS NULL OR (p.last_name, p.first_name, p.id) > ($3, $4, $5::uuid))
        ORDER BY p.last_name, p.first_name, p.id LIMIT $6)
     SELECT i.id AS "pupilId", i.first_name AS "firstName", i.last_name AS "lastName", extract(year FROM i.left_on)::int AS "yearLeft",
            (SELECT coalesce(json_agg(json_build_object('ensembleId', e.id, 'name', e.name, 'instrument', m.instrument) ORDER BY e.name, e.id), '[]')
               FROM ensemble_members m JOIN ensembles e ON e.tenant_id = m.tenant_id AND e.id = m.ensemble_id
              WHERE m.tenant_id = $1 AND m.pupil_id = i.id AND m.left_on IS NULL) AS ensembles
       FROM incoming i ORDER BY i.last_name, i.first_name, i.id`,
    [tenantId, schoolId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
  );
}
