import { IdentityAccounts1764060300000 } from './migrations/1764060300000-identity-accounts';
import { IdentityAuditLog1764060300100 } from './migrations/1764060300100-identity-audit-log';
import { IdempotencyKeysPlatformShape1764072000100 } from './migrations/1764072000100-idempotency-keys-platform-shape';
import { DataRequests1764080000000 } from './migrations/1764080000000-data-requests';
import { RetentionDailyRun1764080000100 } from './migrations/1764080000100-retention-daily-run';

/** Add to the gateway's migrations, after the tenants migration (accounts reference tenants). */
export const IDENTITY_MIGRATIONS = [
  IdentityAccounts1764060300000,
  IdentityAuditLog1764060300100,
  IdempotencyKeysPlatformShape1764072000100,
  DataRequests1764080000000,
  RetentionDailyRun1764080000100,
];
