import type { PupilEnrolledV1, SchoolChangedV1 } from '@tutti/contracts';
import { rows, type Queryable } from '@tutti/platform';
import type { PupilStatus } from '../pupils/pupil.model';

export interface RepublishedTenant {
  tenantId: string;
  /** The area's name as scheduling knows it from the gateway; null if it never heard. */
  name: string | null;
  schools: number;
  pupils: number;
  ensembles: number;
  /** Members of staff with a safeguarding record (those whose clearance other services may keep). */
  staffClearances: number;
}

/** A pupil's place as the roster events tell it, with whether (and when) they left. */
export interface PupilPlace extends Omit<PupilEnrolledV1, 'version'> {
  status: PupilStatus;
  leftOn: string | null;
}

/** The next batch of the area's schools after `afterId` (by id) as school events, each row share-locked (NOWAIT: fails at once on a row being changed). */
export function schoolsBatch(db: Queryable, tenantId: string, afterId: string | null, batchSize: number): Promise<SchoolChangedV1[]> {
  return rows<SchoolChangedV1>(
    db,
    `SELECT 1 AS version, id AS "schoolId", name, urn, phase FROM schools
         WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3 FOR SHARE NOWAIT`,
    [tenantId, afterId, batchSize],
  );
}

/** The next batch of the area's pupils after `afterId` (by id), each row share-locked (NOWAIT). */
export function pupilsBatch(db: Queryable, tenantId: string, afterId: string | null, batchSize: number): Promise<PupilPlace[]> {
  return rows<PupilPlace>(
    db,
    `SELECT id AS "pupilId", school_id AS "schoolId", class_id AS "classId", year_group AS "yearGroup", first_name AS "firstName", last_name AS "lastName",
                status, to_char(left_on, 'YYYY-MM-DD') AS "leftOn"
         FROM pupils WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3 FOR SHARE NOWAIT`,
    [tenantId, afterId, batchSize],
  );
}

/** The next batch of the area's ensemble ids after `afterId`. */
export async function ensembleIdsBatch(db: Queryable, tenantId: string, afterId: string | null, batchSize: number): Promise<string[]> {
  const ensembles = await rows<{ id: string }>(
    db,
    'SELECT id FROM ensembles WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3',
    [tenantId, afterId, batchSize],
  );
  return ensembles.map((ensemble) => ensemble.id);
}

/** Every area scheduling knows (or only one), by name, with how many schools, pupils, ensembles and safeguarding records it has. */
export function tenantsToRepublish(db: Queryable, onlyTenantId: string | null): Promise<RepublishedTenant[]> {
  return rows<RepublishedTenant>(
    db,
    `SELECT t.tenant_id AS "tenantId", s.name,
            (SELECT count(*)::int FROM schools WHERE tenant_id = t.tenant_id) AS schools,
            (SELECT count(*)::int FROM pupils WHERE tenant_id = t.tenant_id) AS pupils,
            (SELECT count(*)::int FROM ensembles WHERE tenant_id = t.tenant_id) AS ensembles,
            (SELECT count(*)::int FROM safeguarding_records WHERE tenant_id = t.tenant_id) AS "staffClearances"
     FROM (SELECT tenant_id FROM tenant_settings UNION SELECT tenant_id FROM schools UNION SELECT tenant_id FROM ensembles
           UNION SELECT tenant_id FROM safeguarding_records) t
     LEFT JOIN tenant_settings s ON s.tenant_id = t.tenant_id AND s.name <> ''
     WHERE $1::uuid IS NULL OR t.tenant_id = $1
     ORDER BY s.name NULLS LAST, t.tenant_id`,
    [onlyTenantId],
  );
}
