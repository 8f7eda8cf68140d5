import { eventIsNewerSql, type EventHandlers } from '@tutti/messaging';

/**
 * Events about one pupil may be applied in any order, so each aspect of a pupil row remembers the
 * (occurred-at, id) of the event that last set it and takes only newer events: place (school,
 * left-on) and details (names, year group). Event ids are UUIDv7, so they order one transaction's
 * events too. A NULL marker (never set by an event) is older than any event.
 */
const olderThanEvent = (aspect: 'place' | 'details', eventAt: string, eventId: string): string => eventIsNewerSql(`pupils.${aspect}_event`, eventAt, eventId);

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

/**
 * What this service keeps of scheduling's roster: schools (for CSV owner URNs) and pupils (their
 * school, for staff access and active loans; their year group, for instrument sizes).
 */
export const ROSTER_PROJECTION_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.school.updated': async (event, manager) => {
    await upsertSchool(manager, event.tenantId, event.payload);
  },
  'scheduling.pupil.enrolled': async (event, manager) => {
    const pupil = event.payload;
    await manager.query(LOANS_FOLLOW_PLACE(ENROL), [event.tenantId, pupil.pupilId, pupil.schoolId, pupil.yearGroup, pupil.firstName, pupil.lastName, event.occurredAt, event.id]);
  },
  'scheduling.pupil.moved': async (event, manager) => {
    // Its year group is not applied: year changes come as details-changed, ordered among the details.
    const move = event.payload;
    await manager.query(LOANS_FOLLOW_PLACE(MOVE), [event.tenantId, move.pupilId, move.toSchoolId, event.occurredAt, event.id]);
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    const pupil = event.payload;
    await manager.query(
      `UPDATE pupils SET first_name = $3, last_name = $4, year_group = $5, details_event_at = $6, details_event_id = $7
        WHERE tenant_id = $1 AND id = $2 AND ${olderThanEvent('details', '$6::timestamptz', '$7::uuid')}`,
      [event.tenantId, pupil.pupilId, pupil.firstName, pupil.lastName, pupil.yearGroup, event.occurredAt, event.id],
    );
  },
  'scheduling.pupil.left': async (event, manager) => {
    const left = event.payload;
    await manager.query(LOANS_FOLLOW_PLACE(LEAVE), [event.tenantId, left.pupilId, left.schoolId, left.leftOn, event.occurredAt, event.id]);
  },
};

async function upsertSchool(manager: { query: (sql: string, params: unknown[]) => Promise<unknown> }, tenantId: string, school: { schoolId: string; name: string; urn: string | null }): Promise<void> {
  await manager.query(
    `INSERT INTO schools (tenant_id, id, name, urn) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, urn = EXCLUDED.urn`,
    [tenantId, school.schoolId, school.name, school.urn],
  );
}
