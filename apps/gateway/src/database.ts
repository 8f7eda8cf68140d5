import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from './identity';
import { Tenants1764060100000 } from './migrations/1764060100000-tenants';
import { Tenant } from './tenants/tenant.entity';

export const GATEWAY_ENTITIES = [...MESSAGING_ENTITIES, Tenant, ...IDENTITY_ENTITIES];
export const GATEWAY_MIGRATIONS = [...MESSAGING_MIGRATIONS, Tenants1764060100000, ...IDENTITY_MIGRATIONS];
