import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

const SEED_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * Demo data gets stable ids, so that a re-seed gives the same links and the services agree on them
 * without talking: a UUIDv7 whose time and random bits come from a hash of the seed key.
 */
export function seedId(key: string): string {
  const digest = createHash('sha256').update(`tutti-seed:${key}`).digest();
  return uuidv7({ msecs: SEED_EPOCH_MS + digest.readUInt32BE(0), random: digest.subarray(4, 20) });
}

/** The demo tenant (programme area) id, the same in every service. */
export const tenantIdOf = (area: { slug: string }): string => seedId(`tenant:${area.slug}`);
