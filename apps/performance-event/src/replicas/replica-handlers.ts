import type { EventEnvelope } from '@tutti/contracts';
import { eventIsNewerSql, type EventHandlers } from '@tutti/messaging';
import type { EntityManager } from 'typeorm';

/**
 * What this service learns from others, kept in local replica tables. Every handler is safe to run
 * twice (the consumer also remembers event ids) and ignores an update older than the one it holds,
 * since events of different ids may arrive out of order.
 */
export const REPLICA_HANDLERS: EventHandlers = {
  'scheduling.school.created': async (event, manager) => {
    await manager.query(
      `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name`,
      [event.tenantId, event.payload.schoolId, event.payload.name],
    );
  },
  'scheduling.school.updated': async (event, manager) => {
    await manager.query(
      `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name`,
      [event.tenantId, event.payload.schoolId, event.payload.name],
    );
  },

  'scheduling.pupil.enrolled': async (event, manager) => {
    const { pupilId, schoolId, firstName, lastName } = event.payload;
    await upsertPupil(manager, event, { pupilId, schoolId, displayName: `${firstName} ${lastName}`.trim(), clearsLeftOn: true });
  },
  /** A move changes the place only: year groups come as details-changed (and this replica keeps none). */
  'scheduling.pupil.moved': async (event, manager) => {
    await manager.query(
      `UPDATE replica_pupils SET school_id = $3, place_event_at = $4, place_event_id = $5
        WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('place', '$4', '$5')}`,
      [event.tenantId, event.payload.pupilId, event.payload.toSchoolId, event.occurredAt, event.id],
    );
  },
  'scheduling.pupil.details-changed': async (event, manager) => {
    const { pupilId, firstName, lastName } = event.payload;
    await manager.query(
      `UPDATE replica_pupils SET display_name = $3, details_event_at = $4, details_event_id = $5
        WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('details', '$4', '$5')}`,
      [event.tenantId, pupilId, `${firstName} ${lastName}`.trim(), event.occurredAt, event.id],
    );
  },
  'scheduling.pupil.left': async (event, manager) => {
    const { pupilId, schoolId, leftOn } = event.payload;
    await manager.query(
      `UPDATE replica_pupils SET left_on = $3, school_id = $4, place_event_at = $5, place_event_id = $6
        WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('place', '$5', '$6')}`,
      [event.tenantId, pupilId, leftOn, schoolId, event.occurredAt, event.id],
    );
  },

  /** A full snapshot of one ensemble's pupils: replaces what we knew, unless we hold a newer one. */
  'scheduling.ensemble.membership-changed': async (event, manager) => {
    const { ensembleId, schoolId, ensembleName, members } = event.payload;
    const occurredAt = new Date(event.occurredAt);
    const applied: unknown[] = await manager.query(
      `INSERT INTO replica_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, ensemble_id) DO UPDATE SET school_id = EXCLUDED.school_id, name = coalesce(EXCLUDED.name, replica_ensembles.name), snapshot_at = EXCLUDED.snapshot_at
       WHERE replica_ensembles.snapshot_at IS NULL OR replica_ensembles.snapshot_at <= EXCLUDED.snapshot_at
       RETURNING ensemble_id`,
      [event.tenantId, ensembleId, schoolId, ensembleName ?? null, occurredAt],
    );
    if (applied.length === 0) return;
    for (const member of members) await upsertPupil(manager, event, { pupilId: member.pupilId, schoolId: member.schoolId, displayName: member.displayName, clearsLeftOn: false });
    await manager.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2`, [event.tenantId, ensembleId]);
    if (members.length === 0) return;
    await manager.query(
      `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument)
       SELECT $1, $2, m.pupil_id, m.instrument FROM unnest($3::uuid[], $4::text[]) AS m (pupil_id, instrument)
       ON CONFLICT DO NOTHING`,
      [event.tenantId, ensembleId, members.map((m) => m.pupilId), members.map((m) => m.instrument)],
    );
  },

  /** The per-member change scheduling publishes as it happens; pupils' names and schools come from enrolment. */
  'scheduling.ensemble-membership.changed': async (event, manager) => {
    const { ensembleId, pupilId, change, instrument } = event.payload;
    if (!pupilId) return;
    await manager.query(`INSERT INTO replica_ensembles (tenant_id, ensemble_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.tenantId, ensembleId]);
    if (change === 'joined') {
      await manager.query(
        `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, ensemble_id, pupil_id) DO UPDATE SET instrument = EXCLUDED.instrument`,
        [event.tenantId, ensembleId, pupilId, instrument],
      );
    } else {
      await manager.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND pupil_id = $3`, [event.tenantId, ensembleId, pupilId]);
    }
  },

  'engagement.consent.changed': async (event, manager) => {
    const { pupilId, kind, granted, note } = event.payload;
    await manager.query(
      `INSERT INTO replica_consents (tenant_id, pupil_id, kind, granted, note, changed_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, pupil_id, kind) DO UPDATE SET granted = EXCLUDED.granted, note = EXCLUDED.note, changed_at = EXCLUDED.changed_at
       WHERE replica_consents.changed_at <= EXCLUDED.changed_at`,
      [event.tenantId, pupilId, kind, granted, note, new Date(event.occurredAt)],
    );
  },
};

/**
 * Whether a pupil row's aspect (`place`: school and left_on; `details`: display name) was last set by
 * an event older than ($at, $id), or by none. Events order by occurred-at, then id (UUIDv7, in
 * publishing order within one transaction); each aspect keeps its own marker because each event
 * carries only some of a pupil.
 */
function isOlderThan(aspect: 'place' | 'details', at: string, id: string): string {
  return eventIsNewerSql(`replica_pupils.${aspect}_event`, `${at}::timestamptz`, `${id}::uuid`);
}

/**
 * Inserts a pupil, or updates each aspect of a known one the event is newer for: enrolment and
 * ensemble snapshots both carry a school and a name; only enrolment says the pupil has not left.
 */
async function upsertPupil(
  manager: EntityManager,
  event: EventEnvelope<'scheduling.pupil.enrolled' | 'scheduling.ensemble.membership-changed'>,
  pupil: { pupilId: string; schoolId: string; displayName: string; clearsLeftOn: boolean },
): Promise<void> {
  const placeIsNewer = isOlderThan('place', '$5', '$6');
  const detailsAreNewer = isOlderThan('details', '$5', '$6');
  await manager.query(
    `INSERT INTO replica_pupils (tenant_id, pupil_id, school_id, display_name, place_event_at, place_event_id, details_event_at, details_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $6)
     ON CONFLICT (tenant_id, pupil_id) DO UPDATE SET
       school_id = CASE WHEN ${placeIsNewer} THEN EXCLUDED.school_id ELSE replica_pupils.school_id END,
       left_on = CASE WHEN $7::boolean AND ${placeIsNewer} THEN NULL ELSE replica_pupils.left_on END,
       place_event_at = CASE WHEN ${placeIsNewer} THEN EXCLUDED.place_event_at ELSE replica_pupils.place_event_at END,
       place_event_id = CASE WHEN ${placeIsNewer} THEN EXCLUDED.place_event_id ELSE replica_pupils.place_event_id END,
       display_name = CASE WHEN ${detailsAreNewer} THEN EXCLUDED.display_name ELSE replica_pupils.display_name END,
       details_event_at = CASE WHEN ${detailsAreNewer} THEN EXCLUDED.details_event_at ELSE replica_pupils.details_event_at END,
       details_event_id = CASE WHEN ${detailsAreNewer} THEN EXCLUDED.details_event_id ELSE replica_pupils.details_event_id END
     WHERE ${placeIsNewer} OR ${detailsAreNewer}`,
    [event.tenantId, pupil.pupilId, pupil.schoolId, pupil.displayName, event.occurredAt, event.id, pupil.clearsLeftOn],
  );
}
