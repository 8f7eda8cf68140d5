import { IdentityAccounts1764060300000 } from './migrations/1764060300000-identity-accounts';
import { IdentityAuditLog1764060300100 } from './migrations/1764060300100-identity-audit-log';

/** Add to the gateway's migrations, after the tenants migration (accounts reference tenants). */
export const IDENTITY_MIGRATIONS = [IdentityAccounts1764060300000, IdentityAuditLog1764060300100];
