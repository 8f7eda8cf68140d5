import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GuardedPupil } from '@tutti/auth';
import type { AccountStatus } from '../accounts/account.model';
import type { GrantRowView } from './grants-of';
import { identitySnapshotRow } from './identity-snapshots.queries';

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

@Injectable()
export class IdentitySnapshots {
  constructor(private readonly dataSource: DataSource) {}

  /** The account, its session, its grants and its guardian links; null when there is no such account in that area. */
  async load(tenantId: string, accountId: string, sessionId: string): Promise<IdentitySnapshot | null> {
    const row = await identitySnapshotRow(this.dataSource, tenantId, accountId, sessionId);
    if (!row) return null;
    return {
      accountId,
      tenantId,
      displayName: row.displayName,
      status: row.status,
      sessionOpen: row.sessionOpen === true,
      grantRows: row.grants,
      pupils: row.pupils,
    };
  }
}
