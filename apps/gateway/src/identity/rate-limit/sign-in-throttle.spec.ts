import { identityTuning } from '../config/identity-tuning';
import type { RedisCounters, WindowCount } from './redis-counters';
import { signInSourceOf } from './sign-in-source';
import { SignInThrottle } from './sign-in-throttle';
import { TooManyAttempts } from './too-many-attempts';

/** Counters in a map, with a clock the spec moves. */
class FakeCounters implements Pick<RedisCounters, 'increment' | 'read' | 'secondsLeft' | 'mark' | 'clear' | 'key'> {
  now = 0;
  readonly values = new Map<string, { count: number; expiresAt: number }>();
  readonly marks: { key: string; seconds: number }[] = [];

  async increment(key: string, windowSeconds: number): Promise<WindowCount> {
    const current = this.live(key) ?? { count: 0, expiresAt: this.now + windowSeconds };
    current.count += 1;
    this.values.set(key, current);
    return { count: current.count, secondsLeft: current.expiresAt - this.now };
  }
  async read(key: string): Promise<WindowCount> {
    const current = this.live(key);
    return { count: current?.count ?? 0, secondsLeft: current ? current.expiresAt - this.now : 0 };
  }
  async secondsLeft(key: string): Promise<number> {
    const current = this.live(key);
    return current ? current.expiresAt - this.now : 0;
  }
  async mark(key: string, seconds: number): Promise<void> {
    this.marks.push({ key, seconds });
    this.values.set(key, { count: 1, expiresAt: this.now + seconds });
  }
  async clear(...keys: string[]): Promise<void> {
    keys.forEach((key) => this.values.delete(key));
  }
  key(...parts: string[]): string {
    return parts.join(':');
  }
  private live(key: string) {
    const value = this.values.get(key);
    return value && value.expiresAt > this.now ? value : undefined;
  }
}

describe('SignInThrottle', () => {
  const tuning = identityTuning();
  let counters: FakeCounters;
  let throttle: SignInThrottle;

  beforeEach(() => {
    counters = new FakeCounters();
    throttle = new SignInThrottle(counters as unknown as RedisCounters, tuning);
  });

  it('doubles the cool-down with each failure from the third from one source, then refuses that source at the fifth', async () => {
    for (let failure = 1; failure <= 4; failure++) {
      await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.0.1');
      await throttle.recordFailure('liverpool', 'a@example.org', '10.0.0.1');
      counters.now += 10; // the person waits out any cool-down
    }
    expect(counters.marks.map((mark) => mark.seconds)).toEqual([1, 2]);
    await throttle.recordFailure('liverpool', 'a@example.org', '10.0.0.1');
    const refused = await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.0.1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyAttempts);
    expect((refused as TooManyAttempts).retryAfterSeconds).toBe(15 * 60 - 40);
    // The owner, from their own address, is not refused.
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '192.0.2.10')).resolves.toBeUndefined();
  });

  it('gives every source only two failures once the account has ten, and still lets a fresh source try', async () => {
    for (let i = 0; i < 10; i++) await throttle.recordFailure('liverpool', 'a@example.org', `10.0.1.${i}`);
    await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.2.1');
    await throttle.recordFailure('liverpool', 'a@example.org', '10.0.2.1');
    await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.2.1');
    await throttle.recordFailure('liverpool', 'a@example.org', '10.0.2.1');
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.2.1')).rejects.toBeInstanceOf(TooManyAttempts);
    expect(counters.marks).toEqual([]); // no cool-down before the second failure: the source is refused instead
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.3.1')).resolves.toBeUndefined();
  });

  it('keeps the account under attack after the owner signs in, clearing only the owner source', async () => {
    for (let i = 0; i < 10; i++) await throttle.recordFailure('liverpool', 'a@example.org', `10.0.1.${i}`);
    await throttle.recordFailure('liverpool', 'a@example.org', '192.0.2.10'); // the owner mistypes once
    await throttle.recordSuccess('liverpool', 'a@example.org', '192.0.2.10');
    await throttle.recordFailure('liverpool', 'a@example.org', '10.0.2.1');
    await throttle.recordFailure('liverpool', 'a@example.org', '10.0.2.1');
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.2.1')).rejects.toBeInstanceOf(TooManyAttempts);
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '192.0.2.10')).resolves.toBeUndefined();
  });

  it('counts the addresses of one IPv6 /64 as one source', async () => {
    for (let i = 1; i <= 5; i++) await throttle.recordFailure('liverpool', 'a@example.org', `2001:db8:0:1::${i}`);
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '2001:db8:0:1:ffff:ffff:ffff:ffff')).rejects.toBeInstanceOf(
      TooManyAttempts,
    );
    await expect(throttle.beforeAttempt('liverpool', 'a@example.org', '2001:db8:0:2::1')).resolves.toBeUndefined();
  });

  it('treats the email without regard to case or spaces', async () => {
    for (let i = 0; i < 3; i++) await throttle.recordFailure('liverpool', i % 2 ? ' A@Example.org ' : 'a@example.org', '10.0.0.1');
    await expect(throttle.beforeAttempt('liverpool', 'A@EXAMPLE.ORG', '10.0.0.1')).rejects.toBeInstanceOf(TooManyAttempts);
    await expect(throttle.beforeAttempt('lambeth', 'a@example.org', '10.0.0.1')).resolves.toBeUndefined();
  });
});

describe('signInSourceOf', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:0:1::5', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001:ffff:1:2:3', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('counts %s as %s', (ip, source) => {
    expect(signInSourceOf(ip)).toBe(source);
  });
});
