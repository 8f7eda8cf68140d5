import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { argon2id, hash, needsRehash, verify } from 'argon2';

/** OWASP's argon2id baseline: 19 MiB of memory, two passes, one lane. */
export const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and checks passwords with argon2id; nothing else in Tutti sees a password. */
@Injectable()
export class PasswordHasher {
  /** Checked against when there is no account, so that "no such account" takes as long as "wrong password". */
  private decoyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    const against = passwordHash ?? (await this.decoy());
    try {
      const matches = await verify(against, password);
      return matches && passwordHash !== null && passwordHash !== undefined;
    } catch {
      return false;
    }
  }

  /** True when the hash was made with weaker settings than today's, so that sign-in can upgrade it. */
  isOutdated(passwordHash: string): boolean {
    try {
      return needsRehash(passwordHash, ARGON2_OPTIONS);
    } catch {
      return true;
    }
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hash(randomBytes(24).toString('base64url'));
    return this.decoyHash;
  }
}
