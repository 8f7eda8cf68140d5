import { rows, type Queryable } from '@tutti/platform';

/** What the gateway holds about a subject, and what erasure and retention do to it. */

export interface SubjectAccountRow {
  id: string;
  email: string;
  mobile: string | null;
  displayName: string;
  preferredLanguage: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

export function subjectAccount(db: Queryable, tenantId: string, accountId: string): Promise<SubjectAccountRow[]> {
  return rows<SubjectAccountRow>(
    db,
    `SELECT id, email, mobile, display_name AS "displayName", preferred_language AS "preferredLanguage", status,
            created_at AS "createdAt", updated_at AS "updatedAt"
       FROM accounts WHERE tenant_id = $1 AND id = $2`,
    [tenantId, accountId],
  );
}

export function subjectGrants(db: Queryable, tenantId: string, accountId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT id, role, school_id AS "schoolId", created_at AS "createdAt" FROM grants WHERE tenant_id = $1 AND account_id = $2 ORDER BY created_at, id`,
    [tenantId, accountId],
  );
}

export function subjectSessions(db: Queryable, tenantId: string, accountId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT id, created_at AS "createdAt", last_refreshed_at AS "lastRefreshedAt", revoked_at AS "revokedAt",
            revoked_reason AS "revokedReason", ip, user_agent AS "userAgent"
       FROM sessions WHERE tenant_id = $1 AND account_id = $2 ORDER BY created_at, id`,
    [tenantId, accountId],
  );
}

/** Guardian links naming the pupil, or held by the account; a pupil's show the guardian's name. */
export function subjectGuardianLinks(
  db: Queryable,
  tenantId: string,
  subject: { type: 'pupil' | 'guardian'; id: string },
): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT l.id, l.account_id AS "accountId", a.display_name AS "guardianName", l.pupil_id AS "pupilId", l.school_id AS "schoolId",
            l.relationship, l.can_book_transport AS "canBookTransport", l.can_give_consent AS "canGiveConsent", l.created_at AS "createdAt"
       FROM guardian_links l JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
      WHERE l.tenant_id = $1 AND ${subject.type === 'pupil' ? 'l.pupil_id' : 'l.account_id'} = $2
      ORDER BY l.created_at, l.id`,
    [tenantId, subject.id],
  );
}

/** Audit entries about the subject: with it as subject, named in the detail, or (an account) as the actor. */
export function subjectAuditEntries(db: Queryable, tenantId: string, subjectId: string): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `SELECT id, occurred_at AS "occurredAt", service, actor_id AS "actorId", actor_role AS "actorRole", action,
            subject_type AS "subjectType", subject_id AS "subjectId", detail
       FROM audit_log
      WHERE tenant_id = $1
        AND (subject_id = $2 OR actor_id = $2 OR detail->>'pupilId' = $3 OR detail->>'accountId' = $3)
      ORDER BY occurred_at, id`,
    [tenantId, subjectId, subjectId],
  );
}

/** Replaces the account's name and contacts, disables it; answers whether it existed. */
export async function anonymiseAccount(db: Queryable, tenantId: string, accountId: string, pseudonym: string): Promise<number> {
  const updated = await rows<{ id: string }>(
    db,
    `UPDATE accounts SET display_name = $3, email = 'erased-' || id || '@erased.invalid', mobile = NULL, status = 'disabled',
            version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND (display_name <> $3 OR email <> 'erased-' || id || '@erased.invalid' OR mobile IS NOT NULL OR status <> 'disabled')
      RETURNING id`,
    [tenantId, accountId, pseudonym],
  );
  return updated.length;
}

/** The account's password, gone: nobody signs in as an erased person. */
export async function deleteCredentials(db: Queryable, tenantId: string, accountId: string): Promise<number> {
  return (await rows(db, `DELETE FROM credentials WHERE tenant_id = $1 AND account_id = $2 RETURNING account_id`, [tenantId, accountId]))
    .length;
}

/** Ends the account's sign-ins and forgets where they came from (IP address, browser). */
export async function forgetSessions(db: Queryable, tenantId: string, accountId: string): Promise<number> {
  const touched = await rows(
    db,
    `UPDATE sessions SET ip = NULL, user_agent = NULL,
            revoked_at = coalesce(revoked_at, now()), revoked_reason = coalesce(revoked_reason, 'account_disabled')
      WHERE tenant_id = $1 AND account_id = $2 AND (ip IS NOT NULL OR user_agent IS NOT NULL OR revoked_at IS NULL)
      RETURNING id`,
    [tenantId, accountId],
  );
  await db.query(
    `UPDATE one_time_tokens SET revoked_at = now() WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL AND revoked_at IS NULL`,
    [tenantId, accountId],
  );
  return touched.length;
}

/** Audit entries older than `before`: counted, or deleted (the audit log lets only this through, in this transaction). */
export async function expireAuditEntries(db: Queryable, tenantId: string, before: Date, dryRun: boolean): Promise<number> {
  if (dryRun) {
    const [row] = await rows<{ count: number }>(
      db,
      `SELECT count(*)::int AS count FROM audit_log WHERE tenant_id = $1 AND occurred_at < $2`,
      [tenantId, before],
    );
    return row.count;
  }
  await db.query(`SELECT set_config('tutti.audit_expiry_before', $1, true)`, [before.toISOString()]);
  const deleted = await rows(db, `DELETE FROM audit_log WHERE tenant_id = $1 AND occurred_at < $2 RETURNING id`, [tenantId, before]);
  await db.query(`SELECT set_config('tutti.audit_expiry_before', '', true)`);
  return deleted.length;
}

/** Empties what earlier exports of the subject collected for download (their requests and counts stay); answers how many parts. */
export async function forgetExportsOf(db: Queryable, tenantId: string, subjectId: string): Promise<number> {
  const emptied = await rows(
    db,
    `UPDATE data_request_parts p SET records = '{}'::jsonb
       FROM data_requests r
      WHERE p.tenant_id = $1 AND r.tenant_id = p.tenant_id AND r.id = p.request_id
        AND r.kind = 'export' AND r.subject_id = $2 AND p.records <> '{}'::jsonb
      RETURNING p.request_id`,
    [tenantId, subjectId],
  );
  return emptied.length;
}
