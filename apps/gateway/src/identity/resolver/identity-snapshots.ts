import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GuardedPupil } from '@tutti/auth';
import type { AccountStatus } from '../accounts/account.entity';
import type { GrantRowView } from './grants-of';

/** What an access token's holder currently is: read from the database on every cache miss. */
export interface IdentitySnapshot {
  accountId: string;
  tenantId: string;
  displayName: string;
  status: AccountStatus;
  sessionOpen: boolean;
  grantRows: GrantRowView[];
  pupils: GuardedPupil[];
}

interface SnapshotRow {
  display_name: string;
  status: AccountStatus;
  session_open: boolean | null;
  grants: GrantRowView[];
  pupils: GuardedPupil[];
}

@Injectable()
export class IdentitySnapshots {
  constructor(private readonly dataSource: DataSource) {}

  /** One round trip: the account, its session, its grants and its guardian links; null when there is no such account in that area. */
  async load(tenantId: string, accountId: string, sessionId: string): Promise<IdentitySnapshot | null> {
    const rows: SnapshotRow[] = await this.dataSource.query(
      `SELECT a.display_name, a.status,
         (SELECT s.revoked_at IS NULL FROM sessions s WHERE s.tenant_id = a.tenant_id AND s.id = $3 AND s.account_id = a.id) AS session_open,
         COALESCE((SELECT json_agg(json_build_object('role', g.role, 'schoolId', g.school_id) ORDER BY g.role, g.school_id)
                   FROM grants g WHERE g.tenant_id = a.tenant_id AND g.account_id = a.id), '[]'::json) AS grants,
         COALESCE((SELECT json_agg(json_build_object('pupilId', l.pupil_id, 'schoolId', l.school_id, 'relationship', l.relationship,
                                                     'canBookTransport', l.can_book_transport, 'canConsent', l.can_give_consent) ORDER BY l.created_at, l.id)
                   FROM guardian_links l WHERE l.tenant_id = a.tenant_id AND l.account_id = a.id), '[]'::json) AS pupils
       FROM accounts a WHERE a.tenant_id = $1 AND a.id = $2`,
      [tenantId, accountId, sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      accountId,
      tenantId,
      displayName: row.display_name,
      status: row.status,
      sessionOpen: row.session_open === true,
      grantRows: row.grants,
      pupils: row.pupils,
    };
  }
}
