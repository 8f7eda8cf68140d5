import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { IDENTITY_MIGRATIONS } from './identity';
import { Tenants1764060100000 } from './migrations/1764060100000-tenants';
import { TenantVersion1764072000000 } from './migrations/1764072000000-tenant-version';

/** The gateway reads and writes with raw SQL (each feature's `.queries.ts`); only messaging brings entities. */
export const GATEWAY_ENTITIES = [...MESSAGING_ENTITIES];
export const GATEWAY_MIGRATIONS = [...MESSAGING_MIGRATIONS, Tenants1764060100000, ...IDENTITY_MIGRATIONS, TenantVersion1764072000000];
