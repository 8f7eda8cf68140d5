import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IDENTITY_TUNING, type IdentityTuning } from '../config/identity-tuning';
import { RedisCounters } from './redis-counters';
import { signInSourceOf } from './sign-in-source';
import { TooManyAttempts } from './too-many-attempts';

/**
 * Slows password guessing without letting a stranger lock the owner out.
 *
 * - Per source (an IPv4 address, an IPv6 /64): a cap on sign-in attempts per minute, across accounts.
 * - Per account and source (area + email, whether or not the account exists, so that answers tell
 *   nothing): from the third failure a cool-down that doubles with each failure, and after five
 *   failures within fifteen minutes that source may not try that account again until the fifteen
 *   minutes are up, whatever the password.
 * - Per account, all sources together: past ten failures within fifteen minutes the account is under
 *   attack, and every source gets only two failures. The right password from a source that has not
 *   used up its own failures is never refused, so the owner signs in from their own device while
 *   someone else hammers the account.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly counters: RedisCounters,
    @Inject(IDENTITY_TUNING) private readonly tuning: IdentityTuning,
  ) {}

  /** Counts the attempt and refuses it (429, Retry-After) when the source, or the source for this account, must wait. */
  async beforeAttempt(area: string, email: string, ip: string): Promise<void> {
    const limits = this.tuning.signIn;
    const source = signInSourceOf(ip);
    const fromSource = await this.counters.increment(this.counters.key('sign-in', 'ip', source), limits.ipWindowSeconds);
    if (fromSource.count > limits.ipAttemptsAllowed) {
      throw new TooManyAttempts(
        fromSource.secondsLeft,
        `Too many sign-in attempts from your network; try again in ${fromSource.secondsLeft} seconds.`,
      );
    }
    const keys = this.keysOf(area, email, source);
    const [failedHere, failedEverywhere] = await Promise.all([
      this.counters.read(keys.sourceFailures),
      this.counters.read(keys.accountFailures),
    ]);
    if (failedHere.count >= this.failuresAllowed(failedEverywhere.count)) {
      throw new TooManyAttempts(
        failedHere.secondsLeft,
        `Too many failed sign-ins for this account from your network; try again in ${minutes(failedHere.secondsLeft)}, or reset your password.`,
      );
    }
    const coolDown = await this.counters.secondsLeft(keys.coolDown);
    if (coolDown > 0) throw new TooManyAttempts(coolDown, `Wait ${coolDown} seconds before trying again.`);
  }

  async recordFailure(area: string, email: string, ip: string): Promise<void> {
    const limits = this.tuning.signIn;
    const keys = this.keysOf(area, email, signInSourceOf(ip));
    const [failedHere, failedEverywhere] = await Promise.all([
      this.counters.increment(keys.sourceFailures, limits.accountWindowSeconds),
      this.counters.increment(keys.accountFailures, limits.accountWindowSeconds),
    ]);
    if (failedHere.count >= limits.cooldownFromFailure && failedHere.count < this.failuresAllowed(failedEverywhere.count)) {
      const seconds = Math.min(
        limits.cooldownBaseSeconds * 2 ** (failedHere.count - limits.cooldownFromFailure),
        limits.cooldownMaxSeconds,
      );
      if (seconds > 0) await this.counters.mark(keys.coolDown, seconds);
    }
  }

  /** Clears this source's failures for the account; the account's own count stays, so an attack still counts. */
  async recordSuccess(area: string, email: string, ip: string): Promise<void> {
    const keys = this.keysOf(area, email, signInSourceOf(ip));
    await this.counters.clear(keys.sourceFailures, keys.coolDown);
  }

  /** Password-reset requests: a cap per IP (429) and a quiet cap of mails per account (no answer tells). */
  async beforeResetRequest(ip: string): Promise<void> {
    const limits = this.tuning.signIn;
    const fromIp = await this.counters.increment(this.counters.key('reset', 'ip', signInSourceOf(ip)), limits.resetWindowSeconds);
    if (fromIp.count > limits.resetRequestsPerIp) {
      throw new TooManyAttempts(
        fromIp.secondsLeft,
        `Too many password-reset requests from your network; try again in ${minutes(fromIp.secondsLeft)}.`,
      );
    }
  }

  async mayMailReset(area: string, email: string): Promise<boolean> {
    const limits = this.tuning.signIn;
    const sent = await this.counters.increment(this.counters.key('reset', 'mails', accountKey(area, email)), limits.resetWindowSeconds);
    return sent.count <= limits.resetMailsPerAccount;
  }

  private failuresAllowed(accountFailures: number): number {
    const limits = this.tuning.signIn;
    return accountFailures >= limits.accountFailuresCeiling
      ? Math.min(limits.sourceFailuresUnderAttack, limits.sourceFailuresAllowed)
      : limits.sourceFailuresAllowed;
  }

  private keysOf(area: string, email: string, source: string) {
    const account = accountKey(area, email);
    return {
      accountFailures: this.counters.key('sign-in', 'failures', account),
      sourceFailures: this.counters.key('sign-in', 'failures', account, source),
      coolDown: this.counters.key('sign-in', 'cool-down', account, source),
    };
  }
}

/** Hashed, so that Redis holds no email addresses. */
function accountKey(area: string, email: string): string {
  return createHash('sha256').update(`${area.toLowerCase()}\n${email.trim().toLowerCase()}`).digest('base64url');
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
