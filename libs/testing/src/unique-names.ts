import { randomBytes } from 'node:crypto';

/** A short random token for schema names, queue prefixes and the like: `t_3f9a1c2e`. */
export function uniqueTestId(prefix = 't'): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
