import { identityTuning } from '../config/identity-tuning';
import type { RedisCounters, WindowCount } from './redis-counters';
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

  it('doubles the cool-down with each failure from the third, then locks at the fifth', async () => {
    for (let failure = 1; failure <= 4; failure++) {
      await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.0.1');
      await throttle.recordFailure('liverpool', 'a@example.org');
      counters.now += 10; // the person waits out any cool-down
    }
    expect(counters.marks.map((mark) => mark.seconds)).toEqual([1, 2]);
    await throttle.recordFailure('liverpool', 'a@example.org');
    const locked = await throttle.beforeAttempt('liverpool', 'a@example.org', '10.0.0.1').catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(TooManyAttempts);
    expect((locked as TooManyAttempts).retryAfterSeconds).toBe(15 * 60 - 40);
  });

  it('treats the email without regard to case or spaces', async () => {
    for (let i = 0; i < 3; i++) await throttle.recordFailure('liverpool', i % 2 ? ' A@Example.org ' : 'a@example.org');
    await expect(throttle.beforeAttempt('liverpool', 'A@EXAMPLE.ORG', '10.0.0.1')).rejects.toBeInstanceOf(TooManyAttempts);
    await expect(throttle.beforeAttempt('lambeth', 'a@example.org', '10.0.0.1')).resolves.toBeUndefined();
  });
});
