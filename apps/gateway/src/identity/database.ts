import { Account } from './accounts/account.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { Credential } from './credentials/credential.entity';
import { GrantRow } from './grants/grant.entity';
import { GuardianLink } from './guardians/guardian-link.entity';
import { IdentityAccounts1764060300000 } from './migrations/1764060300000-identity-accounts';
import { IdentityAuditLog1764060300100 } from './migrations/1764060300100-identity-audit-log';
import { OneTimeToken } from './one-time-tokens/one-time-token.entity';
import { TenantSchool } from './schools/tenant-school.entity';
import { RefreshToken } from './sessions/refresh-token.entity';
import { Session } from './sessions/session.entity';

/** Add to the gateway's entities (they need its `Tenant` entity too). */
export const IDENTITY_ENTITIES = [Account, Credential, TenantSchool, GrantRow, GuardianLink, Session, RefreshToken, OneTimeToken, AuditEntry];

/** Add to the gateway's migrations, after the tenants migration (accounts reference tenants). */
export const IDENTITY_MIGRATIONS = [IdentityAccounts1764060300000, IdentityAuditLog1764060300100];
