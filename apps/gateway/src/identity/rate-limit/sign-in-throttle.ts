import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IDENTITY_TUNING, type IdentityTuning } from '../config/identity-tuning';
import { RedisCounters } from './redis-counters';
import { TooManyAttempts } from './too-many-attempts';

/**
 * Slows password guessing: per IP address a cap on attempts per minute; per account (area +
 * email, whether or not it exists, so that the answers tell nothing) a cool-down that doubles with
 * each failure from the third on, and a lock once five have failed within fifteen minutes.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly counters: RedisCounters,
    @Inject(IDENTITY_TUNING) private readonly tuning: IdentityTuning,
  ) {}

  /** Counts the attempt and refuses it (429, Retry-After) when the IP or the account must wait. */
  async beforeAttempt(area: string, email: string, ip: string): Promise<void> {
    const limits = this.tuning.signIn;
    const fromIp = await this.counters.increment(this.counters.key('sign-in', 'ip', ip), limits.ipWindowSeconds);
    if (fromIp.count > limits.ipAttemptsAllowed) {
      throw new TooManyAttempts(fromIp.secondsLeft, `Too many sign-in attempts from your network; try again in ${fromIp.secondsLeft} seconds.`);
    }
    const account = accountKey(area, email);
    const failures = await this.counters.read(this.counters.key('sign-in', 'failures', account));
    if (failures.count >= limits.accountFailuresAllowed) {
      throw new TooManyAttempts(failures.secondsLeft, `Too many failed sign-ins for this account; try again in ${minutes(failures.secondsLeft)}, or reset your password.`);
    }
    const coolDown = await this.counters.secondsLeft(this.counters.key('sign-in', 'cool-down', account));
    if (coolDown > 0) throw new TooManyAttempts(coolDown, `Wait ${coolDown} seconds before trying again.`);
  }

  async recordFailure(area: string, email: string): Promise<void> {
    const limits = this.tuning.signIn;
    const account = accountKey(area, email);
    const failures = await this.counters.increment(this.counters.key('sign-in', 'failures', account), limits.accountWindowSeconds);
    if (failures.count >= limits.cooldownFromFailure && failures.count < limits.accountFailuresAllowed) {
      const seconds = Math.min(limits.cooldownBaseSeconds * 2 ** (failures.count - limits.cooldownFromFailure), limits.cooldownMaxSeconds);
      if (seconds > 0) await this.counters.mark(this.counters.key('sign-in', 'cool-down', account), seconds);
    }
  }

  async recordSuccess(area: string, email: string): Promise<void> {
    const account = accountKey(area, email);
    await this.counters.clear(this.counters.key('sign-in', 'failures', account), this.counters.key('sign-in', 'cool-down', account));
  }

  /** Password-reset requests: a cap per IP (429) and a quiet cap of mails per account (no answer tells). */
  async beforeResetRequest(ip: string): Promise<void> {
    const limits = this.tuning.signIn;
    const fromIp = await this.counters.increment(this.counters.key('reset', 'ip', ip), limits.resetWindowSeconds);
    if (fromIp.count > limits.resetRequestsPerIp) {
      throw new TooManyAttempts(fromIp.secondsLeft, `Too many password-reset requests from your network; try again in ${minutes(fromIp.secondsLeft)}.`);
    }
  }

  async mayMailReset(area: string, email: string): Promise<boolean> {
    const limits = this.tuning.signIn;
    const sent = await this.counters.increment(this.counters.key('reset', 'mails', accountKey(area, email)), limits.resetWindowSeconds);
    return sent.count <= limits.resetMailsPerAccount;
  }
}

/** Hashed, so that Redis holds no email addresses. */
function accountKey(area: string, email: string): string {
  return createHash('sha256').update(`${area.toLowerCase()}\n${email.trim().toLowerCase()}`).digest('base64url');
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
