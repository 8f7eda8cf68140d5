import { eventIsNewerSql } from '@tutti/messaging';
import { rows, type Queryable } from '@tutti/platform';

/** What an event says of a pupil, and when: (occurredAt, eventId) orders the events. */
export interface PupilFacts {
  pupilId: string;
  schoolId: string;
  displayName: string;
  /** Only enrolment says the pupil has not left. */
  clearsLeftOn: boolean;
}

export interface EventMark {
  occurredAt: string;
  eventId: string;
}

export async function upsertSchool(db: Queryable, tenantId: string, schoolId: string, name: string): Promise<void> {
  await db.query(
    `INSERT INTO replica_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, school_id) DO UPDATE SET name = EXCLUDED.name`,
    [tenantId, schoolId, name],
  );
}

/** Moves a pupil to a school, unless a newer event set their place. */
export async function movePupil(db: Queryable, tenantId: string, pupilId: string, schoolId: string, mark: EventMark): Promise<void> {
  await db.query(
    `UPDATE replica_pupils SET school_id = $3, place_event_at = $4, place_event_id = $5
      WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('place', '$4', '$5')}`,
    [tenantId, pupilId, schoolId, mark.occurredAt, mark.eventId],
  );
}

/** Renames a pupil, unless a newer event set their details. */
export async function renamePupil(db: Queryable, tenantId: string, pupilId: string, displayName: string, mark: EventMark): Promise<void> {
  await db.query(
    `UPDATE replica_pupils SET display_name = $3, details_event_at = $4, details_event_id = $5
      WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('details', '$4', '$5')}`,
    [tenantId, pupilId, displayName, mark.occurredAt, mark.eventId],
  );
}

/** Records that a pupil left (from the school they left), unless a newer event set their place. */
export async function markPupilLeft(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  schoolId: string,
  leftOn: string,
  mark: EventMark,
): Promise<void> {
  await db.query(
    `UPDATE replica_pupils SET left_on = $3, school_id = $4, place_event_at = $5, place_event_id = $6
      WHERE tenant_id = $1 AND pupil_id = $2 AND ${isOlderThan('place', '$5', '$6')}`,
    [tenantId, pupilId, leftOn, schoolId, mark.occurredAt, mark.eventId],
  );
}

/** Records an ensemble's snapshot unless a newer one is held; whether it was applied. */
export async function applyEnsembleSnapshot(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  schoolId: string | null,
  name: string | null,
  snapshotAt: Date,
): Promise<boolean> {
  const applied = await rows<{ ensemble_id: string }>(
    db,
    `INSERT INTO replica_ensembles (tenant_id, ensemble_id, school_id, name, snapshot_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, ensemble_id) DO UPDATE SET school_id = EXCLUDED.school_id, name = coalesce(EXCLUDED.name, replica_ensembles.name), snapshot_at = EXCLUDED.snapshot_at
     WHERE replica_ensembles.snapshot_at IS NULL OR replica_ensembles.snapshot_at <= EXCLUDED.snapshot_at
     RETURNING ensemble_id`,
    [tenantId, ensembleId, schoolId, name, snapshotAt],
  );
  return applied.length > 0;
}

/** Replaces an ensemble's members with the given ones. */
export async function replaceEnsembleMembers(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  members: { pupilId: string; instrument: string | null }[],
): Promise<void> {
  await db.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2`, [tenantId, ensembleId]);
  if (members.length === 0) return;
  await db.query(
    `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument)
     SELECT $1, $2, m.pupil_id, m.instrument FROM unnest($3::uuid[], $4::text[]) AS m (pupil_id, instrument)
     ON CONFLICT DO NOTHING`,
    [tenantId, ensembleId, members.map((m) => m.pupilId), members.map((m) => m.instrument)],
  );
}

/** An ensemble known by id only, until its snapshot comes. */
export async function ensureEnsemble(db: Queryable, tenantId: string, ensembleId: string): Promise<void> {
  await db.query(`INSERT INTO replica_ensembles (tenant_id, ensemble_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [tenantId, ensembleId]);
}

export async function upsertEnsembleMember(
  db: Queryable,
  tenantId: string,
  ensembleId: string,
  pupilId: string,
  instrument: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO replica_ensemble_members (tenant_id, ensemble_id, pupil_id, instrument) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, ensemble_id, pupil_id) DO UPDATE SET instrument = EXCLUDED.instrument`,
    [tenantId, ensembleId, pupilId, instrument],
  );
}

export async function deleteEnsembleMember(db: Queryable, tenantId: string, ensembleId: string, pupilId: string): Promise<void> {
  await db.query(`DELETE FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2 AND pupil_id = $3`, [
    tenantId,
    ensembleId,
    pupilId,
  ]);
}

/** A family's latest answer, unless a later one is held. */
export async function upsertConsent(
  db: Queryable,
  tenantId: string,
  consent: { pupilId: string; kind: string; granted: boolean; note: string | null; changedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO replica_consents (tenant_id, pupil_id, kind, granted, note, changed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, pupil_id, kind) DO UPDATE SET granted = EXCLUDED.granted, note = EXCLUDED.note, changed_at = EXCLUDED.changed_at
     WHERE replica_consents.changed_at <= EXCLUDED.changed_at`,
    [tenantId, consent.pupilId, consent.kind, consent.granted, consent.note, consent.changedAt],
  );
}

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
export async function upsertPupil(db: Queryable, tenantId: string, pupil: PupilFacts, mark: EventMark): Promise<void> {
  const placeIsNewer = isOlderThan('place', '$5', '$6');
  const detailsAreNewer = isOlderThan('details', '$5', '$6');
  await db.query(
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
    [tenantId, pupil.pupilId, pupil.schoolId, pupil.displayName, mark.occurredAt, mark.eventId, pupil.clearsLeftOn],
  );
}
