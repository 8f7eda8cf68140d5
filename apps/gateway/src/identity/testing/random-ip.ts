import { randomBytes } from 'node:crypto';

/** A made-up client address, so that specs do not share the per-IP sign-in limit. */
export function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}
