import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { EnsembleKind, Strand } from './ensemble.model';

export interface EnsembleRow {
  id: string;
  schoolId: string | null;
  name: string;
  kind: EnsembleKind;
  strand: Strand;
  level: string | null;
  version: number;
}

export interface MemberRow {
  id: string;
  ensembleId: string;
  pupilId: string | null;
  staffId: string | null;
  name: string;
  instrument: string | null;
  section: string | null;
  joinedOn: string;
  leftOn: string | null;
}

/** A membership just ended, as the membership event tells it. */
export interface EndedMembershipRow {
  id: string;
  ensembleId: string;
  pupilId: string | null;
  staffId: string | null;
  instrument: string | null;
  section: string | null;
  leftOn: string;
}

/** A current pupil member, as the ensemble snapshot event tells it. */
export interface SnapshotMemberRow {
  pupilId: string;
  schoolId: string;
  displayName: string;
  instrument: string | null;
}

export interface MembersFilter {
  includeFormer: boolean;
  /** Pupils of every school (else only of `schoolIds`); staff members are always listed. */
  allSchools: boolean;
  schoolIds: string[];
}

const ENSEMBLE_COLUMNS = 'id, school_id AS "schoolId", name, kind, strand, level, version';
const MEMBER_COLUMNS = `m.id, m.ensemble_id AS "ensembleId", m.pupil_id AS "pupilId", m.staff_id AS "staffId",
  coalesce(p.first_name || ' ' || p.last_name, s.display_name) AS name, m.instrument, m.section,
  to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"`;

export async function insertEnsemble(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  ensemble: { schoolId: string | null; name: string; kind: EnsembleKind; strand: Strand; level: string | null },
): Promise<EnsembleRow> {
  const created = await oneRow<EnsembleRow>(
    db,
    `INSERT INTO ensembles (id, tenant_id, school_id, name, kind, strand, level) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENSEMBLE_COLUMNS}`,
    [ensembleId, tenantId, ensemble.schoolId, ensemble.name, ensemble.kind, ensemble.strand, ensemble.level],
  );
  if (!created) throw new Error('insert returned nothing');
  return created;
}

/** A page of ensembles by name after the cursor's (name, id): area-wide ones and those of the schools in scope (null: all), of one school and strand if given. */
export function ensemblesPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  filter: { schoolId: string | null; strand: string | null },
  after: readonly unknown[] | null,
  limit: number,
): Promise<EnsembleRow[]> {
  return rows<EnsembleRow>(
    db,
    `SELECT ${ENSEMBLE_COLUMNS} FROM ensembles
       WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR school_id IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
         AND ($4::text IS NULL OR strand = $4) AND ($5::text IS NULL OR (name, id) > ($5, $6::uuid))
       ORDER BY name, id LIMIT $7`,
    [tenantId, schoolIds, filter.schoolId, filter.strand, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function ensembleById(db: Queryable, tenantId: string, ensembleId: string): Promise<EnsembleRow | undefined> {
  return oneRow<EnsembleRow>(db, `SELECT ${ENSEMBLE_COLUMNS} FROM ensembles WHERE tenant_id = $1 AND id = $2`, [tenantId, ensembleId]);
}

/** The ensemble's school (null: area-wide) and name, or undefined when the area has no such ensemble. */
export function ensembleSchoolAndName(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
): Promise<{ schoolId: string | null; name: string } | undefined> {
  return oneRow<{ schoolId: string | null; name: string }>(
    db,
    'SELECT school_id AS "schoolId", name FROM ensembles WHERE tenant_id = $1 AND id = $2',
    [tenantId, ensembleId],
  );
}

/** The edited ensemble, or undefined when it is not at `expectedVersion` (or not there). */
export function updateEnsemble(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  expectedVersion: number,
  changes: { name?: string; strand?: Strand; level?: string },
): Promise<EnsembleRow | undefined> {
  return oneRow<EnsembleRow>(
    db,
    `UPDATE ensembles SET name = coalesce($3, name), strand = coalesce($4, strand), level = coalesce($5, level), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $6 RETURNING ${ENSEMBLE_COLUMNS}`,
    [tenantId, ensembleId, changes.name ?? null, changes.strand ?? null, changes.level ?? null, expectedVersion],
  );
}

/** The id of the pupil's or member of staff's current membership of the ensemble, its row locked; undefined when there is none. */
export async function lockCurrentMembership(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  pupilId: string | null,
  staffId: string | null,
): Promise<string | undefined> {
  const already = await oneRow<{ id: string }>(
    db,
    `SELECT id FROM ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND left_on IS NULL AND (pupil_id = $3 OR staff_id = $4) FOR UPDATE`,
    [tenantId, ensembleId, pupilId, staffId],
  );
  return already?.id;
}

export async function insertMember(
  db: Queryable,
  tenantId: string,
  memberId: string,
  member: {
    ensembleId: string;
    pupilId: string | null;
    staffId: string | null;
    instrument: string | null;
    section: string | null;
    joinedOn: string;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO ensemble_members (id, tenant_id, ensemble_id, pupil_id, staff_id, instrument, section, joined_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [memberId, tenantId, member.ensembleId, member.pupilId, member.staffId, member.instrument, member.section, member.joinedOn],
  );
}

export async function endMembership(db: Queryable, tenantId: string, memberId: string, leftOn: string): Promise<void> {
  await db.query('UPDATE ensemble_members SET left_on = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, memberId, leftOn]);
}

/** A page of the ensemble's members by name after the cursor's (name, id); pupils only of the schools the filter lets in. */
export function membersPage(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  filter: MembersFilter,
  after: readonly unknown[] | null,
  limit: number,
): Promise<(MemberRow & { pupilSchoolId: string | null })[]> {
  return rows<MemberRow & { pupilSchoolId: string | null }>(
    db,
    `SELECT * FROM (
         SELECT ${MEMBER_COLUMNS}, p.school_id AS "pupilSchoolId" FROM ensemble_members m
         LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
         LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
         WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND ($3::boolean OR m.left_on IS NULL)
           AND (m.pupil_id IS NULL OR $4::boolean OR p.school_id = ANY($5::uuid[]))
       ) members
       WHERE ($6::text IS NULL OR (name, id) > ($6, $7::uuid))
       ORDER BY name, id LIMIT $8`,
    [tenantId, ensembleId, filter.includeFormer, filter.allSchools, filter.schoolIds, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function memberById(db: Queryable, tenantId: string, memberId: string): Promise<MemberRow | undefined> {
  return oneRow<MemberRow>(
    db,
    `SELECT ${MEMBER_COLUMNS} FROM ensemble_members m
       LEFT JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
       LEFT JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
       WHERE m.tenant_id = $1 AND m.id = $2`,
    [tenantId, memberId],
  );
}

/** The schools a member of staff works at, or undefined when the area has no such member of staff. */
export async function staffSchoolIds(db: Queryable, tenantId: string, staffId: string): Promise<string[] | undefined> {
  const staff = await oneRow<{ schoolIds: string[] }>(
    db,
    `SELECT coalesce(array_agg(ss.school_id) FILTER (WHERE ss.school_id IS NOT NULL), '{}') AS "schoolIds" FROM staff s
       LEFT JOIN staff_schools ss ON ss.tenant_id = s.tenant_id AND ss.staff_id = s.id WHERE s.tenant_id = $1 AND s.id = $2 GROUP BY s.id`,
    [tenantId, staffId],
  );
  return staff?.schoolIds;
}

/**
 * Ends a pupil's current memberships (only those of one school's ensembles, when given): a membership that starts
 * after the leaving date ends the day it began.
 */
export function endPupilCurrentMemberships(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  leftOn: string,
  onlyOfSchoolId: string | null,
): Promise<EndedMembershipRow[]> {
  return rows<EndedMembershipRow>(
    db,
    `UPDATE ensemble_members m SET left_on = greatest(m.joined_on, $3::date)
     FROM ensembles e
     WHERE m.tenant_id = $1 AND m.pupil_id = $2 AND m.left_on IS NULL
       AND e.tenant_id = m.tenant_id AND e.id = m.ensemble_id AND ($4::uuid IS NULL OR e.school_id = $4)
     RETURNING m.id, m.ensemble_id AS "ensembleId", m.pupil_id AS "pupilId", m.staff_id AS "staffId", m.instrument, m.section,
               to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn"`,
    [tenantId, pupilId, leftOn, onlyOfSchoolId],
  );
}

/** The ensemble's current pupil members, by pupil id. */
export function currentPupilMembers(db: Queryable, tenantId: string, ensembleId: string): Promise<SnapshotMemberRow[]> {
  return rows<SnapshotMemberRow>(
    db,
    `SELECT m.pupil_id AS "pupilId", p.school_id AS "schoolId", p.first_name || ' ' || p.last_name AS "displayName", m.instrument
     FROM ensemble_members m JOIN pupils p ON p.tenant_id = m.tenant_id AND p.id = m.pupil_id
     WHERE m.tenant_id = $1 AND m.ensemble_id = $2 AND m.left_on IS NULL ORDER BY m.pupil_id`,
    [tenantId, ensembleId],
  );
}
