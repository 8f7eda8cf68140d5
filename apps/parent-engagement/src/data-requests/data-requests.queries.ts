import { rows, type Queryable } from '@tutti/platform';

/** A row as the service holds it, as plain JSON (ISO dates), without the tenant. */
export type HeldRow = Record<string, unknown>;

const BOOKING_LIVE = `('confirmed', 'waitlisted', 'offered')`;

async function jsonRows(db: Queryable, sql: string, params: unknown[]): Promise<HeldRow[]> {
  return (await rows<{ row: HeldRow }>(db, sql, params)).map((found) => found.row);
}

async function count(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await rows<{ id: unknown }>(db, sql, params)).length;
}

// ---------------------------------------------------------------- export

/** The guardian's family row (contacts, preferences). */
export function familyRows(db: Queryable, tenantId: string, guardianIds: string[]): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(f) - 'tenant_id' AS row FROM families f WHERE tenant_id = $1 AND guardian_id = ANY($2::uuid[]) ORDER BY guardian_id`,
    [tenantId, guardianIds],
  );
}

/** The links between guardians and children: of these guardians, or (with pupilId) of this child. */
export function childLinkRows(db: Queryable, tenantId: string, guardianIds: string[], pupilId: string | null): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(c) - 'tenant_id' AS row FROM family_children c
      WHERE tenant_id = $1 AND guardian_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR pupil_id = $3)
      ORDER BY guardian_id, pupil_id`,
    [tenantId, guardianIds, pupilId],
  );
}

export async function guardiansOfPupil(db: Queryable, tenantId: string, pupilId: string): Promise<string[]> {
  return (
    await rows<{ guardian_id: string }>(
      db,
      `SELECT guardian_id FROM family_children WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY guardian_id`,
      [tenantId, pupilId],
    )
  ).map((row) => row.guardian_id);
}

export async function childrenOfGuardian(db: Queryable, tenantId: string, guardianId: string): Promise<string[]> {
  return (
    await rows<{ pupil_id: string }>(
      db,
      `SELECT pupil_id FROM family_children WHERE tenant_id = $1 AND guardian_id = $2 ORDER BY pupil_id`,
      [tenantId, guardianId],
    )
  ).map((row) => row.pupil_id);
}

/** Every consent decision about these children, oldest first: the history, not only the latest. */
export function consentRows(db: Queryable, tenantId: string, pupilIds: string[]): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(c) - 'tenant_id' AS row FROM consent_records c WHERE tenant_id = $1 AND pupil_id = ANY($2::uuid[]) ORDER BY pupil_id, kind, seq`,
    [tenantId, pupilIds],
  );
}

/** What a child's record in the roster replica is (school, class, left on) and the ensembles they are in. */
export function rosterRows(db: Queryable, tenantId: string, pupilId: string): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(p) - 'tenant_id' || jsonb_build_object('ensembleIds',
              (SELECT coalesce(jsonb_agg(m.ensemble_id ORDER BY m.ensemble_id), '[]') FROM roster_ensemble_members m
                WHERE m.tenant_id = p.tenant_id AND m.pupil_id = p.pupil_id)) AS row
       FROM roster_pupils p WHERE tenant_id = $1 AND pupil_id = $2`,
    [tenantId, pupilId],
  );
}

/** Rows of a table with guardian_id and pupil_ids: the guardian's own, or those naming the child. */
function byFamily(table: 'transport_bookings' | 'rsvps' | 'session_signups', extra = 'true') {
  return (db: Queryable, tenantId: string, guardianId: string | null, pupilId: string | null): Promise<HeldRow[]> =>
    jsonRows(
      db,
      `SELECT to_jsonb(x) - 'tenant_id' AS row FROM ${table} x
        WHERE tenant_id = $1 AND (guardian_id = $2 OR pupil_ids @> ARRAY[$3::uuid]) AND ${extra}
        ORDER BY id`,
      [tenantId, guardianId, pupilId],
    );
}

export const bookingRows = byFamily('transport_bookings');
/** Bookings that waited for a seat (on the list now, offered one, or waited before). */
export const waitlistRows = byFamily('transport_bookings', 'waitlist_position IS NOT NULL');
export const rsvpRows = byFamily('rsvps');
export const signUpRows = byFamily('session_signups');

/**
 * Messages to these recipients (a guardian, or a child: loan notices go to a child's family) or about
 * these subjects (a booking), with their delivery (status, attempts, last error, sent at).
 */
export function messageRows(db: Queryable, tenantId: string, recipientIds: string[], subjectIds: string[]): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(r) - 'tenant_id' - 'claimed_until' AS row FROM reminders r
      WHERE tenant_id = $1 AND (recipient_id = ANY($2::uuid[]) OR subject_id = ANY($3::uuid[]))
      ORDER BY created_at, id`,
    [tenantId, recipientIds, subjectIds],
  );
}

/** Text messages sent to this number. */
export function smsRows(db: Queryable, tenantId: string, phone: string | null): Promise<HeldRow[]> {
  if (!phone) return Promise.resolve([]);
  return jsonRows(
    db,
    `SELECT to_jsonb(s) - 'tenant_id' AS row FROM sms_outbox s WHERE tenant_id = $1 AND to_number = $2 ORDER BY created_at, id`,
    [tenantId, phone],
  );
}

/**
 * Announcements delivered to these guardians (delivery, read state and the announcement itself);
 * with a pupil, only those whose audience is that child's (their school, class, ensemble, or a
 * performance they are booked or answered for).
 */
export function announcementRows(db: Queryable, tenantId: string, guardianIds: string[], pupilId: string | null): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT to_jsonb(d) - 'tenant_id' || jsonb_build_object('announcement', to_jsonb(a) - 'tenant_id') AS row
       FROM announcement_deliveries d
       JOIN announcements a ON a.tenant_id = d.tenant_id AND a.id = d.announcement_id
      WHERE d.tenant_id = $1 AND d.guardian_id = ANY($2::uuid[])
        AND ($3::uuid IS NULL
             OR a.school_id IN (SELECT school_id FROM family_children WHERE tenant_id = $1 AND pupil_id = $3)
             OR a.class_id IN (SELECT class_id FROM roster_pupils WHERE tenant_id = $1 AND pupil_id = $3)
             OR a.ensemble_id IN (SELECT ensemble_id FROM roster_ensemble_members WHERE tenant_id = $1 AND pupil_id = $3)
             OR a.performance_id IN (SELECT performance_id FROM transport_bookings WHERE tenant_id = $1 AND pupil_ids @> ARRAY[$3::uuid]
                                     UNION SELECT performance_id FROM rsvps WHERE tenant_id = $1 AND pupil_ids @> ARRAY[$3::uuid]))
      ORDER BY a.created_at, a.id, d.guardian_id`,
    [tenantId, guardianIds, pupilId],
  );
}

/** That the guardian has a private calendar feed, and since when (not its secret). */
export function calendarFeedRows(db: Queryable, tenantId: string, guardianId: string): Promise<HeldRow[]> {
  return jsonRows(
    db,
    `SELECT jsonb_build_object('guardian_id', guardian_id, 'created_at', created_at) AS row FROM calendar_feeds WHERE tenant_id = $1 AND guardian_id = $2`,
    [tenantId, guardianId],
  );
}

// ---------------------------------------------------------------- erasure

/** Every name, address and number the service holds of this guardian (at least 3 characters), to find copies of in text. */
export async function knownStringsOfGuardian(db: Queryable, tenantId: string, guardianId: string): Promise<string[]> {
  const found = await rows<{ value: string }>(
    db,
    `SELECT DISTINCT value FROM (
        SELECT unnest(ARRAY[display_name, email, phone, account_email]) AS value FROM families WHERE tenant_id = $1 AND guardian_id = $2
        UNION ALL SELECT guardian_name FROM transport_bookings WHERE tenant_id = $1 AND guardian_id = $2
        UNION ALL SELECT guardian_name FROM rsvps WHERE tenant_id = $1 AND guardian_id = $2
        UNION ALL SELECT guardian_name FROM session_signups WHERE tenant_id = $1 AND guardian_id = $2
        UNION ALL SELECT given_by_name FROM consent_records WHERE tenant_id = $1 AND given_by = $2) v
      WHERE value IS NOT NULL AND length(value) >= 3`,
    [tenantId, guardianId],
  );
  // Longest first, so that a full name is replaced before a part of it.
  return found.map((row) => row.value).sort((a, b) => b.length - a.length);
}

/** The guardian's live bookings on buses that have not left yet. */
export function upcomingLiveBookings(db: Queryable, tenantId: string, guardianId: string): Promise<{ id: string; run_id: string }[]> {
  return rows(
    db,
    `SELECT b.id, b.run_id FROM transport_bookings b
       JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
      WHERE b.tenant_id = $1 AND b.guardian_id = $2 AND b.status IN ${BOOKING_LIVE} AND r.outbound_departs_at > now()
      ORDER BY b.id`,
    [tenantId, guardianId],
  );
}

/** The guardian's sign-ups to family sessions still to come: cancelled, their places given back. */
export async function cancelUpcomingSignUps(db: Queryable, tenantId: string, guardianId: string): Promise<number> {
  const cancelled = await rows<{ session_id: string; places: number }>(
    db,
    `UPDATE session_signups u SET status = 'cancelled', updated_at = now()
       FROM family_sessions s
      WHERE u.tenant_id = $1 AND u.guardian_id = $2 AND u.status = 'signed_up'
        AND s.tenant_id = u.tenant_id AND s.id = u.session_id AND s.starts_at > now()
      RETURNING u.session_id, u.places`,
    [tenantId, guardianId],
  );
  for (const signUp of cancelled) {
    await db.query(`UPDATE family_sessions SET places_taken = places_taken - $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      signUp.session_id,
      signUp.places,
    ]);
  }
  return cancelled.length;
}

/** The family's contact details removed and its name replaced; answers 1 if anything changed. */
export function anonymiseFamily(db: Queryable, tenantId: string, guardianId: string, name: string): Promise<number> {
  return count(
    db,
    `UPDATE families SET display_name = $3, email = NULL, phone = NULL, account_email = NULL, email_enabled = false, sms_enabled = false,
            email_chosen = false, quiet_hours_start = NULL, quiet_hours_end = NULL, version = version + 1, updated_at = now(),
            anonymised_at = coalesce(anonymised_at, now())
      WHERE tenant_id = $1 AND guardian_id = $2
        AND (display_name, email, phone, account_email, anonymised_at IS NULL) IS DISTINCT FROM ($3, NULL, NULL, NULL, false)
      RETURNING guardian_id`,
    [tenantId, guardianId, name],
  );
}

/** The guardian's name on their bookings, RSVPs and sign-ups replaced. */
export async function renameGuardianCopies(db: Queryable, tenantId: string, guardianId: string, name: string): Promise<number> {
  let changed = 0;
  for (const table of ['transport_bookings', 'rsvps', 'session_signups']) {
    changed += await count(
      db,
      `UPDATE ${table} SET guardian_name = $3 WHERE tenant_id = $1 AND guardian_id = $2 AND guardian_name <> $3 RETURNING id`,
      [tenantId, guardianId, name],
    );
  }
  return changed;
}

/** Consent decisions this guardian gave: their name replaced and the free text cleared (the decision, who and when stay). */
export function anonymiseConsentsGivenBy(db: Queryable, tenantId: string, guardianId: string, name: string): Promise<number> {
  return count(
    db,
    `UPDATE consent_records SET given_by_name = $3, note = NULL, reason = NULL, anonymised_at = coalesce(anonymised_at, now())
      WHERE tenant_id = $1 AND given_by = $2 AND (given_by_name <> $3 OR note IS NOT NULL OR reason IS NOT NULL)
      RETURNING id`,
    [tenantId, guardianId, name],
  );
}

export function consentsGivenBy(db: Queryable, tenantId: string, guardianId: string): Promise<number> {
  return count(db, `SELECT id FROM consent_records WHERE tenant_id = $1 AND given_by = $2`, [tenantId, guardianId]);
}

/** A child's consent decisions: the free text written about them cleared (the decision, who and when stay). */
export function clearConsentTextOfPupil(db: Queryable, tenantId: string, pupilId: string): Promise<number> {
  return count(
    db,
    `UPDATE consent_records SET note = NULL, reason = NULL, anonymised_at = coalesce(anonymised_at, now())
      WHERE tenant_id = $1 AND pupil_id = $2 AND (note IS NOT NULL OR reason IS NOT NULL)
      RETURNING id`,
    [tenantId, pupilId],
  );
}

/** The consent changes already published about the child: their note cleared in the outbox's copy. */
export function clearConsentNotesInOutbox(db: Queryable, tenantId: string, pupilId: string): Promise<number> {
  return count(
    db,
    `UPDATE outbox_events SET payload = jsonb_set(payload, '{note}', 'null')
      WHERE tenant_id = $1 AND type = 'engagement.consent.changed' AND payload->>'pupilId' = $2 AND payload->>'note' IS NOT NULL
      RETURNING id`,
    [tenantId, pupilId],
  );
}

/**
 * Exports this service answered earlier about the subject (its id appears in them): their records
 * emptied in the outbox's copy, so that no earlier export keeps what the erasure removed.
 */
export function redactEarlierExports(db: Queryable, tenantId: string, subjectId: string): Promise<number> {
  return count(
    db,
    `UPDATE outbox_events SET payload = jsonb_set(payload, '{records}', '{}')
      WHERE tenant_id = $1 AND type = 'engagement.data-request.answered' AND payload->>'kind' = 'export'
        AND payload->'records' <> '{}' AND strpos(payload::text, $2) > 0
      RETURNING id`,
    [tenantId, subjectId],
  );
}

/** Messages about a child (loan notices): the free text they carry (a reason staff wrote) removed. */
export function clearMessageTextOfPupil(db: Queryable, tenantId: string, pupilId: string): Promise<number> {
  return count(
    db,
    `UPDATE reminders SET payload = payload - 'reason', updated_at = now()
      WHERE tenant_id = $1 AND recipient_id = $2 AND payload ? 'reason'
      RETURNING id`,
    [tenantId, pupilId],
  );
}

/** Messages still to go to the guardian: cancelled (there is no one left to send them to). */
export function cancelPendingMessages(db: Queryable, tenantId: string, guardianId: string): Promise<number> {
  return count(
    db,
    `UPDATE reminders SET status = 'cancelled', updated_at = now()
      WHERE tenant_id = $1 AND recipient_id = $2 AND status IN ('scheduled', 'sending')
      RETURNING id`,
    [tenantId, guardianId],
  );
}

export function deleteCalendarFeed(db: Queryable, tenantId: string, guardianId: string): Promise<number> {
  return count(db, `DELETE FROM calendar_feeds WHERE tenant_id = $1 AND guardian_id = $2 RETURNING guardian_id`, [tenantId, guardianId]);
}

/** The answers kept for retried requests of this caller (they repeat what the caller was told, names too). */
export function deleteIdempotencyAnswers(db: Queryable, tenantId: string, callerId: string): Promise<number> {
  return count(db, `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND caller_id = $2 RETURNING key`, [tenantId, callerId]);
}

export function deleteTextMessagesTo(db: Queryable, tenantId: string, phones: string[]): Promise<number> {
  return count(db, `DELETE FROM sms_outbox WHERE tenant_id = $1 AND to_number = ANY($2::text[]) RETURNING id`, [tenantId, phones]);
}

/**
 * Copies of these strings (a guardian's name, address, number) wherever text is kept: what was
 * announced, messages' details and delivery errors, the outbox's published events, kept answers.
 * Replaced by `name`; answers the rows changed.
 */
export async function replaceInText(db: Queryable, tenantId: string, strings: string[], name: string): Promise<number> {
  let changed = 0;
  for (const value of strings) {
    const params = [tenantId, value, name];
    // In JSON the string is written escaped: replace its JSON spelling with the name's.
    const inJson = `replace(%s::text, substr(to_json($2::text)::text, 2, length(to_json($2::text)::text) - 2),
                              substr(to_json($3::text)::text, 2, length(to_json($3::text)::text) - 2))::jsonb`;
    const json = (column: string) => inJson.replace('%s', column);
    changed += await count(
      db,
      `UPDATE announcements SET subject = replace(subject, $2, $3), body = replace(body, $2, $3), sender_name = replace(sender_name, $2, $3)
        WHERE tenant_id = $1 AND (strpos(subject, $2) > 0 OR strpos(body, $2) > 0 OR strpos(sender_name, $2) > 0) RETURNING id`,
      params,
    );
    changed += await count(
      db,
      `UPDATE announcement_deliveries SET error = replace(error, $2, $3)
        WHERE tenant_id = $1 AND strpos(error, $2) > 0 RETURNING announcement_id`,
      params,
    );
    changed += await count(
      db,
      `UPDATE reminders SET payload = ${json('payload')}, last_error = replace(last_error, $2, $3)
        WHERE tenant_id = $1 AND (strpos(payload::text, $2) > 0 OR strpos(last_error, $2) > 0) RETURNING id`,
      params,
    );
    changed += await count(
      db,
      `UPDATE outbox_events SET payload = ${json('payload')}, last_error = replace(last_error, $2, $3)
        WHERE tenant_id = $1 AND (strpos(payload::text, $2) > 0 OR strpos(last_error, $2) > 0) RETURNING id`,
      params,
    );
    changed += await count(
      db,
      `UPDATE idempotency_keys SET response = ${json('response')}
        WHERE tenant_id = $1 AND strpos(response::text, $2) > 0 RETURNING key`,
      params,
    );
    changed += await count(
      db,
      `UPDATE consent_records SET note = replace(note, $2, $3), reason = replace(reason, $2, $3), anonymised_at = coalesce(anonymised_at, now())
        WHERE tenant_id = $1 AND (strpos(note, $2) > 0 OR strpos(reason, $2) > 0) RETURNING id`,
      params,
    );
    changed += await count(
      db,
      `UPDATE sms_outbox SET body = replace(body, $2, $3) WHERE tenant_id = $1 AND strpos(body, $2) > 0 RETURNING id`,
      params,
    );
  }
  return changed;
}

/** How many of the guardian's (or child's) bookings, RSVPs and sign-ups stay, by table. */
export async function keptRows(
  db: Queryable,
  tenantId: string,
  guardianId: string | null,
  pupilId: string | null,
): Promise<{ bookings: number; rsvps: number; signUps: number; messages: number }> {
  const [kept] = await rows<{ bookings: number; rsvps: number; signUps: number; messages: number }>(
    db,
    `SELECT (SELECT count(*) FROM transport_bookings WHERE tenant_id = $1 AND (guardian_id = $2 OR pupil_ids @> ARRAY[$3::uuid]))::int AS bookings,
            (SELECT count(*) FROM rsvps WHERE tenant_id = $1 AND (guardian_id = $2 OR pupil_ids @> ARRAY[$3::uuid]))::int AS rsvps,
            (SELECT count(*) FROM session_signups WHERE tenant_id = $1 AND (guardian_id = $2 OR pupil_ids @> ARRAY[$3::uuid]))::int AS "signUps",
            (SELECT count(*) FROM reminders WHERE tenant_id = $1 AND (recipient_id = $2 OR recipient_id = $3))::int AS messages`,
    [tenantId, guardianId, pupilId],
  );
  return kept;
}

// ---------------------------------------------------------------- retention

/**
 * Families not yet anonymised whose children have all left the programme (as the roster replica
 * knows it), the last of them on or before `leftBy`.
 */
export async function familiesWhoseChildrenLeftBy(db: Queryable, tenantId: string, leftBy: string): Promise<string[]> {
  return (
    await rows<{ guardian_id: string }>(
      db,
      `SELECT f.guardian_id FROM families f
         JOIN family_children c ON c.tenant_id = f.tenant_id AND c.guardian_id = f.guardian_id
         LEFT JOIN roster_pupils p ON p.tenant_id = c.tenant_id AND p.pupil_id = c.pupil_id
        WHERE f.tenant_id = $1 AND f.anonymised_at IS NULL
        GROUP BY f.guardian_id
       HAVING bool_and(p.left_on IS NOT NULL) AND max(p.left_on) <= $2::date
        ORDER BY f.guardian_id`,
      [tenantId, leftBy],
    )
  ).map((row) => row.guardian_id);
}

const OLD_MESSAGES = `tenant_id = $1 AND status IN ('sent', 'cancelled', 'failed') AND coalesce(sent_at, updated_at) < $2::date`;
const OLD_ANNOUNCEMENTS = `tenant_id = $1 AND created_at < $2::date`;

/** Messages (and their delivery), text messages and announcements sent before `before`: counted, or deleted. */
export async function oldMessages(
  db: Queryable,
  tenantId: string,
  before: string,
  remove: boolean,
): Promise<{ messages: number; textMessages: number; announcementDeliveries: number; announcements: number }> {
  const params = [tenantId, before];
  if (!remove) {
    const [counted] = await rows<{ messages: number; textMessages: number; announcementDeliveries: number; announcements: number }>(
      db,
      `SELECT (SELECT count(*) FROM reminders WHERE ${OLD_MESSAGES})::int AS messages,
              (SELECT count(*) FROM sms_outbox WHERE tenant_id = $1 AND created_at < $2::date)::int AS "textMessages",
              (SELECT count(*) FROM announcement_deliveries d WHERE d.tenant_id = $1
                  AND d.announcement_id IN (SELECT id FROM announcements WHERE ${OLD_ANNOUNCEMENTS}))::int AS "announcementDeliveries",
              (SELECT count(*) FROM announcements WHERE ${OLD_ANNOUNCEMENTS})::int AS announcements`,
      params,
    );
    return counted;
  }
  const messages = await count(db, `DELETE FROM reminders WHERE ${OLD_MESSAGES} RETURNING id`, params);
  const textMessages = await count(db, `DELETE FROM sms_outbox WHERE tenant_id = $1 AND created_at < $2::date RETURNING id`, params);
  const announcementDeliveries = await count(
    db,
    `DELETE FROM announcement_deliveries WHERE tenant_id = $1 AND announcement_id IN (SELECT id FROM announcements WHERE ${OLD_ANNOUNCEMENTS})
     RETURNING guardian_id`,
    params,
  );
  const announcements = await count(db, `DELETE FROM announcements WHERE ${OLD_ANNOUNCEMENTS} RETURNING id`, params);
  return { messages, textMessages, announcementDeliveries, announcements };
}
