import { HttpStatus } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ProblemException } from '@tutti/platform';

/** A strong ETag from a version number or from the representation itself. */
export function etagOf(version: number | string | object): string {
  if (typeof version === 'number') return `"v${version}"`;
  const text = typeof version === 'string' ? version : JSON.stringify(version);
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** Refuses a stale edit: the If-Match the caller sent (if any) must be the current ETag. */
export function requireFreshETag(ifMatch: string | undefined, current: string, what: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const given = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!given.includes(current)) {
    throw new ProblemException(HttpStatus.PRECONDITION_FAILED, `This ${what} was changed by someone else since you loaded it; load it again and redo your change.`, {
      currentETag: current,
    });
  }
}
