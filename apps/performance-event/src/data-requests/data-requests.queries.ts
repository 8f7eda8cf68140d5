import { isoDay, isoInstant, oneRow, rows, wordsPattern, type Queryable } from '@tutti/platform';

/**
 * What a data request (issue 19) reads and changes in this service. Export rows come out of SQL as
 * plain JSON: camelCase names, ISO 8601 instants (UTC) and YYYY-MM-DD days.
 */

export function replicaPupil(
  db: Queryable,
  tenantId: string,
  pupilId: string,
): Promise<{ display_name: string; erased_at: Date | null } | undefined> {
  return oneRow(db, 'SELECT display_name, erased_at FROM replica_pupils WHERE tenant_id = $1 AND pupil_id = $2', [tenantId, pupilId]);
}

export function exportPupil(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT p.pupil_id AS id, p.display_name AS "displayName", p.school_id AS "schoolId", s.name AS "schoolName", ${isoDay('p.left_on')} AS "leftOn"
       FROM replica_pupils p LEFT JOIN replica_schools s ON s.tenant_id = p.tenant_id AND s.school_id = p.school_id
      WHERE p.tenant_id = $1 AND p.pupil_id = $2`,
    [tenantId, pupilId],
  );
}

/** Every roster the pupil is (or was, `removed`) on, with the performance it is for. */
export function exportRosters(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT r.performance_id AS "performanceId", p.title, ${isoInstant('p.starts_at')} AS "startsAt", ${isoInstant('p.ends_at')} AS "endsAt",
            p.status, p.audience, v.name AS "venueName", r.school_id AS "schoolId", r.instrument, r.source,
            r.ensemble_id AS "ensembleId", e.name AS "ensembleName", r.removed, ${isoInstant('r.updated_at')} AS "updatedAt"
       FROM roster_entries r
       JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
       JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
       LEFT JOIN replica_ensembles e ON e.tenant_id = r.tenant_id AND e.ensemble_id = r.ensemble_id
      WHERE r.tenant_id = $1 AND r.pupil_id = $2
      ORDER BY p.starts_at, p.id`,
    [tenantId, pupilId],
  );
}

/**
 * The slots of the running orders the pupil plays in: as a soloist, or with their ensemble on the
 * roster; `namedInProgramme` is whether the audience's programme names them (consent to perform in public).
 */
export function exportProgrammeSlots(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT i.performance_id AS "performanceId", p.title, ${isoInstant('p.starts_at')} AS "startsAt", i.position + 1 AS "number",
            i.piece, i.composer, i.arranger, e.name AS "ensembleName", i.duration_seconds AS "durationSeconds",
            ($2 = ANY(i.soloist_pupil_ids)) AS "asSoloist", coalesce(c.granted, false) AS "namedInProgramme"
       FROM running_order_items i
       JOIN performances p ON p.tenant_id = i.tenant_id AND p.id = i.performance_id
       LEFT JOIN replica_ensembles e ON e.tenant_id = i.tenant_id AND e.ensemble_id = i.ensemble_id
       LEFT JOIN replica_consents c ON c.tenant_id = i.tenant_id AND c.pupil_id = $2 AND c.kind = 'performing_in_public'
      WHERE i.tenant_id = $1
        AND ($2 = ANY(i.soloist_pupil_ids)
             OR EXISTS (SELECT 1 FROM roster_entries r WHERE r.tenant_id = i.tenant_id AND r.performance_id = i.performance_id
                          AND r.pupil_id = $2 AND NOT r.removed AND r.ensemble_id = i.ensemble_id))
      ORDER BY p.starts_at, p.id, i.position`,
    [tenantId, pupilId],
  );
}

/** The programmes and run sheets handed out that listed the pupil, with their consents as printed. */
export function exportPrintedSheets(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT s.performance_id AS "performanceId", p.title, s.kind, ${isoInstant('s.printed_at')} AS "printedAt",
            (entry->>'named')::boolean AS named, entry->>'photoFilm' AS "photoFilmAsPrinted",
            entry->>'performingInPublic' AS "performingInPublicAsPrinted"
       FROM printed_sheets s
       JOIN performances p ON p.tenant_id = s.tenant_id AND p.id = s.performance_id
       CROSS JOIN LATERAL jsonb_array_elements(s.pupils) AS entry
      WHERE s.tenant_id = $1 AND entry->>'pupilId' = $2::text
      ORDER BY s.printed_at, s.id`,
    [tenantId, pupilId],
  );
}

export function exportConsents(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT kind, granted, note, ${isoInstant('changed_at')} AS "changedAt" FROM replica_consents WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY kind`,
    [tenantId, pupilId],
  );
}

export function exportEnsembles(db: Queryable, tenantId: string, pupilId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT m.ensemble_id AS "ensembleId", e.name, m.instrument
       FROM replica_ensemble_members m LEFT JOIN replica_ensembles e ON e.tenant_id = m.tenant_id AND e.ensemble_id = m.ensemble_id
      WHERE m.tenant_id = $1 AND m.pupil_id = $2 ORDER BY e.name, m.ensemble_id`,
    [tenantId, pupilId],
  );
}

/** Text columns where a child's name may have been typed (a title such as "Amira's solo evening", a guest soloist line). */
const FREE_TEXT: { table: string; column: string }[] = [
  { table: 'performances', column: 'title' },
  { table: 'performances', column: 'dress' },
  { table: 'performances', column: 'cancel_reason' },
  { table: 'running_order_items', column: 'piece' },
  { table: 'running_order_items', column: 'composer' },
  { table: 'running_order_items', column: 'arranger' },
  { table: 'replica_consents', column: 'note' },
];

/** Replaces the child's full name by the pseudonym in the running order and the performances' text; rows changed. */
export async function replaceNameInFreeText(db: Queryable, tenantId: string, fullName: string, pseudonym: string): Promise<number> {
  if (!fullName.trim()) return 0;
  const pattern = wordsPattern(fullName);
  let changed = 0;
  for (const { table, column } of FREE_TEXT) {
    const result = await rows<{ n: number }>(
      db,
      `UPDATE ${table} SET ${column} = regexp_replace(${column}, $2, $3, 'gi') WHERE tenant_id = $1 AND ${column} ~* $2 RETURNING 1 AS n`,
      [tenantId, pattern, pseudonym],
    );
    changed += result.length;
  }
  const guests = await rows<{ n: number }>(
    db,
    `UPDATE running_order_items
        SET guest_soloists = ARRAY(SELECT regexp_replace(g.name, $2, $3, 'gi') FROM unnest(guest_soloists) WITH ORDINALITY AS g(name, n) ORDER BY g.n)
      WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM unnest(guest_soloists) AS g(name) WHERE g.name ~* $2)
      RETURNING 1 AS n`,
    [tenantId, pattern, pseudonym],
  );
  // Events already delivered (a performance's title travels in its published event) keep their history, without the name.
  const delivered = await rows<{ n: number }>(
    db,
    `UPDATE outbox_events SET payload = regexp_replace(payload::text, $2, $3, 'gi')::jsonb
      WHERE tenant_id = $1 AND sent_at IS NOT NULL AND payload::text ~* $2
      RETURNING 1 AS n`,
    [tenantId, pattern, pseudonym],
  );
  return changed + guests.length + delivered.length;
}

/** The replica's display name becomes the pseudonym, and stays it: a late event older than the erasure cannot bring the name back. */
export async function eraseReplicaPupil(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  pseudonym: string,
  erasure: { at: string; eventId: string },
): Promise<number> {
  const changed = await rows<{ n: number }>(
    db,
    `UPDATE replica_pupils SET display_name = $3, erased_at = coalesce(erased_at, now()),
            details_event_at = CASE WHEN details_event_at IS NULL OR details_event_at < $4::timestamptz THEN $4::timestamptz ELSE details_event_at END,
            details_event_id = CASE WHEN details_event_at IS NULL OR details_event_at < $4::timestamptz THEN $5::uuid ELSE details_event_id END
      WHERE tenant_id = $1 AND pupil_id = $2 AND (display_name <> $3 OR erased_at IS NULL)
      RETURNING 1 AS n`,
    [tenantId, pupilId, pseudonym, erasure.at, erasure.eventId],
  );
  return changed.length;
}

/** The family's notes on their consents go; the answers (granted or refused) stay, so that a refusal is still kept. */
export async function clearConsentNotes(db: Queryable, tenantId: string, pupilIds: string[]): Promise<number> {
  const changed = await rows<{ n: number }>(
    db,
    'UPDATE replica_consents SET note = NULL WHERE tenant_id = $1 AND pupil_id = ANY($2::uuid[]) AND note IS NOT NULL RETURNING 1 AS n',
    [tenantId, pupilIds],
  );
  return changed.length;
}

export async function rosterPlaces(db: Queryable, tenantId: string, pupilId: string): Promise<number> {
  const found = await oneRow<{ n: number }>(db, 'SELECT count(*)::int AS n FROM roster_entries WHERE tenant_id = $1 AND pupil_id = $2', [
    tenantId,
    pupilId,
  ]);
  return found?.n ?? 0;
}

/** The earlier export answers about the pupil, once delivered: the gateway holds them, and the outbox copy names the child. */
export async function deleteDeliveredExports(db: Queryable, tenantId: string, pupilId: string): Promise<number> {
  const deleted = await rows<{ n: number }>(
    db,
    `DELETE FROM outbox_events
      WHERE tenant_id = $1 AND type = 'performance.data-request.answered' AND sent_at IS NOT NULL
        AND payload->>'kind' = 'export' AND strpos((payload->'records')::text, $2::text) > 0
      RETURNING 1 AS n`,
    [tenantId, pupilId],
  );
  return deleted.length;
}

const LEAVERS_DUE = `tenant_id = $1 AND left_on < $2::date AND erased_at IS NULL AND display_name <> 'Former pupil'`;

/** Former pupils past the schedule whose name this service still holds: ids (only counted in a dry run). */
export async function leaversDue(db: Queryable, tenantId: string, leftBefore: string): Promise<string[]> {
  const found = await rows<{ pupil_id: string }>(db, `SELECT pupil_id FROM replica_pupils WHERE ${LEAVERS_DUE} ORDER BY pupil_id`, [
    tenantId,
    leftBefore,
  ]);
  return found.map((row) => row.pupil_id);
}

export async function anonymiseLeavers(db: Queryable, tenantId: string, pupilIds: string[]): Promise<number> {
  const changed = await rows<{ n: number }>(
    db,
    `UPDATE replica_pupils SET display_name = 'Former pupil' WHERE tenant_id = $1 AND pupil_id = ANY($2::uuid[]) RETURNING 1 AS n`,
    [tenantId, pupilIds],
  );
  return changed.length;
}

export async function consentNotesOf(db: Queryable, tenantId: string, pupilIds: string[]): Promise<number> {
  const found = await oneRow<{ n: number }>(
    db,
    'SELECT count(*)::int AS n FROM replica_consents WHERE tenant_id = $1 AND pupil_id = ANY($2::uuid[]) AND note IS NOT NULL',
    [tenantId, pupilIds],
  );
  return found?.n ?? 0;
}
