import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { SessionKind } from './dto/family-session.dto';

export interface SessionRow {
  id: string;
  kind: SessionKind;
  title: string;
  school_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  places_taken: number;
}

export interface SignUpRow {
  id: string;
  session_id: string;
  guardian_id: string;
  guardian_name: string;
  places: number;
  pupil_ids: string[];
  status: string;
  attended: boolean | null;
}

/** Which schools' sessions a caller sees: all, or these. */
export interface SchoolsSeen {
  all: boolean;
  schoolIds: string[];
}

export interface NewSession {
  id: string;
  kind: SessionKind;
  title: string;
  schoolId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  createdBy: string;
}

export async function insertSession(db: Queryable, tenantId: string, session: NewSession): Promise<SessionRow> {
  const row = await oneRow<SessionRow>(
    db,
    `INSERT INTO family_sessions (tenant_id, id, kind, title, school_id, starts_at, ends_at, capacity, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      tenantId,
      session.id,
      session.kind,
      session.title,
      session.schoolId,
      session.startsAt,
      session.endsAt,
      session.capacity,
      session.createdBy,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}

/** A page of sessions already over at the schools seen (at one school, when given), most recent first. */
export function pastSessionsPage(
  db: Queryable,
  tenantId: string,
  seen: SchoolsSeen,
  filter: { schoolId: string | null; after: readonly (string | number)[] | null; limit: number },
): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    `SELECT * FROM family_sessions
      WHERE tenant_id = $1 AND ends_at <= now() AND ($2::boolean OR school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR school_id = $4)
        AND ($5::timestamptz IS NULL OR (starts_at, id) < ($5::timestamptz, $6::uuid))
      ORDER BY starts_at DESC, id DESC LIMIT $7`,
    [tenantId, seen.all, seen.schoolIds, filter.schoolId, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}

/** A page of sessions still to come at the schools seen (at one school, when given), soonest first. */
export function upcomingSessionsPage(
  db: Queryable,
  tenantId: string,
  seen: SchoolsSeen,
  filter: { schoolId: string | null; after: readonly (string | number)[] | null; limit: number },
): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    `SELECT * FROM family_sessions
      WHERE tenant_id = $1 AND ends_at > now() AND ($2::boolean OR school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR school_id = $4)
        AND ($5::timestamptz IS NULL OR (starts_at, id) > ($5::timestamptz, $6::uuid))
      ORDER BY starts_at, id LIMIT $7`,
    [tenantId, seen.all, seen.schoolIds, filter.schoolId, filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit],
  );
}

export function visibleSession(db: Queryable, tenantId: string, seen: SchoolsSeen, sessionId: string): Promise<SessionRow | undefined> {
  return oneRow<SessionRow>(
    db,
    'SELECT * FROM family_sessions WHERE tenant_id = $1 AND id = $2 AND ($3::boolean OR school_id = ANY($4::uuid[]))',
    [tenantId, sessionId, seen.all, seen.schoolIds],
  );
}

export async function sessionSchool(db: Queryable, tenantId: string, sessionId: string): Promise<string | undefined> {
  return (
    await oneRow<{ school_id: string }>(db, 'SELECT school_id FROM family_sessions WHERE tenant_id = $1 AND id = $2', [tenantId, sessionId])
  )?.school_id;
}

export interface NewSignUp {
  id: string;
  sessionId: string;
  guardianId: string;
  guardianName: string;
  pupilIds: string[];
  schoolIds: string[];
  places: number;
}

/** Signs the family up; re-signing after a cancellation reuses its row, an active sign-up is left alone (undefined). */
export function insertSignUp(db: Queryable, tenantId: string, signUp: NewSignUp): Promise<SignUpRow | undefined> {
  return oneRow<SignUpRow>(
    db,
    `INSERT INTO session_signups (tenant_id, id, session_id, guardian_id, guardian_name, pupil_ids, school_ids, places, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'signed_up')
     ON CONFLICT (tenant_id, session_id, guardian_id) DO UPDATE SET status = 'signed_up', places = EXCLUDED.places, pupil_ids = EXCLUDED.pupil_ids,
       school_ids = EXCLUDED.school_ids, guardian_name = EXCLUDED.guardian_name, attended = NULL, attendance_marked_at = NULL, updated_at = now()
     WHERE session_signups.status = 'cancelled'
     RETURNING *`,
    [tenantId, signUp.id, signUp.sessionId, signUp.guardianId, signUp.guardianName, signUp.pupilIds, signUp.schoolIds, signUp.places],
  );
}

/**
 * Whether the family's cancelled sign-up to the session had its attendance marked, which a re-signup
 * (reusing the row) takes back. Locks the row until the re-signup is done.
 */
export async function cancelledSignUpWasMarked(db: Queryable, tenantId: string, sessionId: string, guardianId: string): Promise<boolean> {
  const found = await oneRow<{ marked: boolean }>(
    db,
    `SELECT attendance_marked_at IS NOT NULL AS marked FROM session_signups
      WHERE tenant_id = $1 AND session_id = $2 AND guardian_id = $3 AND status = 'cancelled' FOR UPDATE`,
    [tenantId, sessionId, guardianId],
  );
  return found?.marked ?? false;
}

/** Takes places only while they are left (the CHECK on places_taken has the last word); false when they are not. */
export async function takeSessionPlaces(db: Queryable, tenantId: string, sessionId: string, places: number): Promise<boolean> {
  const taken = await oneRow<{ id: string }>(
    db,
    `UPDATE family_sessions SET places_taken = places_taken + $3 WHERE tenant_id = $1 AND id = $2 AND capacity - places_taken >= $3 RETURNING id`,
    [tenantId, sessionId, places],
  );
  return taken !== undefined;
}

export async function releaseSessionPlaces(db: Queryable, tenantId: string, sessionId: string, places: number): Promise<void> {
  await db.query('UPDATE family_sessions SET places_taken = places_taken - $3 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    sessionId,
    places,
  ]);
}

/** A page of a session's sign-ups, by id: all of them, or only the guardian's own. */
export function signUpsPage(
  db: Queryable,
  tenantId: string,
  sessionId: string,
  filter: { all: boolean; guardianId: string; after: string | number | null; limit: number },
): Promise<SignUpRow[]> {
  return rows<SignUpRow>(
    db,
    `SELECT * FROM session_signups WHERE tenant_id = $1 AND session_id = $2 AND ($3::boolean OR guardian_id = $4)
        AND ($5::uuid IS NULL OR id > $5) ORDER BY id LIMIT $6`,
    [tenantId, sessionId, filter.all, filter.guardianId, filter.after, filter.limit],
  );
}

/** A sign-up that is the guardian's own, or at a session of the schools (all, or these). */
export function visibleSignUp(
  db: Queryable,
  tenantId: string,
  guardianId: string,
  schools: SchoolsSeen,
  signUpId: string,
): Promise<SignUpRow | undefined> {
  return oneRow<SignUpRow>(
    db,
    `SELECT g.* FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
      WHERE g.tenant_id = $1 AND g.id = $2 AND (g.guardian_id = $3 OR $4::boolean OR s.school_id = ANY($5::uuid[]))`,
    [tenantId, signUpId, guardianId, schools.all, schools.schoolIds],
  );
}

/** Cancels an active sign-up; undefined when it was not active. */
export function cancelSignUp(db: Queryable, tenantId: string, signUpId: string): Promise<SignUpRow | undefined> {
  return oneRow<SignUpRow>(
    db,
    `UPDATE session_signups SET status = 'cancelled', updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'signed_up' RETURNING *`,
    [tenantId, signUpId],
  );
}

/** Marks whether the family came; undefined when the sign-up is not active. */
export function markSignUpAttendance(db: Queryable, tenantId: string, signUpId: string, attended: boolean): Promise<SignUpRow | undefined> {
  return oneRow<SignUpRow>(
    db,
    `UPDATE session_signups SET attended = $3, attendance_marked_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'signed_up' RETURNING *`,
    [tenantId, signUpId, attended],
  );
}

/** A sign-up whose attendance was marked, as `engagement.family-session.attendance-marked` tells it. */
export interface SignUpEvidenceRow {
  id: string;
  session_id: string;
  session_starts_at: Date;
  guardian_id: string;
  school_ids: string[];
  attended: boolean | null;
}

const SIGN_UP_EVIDENCE = `SELECT g.id, g.session_id, s.starts_at AS session_starts_at, g.guardian_id, g.school_ids, g.attended
       FROM session_signups g JOIN family_sessions s ON s.tenant_id = g.tenant_id AND s.id = g.session_id`;

export function signUpEvidence(db: Queryable, tenantId: string, signUpId: string): Promise<SignUpEvidenceRow | undefined> {
  return oneRow<SignUpEvidenceRow>(db, `${SIGN_UP_EVIDENCE} WHERE g.tenant_id = $1 AND g.id = $2`, [tenantId, signUpId]);
}

/** The next sign-ups of an area with their attendance marked, after `afterId`, locked while their events are written (the evidence republish). */
export function signUpEvidenceBatch(db: Queryable, tenantId: string, afterId: string | null, limit: number): Promise<SignUpEvidenceRow[]> {
  return rows<SignUpEvidenceRow>(
    db,
    `${SIGN_UP_EVIDENCE} WHERE g.tenant_id = $1 AND g.attendance_marked_at IS NOT NULL AND ($2::uuid IS NULL OR g.id > $2)
      ORDER BY g.id LIMIT $3 FOR SHARE OF g`,
    [tenantId, afterId, limit],
  );
}
