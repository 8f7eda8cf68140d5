import { eventIsNewerSql } from '@tutti/messaging';
import { oneRow, rows, type Queryable } from '@tutti/platform';

/** A pupil's place, as much as a check-out needs: who may lend to them, and whether they have left. */
export interface PupilPlaceRecord {
  id: string;
  school_id: string;
  left_on: Date | string | null;
}

export interface PupilSizingRecord {
  id: string;
  school_id: string;
  year_group: number;
  arm_length_mm: number | null;
}

/** An active loan of a sized instrument, with what its pupil's recommended size is reckoned from. */
export interface SizedLoanRecord {
  loan_id: string;
  pupil_id: string;
  school_id: string;
  instrument_id: string;
  asset_tag: string;
  type: string;
  size: string;
  year_group: number;
  arm_length_mm: number | null;
}

/** Where an event's facts come from: its tenant, id and time. */
interface EventStamp {
  tenantId: string;
  id: string;
  occurredAt: string;
}

/**
 * Events about one pupil may be applied in any order, so each aspect of a pupil row remembers the
 * (occurred-at, id) of the event that last set it and takes only newer events: place (school,
 * left-on) and details (names, year group). Event ids are UUIDv7, so they order one transaction's
 * events too. A NULL marker (never set by an event) is older than any event.
 */
const olderThanEvent = (aspect: 'place' | 'details', eventAt: string, eventId: string): string =>
  eventIsNewerSql(`pupils.${aspect}_event`, eventAt, eventId);

const PLACE_IS_OLDER = olderThanEvent('place', 'EXCLUDED.place_event_at', 'EXCLUDED.place_event_id');
const DETAILS_IS_OLDER = olderThanEvent('details', 'EXCLUDED.details_event_at', 'EXCLUDED.details_event_id');

/** $1 tenant, $2 pupil, $3 school, $4 year group, $5 first name, $6 last name, $7 occurred-at, $8 event id. */
const ENROL = `
  INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name, place_event_at, place_event_id, details_event_at, details_event_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::uuid, $7::timestamptz, $8::uuid)
  ON CONFLICT (tenant_id, id) DO UPDATE SET
    school_id = CASE WHEN ${PLACE_IS_OLDER} THEN EXCLUDED.school_id ELSE pupils.school_id END,
    left_on = CASE WHEN ${PLACE_IS_OLDER} THEN NULL ELSE pupils.left_on END,
    place_event_at = CASE WHEN ${PLACE_IS_OLDER} THEN EXCLUDED.place_event_at ELSE pupils.place_event_at END,
    place_event_id = CASE WHEN ${PLACE_IS_OLDER} THEN EXCLUDED.place_event_id ELSE pupils.place_event_id END,
    year_group = CASE WHEN ${DETAILS_IS_OLDER} THEN EXCLUDED.year_group ELSE pupils.year_group END,
    first_name = CASE WHEN ${DETAILS_IS_OLDER} THEN EXCLUDED.first_name ELSE pupils.first_name END,
    last_name = CASE WHEN ${DETAILS_IS_OLDER} THEN EXCLUDED.last_name ELSE pupils.last_name END,
    details_event_at = CASE WHEN ${DETAILS_IS_OLDER} THEN EXCLUDED.details_event_at ELSE pupils.details_event_at END,
    details_event_id = CASE WHEN ${DETAILS_IS_OLDER} THEN EXCLUDED.details_event_id ELSE pupils.details_event_id END
  WHERE ${PLACE_IS_OLDER} OR ${DETAILS_IS_OLDER}
  RETURNING tenant_id, id, school_id, place_event_id = $8::uuid AS place_applied`;

/** $1 tenant, $2 pupil, $3 new school, $4 occurred-at, $5 event id. Updates only: a move names no details to insert with. */
const MOVE = `
  UPDATE pupils SET school_id = $3, place_event_at = $4, place_event_id = $5
   WHERE tenant_id = $1 AND id = $2 AND ${olderThanEvent('place', '$4::timestamptz', '$5::uuid')}
  RETURNING tenant_id, id, school_id, true AS place_applied`;

/** $1 tenant, $2 pupil, $3 school left, $4 left-on, $5 occurred-at, $6 event id. */
const LEAVE = `
  UPDATE pupils SET school_id = $3, left_on = $4, place_event_at = $5, place_event_id = $6
   WHERE tenant_id = $1 AND id = $2 AND ${olderThanEvent('place', '$5::timestamptz', '$6::uuid')}
  RETURNING tenant_id, id, school_id, true AS place_applied`;

/**
 * Applies a place statement and, where it took, moves the pupil's active loans to the school it set,
 * so that their school's staff see them. Following whichever place event is applied (not only moves)
 * keeps loans with the pupil's newest school whatever order the events come in.
 */
const LOANS_FOLLOW_PLACE = (placeStatement: string): string => `
  WITH placed AS (${placeStatement})
  UPDATE loans SET school_id = placed.school_id FROM placed
   WHERE placed.place_applied AND loans.tenant_id = placed.tenant_id AND loans.pupil_id = placed.id
     AND loans.returned_at IS NULL AND loans.school_id <> placed.school_id`;

export async function upsertSchool(
  db: Queryable,
  tenantId: string,
  school: { schoolId: string; name: string; urn: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO schools (tenant_id, id, name, urn) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, urn = EXCLUDED.urn`,
    [tenantId, school.schoolId, school.name, school.urn],
  );
}

export async function schoolExists(db: Queryable, tenantId: string, schoolId: string): Promise<boolean> {
  return (await oneRow(db, 'SELECT 1 AS found FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId])) !== undefined;
}

/** The area's schools by URN (those that have one). */
export async function schoolIdsByUrn(db: Queryable, tenantId: string): Promise<Map<string, string>> {
  const found = await rows<{ id: string; urn: string }>(db, 'SELECT id, urn FROM schools WHERE tenant_id = $1 AND urn IS NOT NULL', [
    tenantId,
  ]);
  return new Map(found.map((school) => [school.urn, school.id]));
}

export async function enrolPupil(
  db: Queryable,
  event: EventStamp,
  pupil: { pupilId: string; schoolId: string; yearGroup: number; firstName: string; lastName: string },
): Promise<void> {
  await db.query(LOANS_FOLLOW_PLACE(ENROL), [
    event.tenantId,
    pupil.pupilId,
    pupil.schoolId,
    pupil.yearGroup,
    pupil.firstName,
    pupil.lastName,
    event.occurredAt,
    event.id,
  ]);
}

export async function movePupil(db: Queryable, event: EventStamp, move: { pupilId: string; toSchoolId: string }): Promise<void> {
  await db.query(LOANS_FOLLOW_PLACE(MOVE), [event.tenantId, move.pupilId, move.toSchoolId, event.occurredAt, event.id]);
}

export async function pupilLeft(
  db: Queryable,
  event: EventStamp,
  left: { pupilId: string; schoolId: string; leftOn: string },
): Promise<void> {
  await db.query(LOANS_FOLLOW_PLACE(LEAVE), [event.tenantId, left.pupilId, left.schoolId, left.leftOn, event.occurredAt, event.id]);
}

export async function changePupilDetails(
  db: Queryable,
  event: EventStamp,
  pupil: { pupilId: string; firstName: string; lastName: string; yearGroup: number },
): Promise<void> {
  await db.query(
    `UPDATE pupils SET first_name = $3, last_name = $4, year_group = $5, details_event_at = $6, details_event_id = $7
      WHERE tenant_id = $1 AND id = $2 AND ${olderThanEvent('details', '$6::timestamptz', '$7::uuid')}`,
    [event.tenantId, pupil.pupilId, pupil.firstName, pupil.lastName, pupil.yearGroup, event.occurredAt, event.id],
  );
}

export function pupilPlace(db: Queryable, tenantId: string, pupilId: string): Promise<PupilPlaceRecord | undefined> {
  return oneRow<PupilPlaceRecord>(db, 'SELECT id, school_id, left_on FROM pupils WHERE tenant_id = $1 AND id = $2', [tenantId, pupilId]);
}

export function pupilSizing(db: Queryable, tenantId: string, pupilId: string): Promise<PupilSizingRecord | undefined> {
  return oneRow<PupilSizingRecord>(db, 'SELECT id, school_id, year_group, arm_length_mm FROM pupils WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    pupilId,
  ]);
}

export async function saveArmLength(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  armLengthMm: number,
  measuredOn: string,
): Promise<void> {
  await db.query('UPDATE pupils SET arm_length_mm = $3, arm_measured_on = $4 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    pupilId,
    armLengthMm,
    measuredOn,
  ]);
}

/** Active loans of sized instruments to pupils of the given schools (all when `allSchools`), optionally one school's, by loan id after `afterLoanId`. */
export function sizedLoans(
  db: Queryable,
  tenantId: string,
  scope: { allSchools: boolean; schoolIds: string[] },
  schoolId: string | null,
  afterLoanId: string | null,
  limit: number,
): Promise<SizedLoanRecord[]> {
  return rows<SizedLoanRecord>(
    db,
    `SELECT l.id AS loan_id, l.pupil_id, l.school_id, i.id AS instrument_id, i.asset_tag, i.type, i.size, p.year_group, p.arm_length_mm
       FROM loans l
       JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
       JOIN pupils p ON p.tenant_id = l.tenant_id AND p.id = l.pupil_id
      WHERE l.tenant_id = $1 AND l.returned_at IS NULL AND i.size IS NOT NULL
        AND ($2::boolean OR l.school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR l.school_id = $4) AND ($5::uuid IS NULL OR l.id > $5)
      ORDER BY l.id LIMIT ${limit}`,
    [tenantId, scope.allSchools, scope.schoolIds, schoolId, afterLoanId],
  );
}
