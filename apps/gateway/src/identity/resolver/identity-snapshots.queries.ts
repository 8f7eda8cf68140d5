import type { GuardedPupil } from '@tutti/auth';
import { oneRow, type Queryable } from '@tutti/platform';
import type { AccountStatus } from '../accounts/account.model';
import type { GrantRowView } from './grants-of';

export interface IdentitySnapshotRow {
  displayName: string;
  status: AccountStatus;
  /** Null when the session is not the account's. */
  sessionOpen: boolean | null;
  grants: GrantRowView[];
  pupils: GuardedPupil[];
}

/** One round trip: the account, its session, its grants and its guardian links; undefined when there is no such account in that area. */
export function identitySnapshotRow(
  db: Queryable,
  tenantId: string,
  accountId: string,
  sessionId: string,
): Promise<IdentitySnapshotRow | undefined> {
  return oneRow<IdentitySnapshotRow>(
    db,
    `SELECT a.display_name AS "displayName", a.status,
       (SELECT s.revoked_at IS NULL FROM sessions s WHERE s.tenant_id = a.tenant_id AND s.id = $3 AND s.account_id = a.id) AS "sessionOpen",
       COALESCE((SELECT json_agg(json_build_object('role', g.role, 'schoolId', g.school_id) ORDER BY g.role, g.school_id)
                 FROM grants g WHERE g.tenant_id = a.tenant_id AND g.account_id = a.id), '[]'::json) AS grants,
       COALESCE((SELECT json_agg(json_build_object('pupilId', l.pupil_id, 'schoolId', l.school_id, 'relationship', l.relationship,
                                                   'canBookTransport', l.can_book_transport, 'canConsent', l.can_give_consent) ORDER BY l.created_at, l.id)
                 FROM guardian_links l WHERE l.tenant_id = a.tenant_id AND l.account_id = a.id), '[]'::json) AS pupils
     FROM accounts a WHERE a.tenant_id = $1 AND a.id = $2`,
    [tenantId, accountId, sessionId],
  );
}
