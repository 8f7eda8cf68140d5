/**
 * A service's start-up against a real Redis that asks for a password (issue 20): a wrong or missing
 * REDIS_PASSWORD stops it before its app (queues, workers, Redis clients) is built, with the variable
 * to set and exit code 1; Redis away for a moment is waited for; Redis away for good ends the wait
 * naming REDIS_URL. The Sentinels' refusal: redis-connection-sentinel.spec.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { ServiceConfig } from '../config/service-config';
import { waitForRedis } from '../config/redis-connection';
import { runService } from './run-service';

jest.setTimeout(60_000);

const PASSWORD = 'start-up-pw';

/** Made when the app is built: proof that it was, or was not. */
const built: string[] = [];
@Module({ providers: [{ provide: 'BUILT', useFactory: () => built.push('app built') }] })
class ProbeModule {}

class ProcessExit extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${code})`);
  }
}

describe('runService and Redis at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tutti-run-service-redis-'));
  let redis: RedisServerHandle;
  const savedEnv = { ...process.env };
  let stderr: string[];

  beforeAll(async () => {
    redis = await startRedis({ dir, password: PASSWORD });
  });

  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    built.length = 0;
    stderr = [];
    jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new ProcessExit(code);
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
  });

  /** A service's environment, as a Deployment gives it; the database is not reached before Redis answers. */
  const serviceEnv = (redisEnv: Record<string, string | undefined>) => {
    process.env = {
      ...savedEnv,
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing',
      IDENTITY_PUBLIC_KEY: 'x'.repeat(43),
      REDIS_URL: redis.url,
      REDIS_PASSWORD: undefined,
      REDIS_SENTINELS: undefined,
      ...redisEnv,
    };
  };
  const start = () =>
    runService(ServiceConfig, () => ({ service: 'scheduling', description: 'probe', module: ProbeModule, openApi: false }));

  it.each([
    [
      'a wrong REDIS_PASSWORD',
      () => ({ REDIS_PASSWORD: 'wrong' }),
      /^scheduling cannot start: Redis \(127\.0\.0\.1:\d+\): Redis refused the password: set REDIS_PASSWORD/,
    ],
    [
      'no REDIS_PASSWORD',
      () => ({}),
      /^scheduling cannot start: Redis \(127\.0\.0\.1:\d+\): Redis asks for a password: set REDIS_PASSWORD/,
    ],
    [
      'a wrong password in REDIS_URL (which wins over REDIS_PASSWORD)',
      () => ({ REDIS_URL: `redis://:wrong@127.0.0.1:${redis.port}`, REDIS_PASSWORD: PASSWORD }),
      /Redis refused the password: set REDIS_PASSWORD to the data nodes' requirepass \(a password in REDIS_URL wins over it\)/,
    ],
  ])('with %s, exits with code 1 naming the variable, before the app is built', async (_, redisEnv, message) => {
    serviceEnv(redisEnv());
    const began = Date.now();
    await expect(start()).rejects.toEqual(new ProcessExit(1));
    expect(stderr.join('')).toMatch(message);
    expect(built).toEqual([]);
    // Refused at the first answer, not after waiting out Redis's absence.
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('with the right REDIS_PASSWORD, builds the app and listens', async () => {
    serviceEnv({ REDIS_PASSWORD: PASSWORD });
    const app = await start();
    try {
      expect(built).toEqual(['app built']);
      expect(process.exit).not.toHaveBeenCalled();
    } finally {
      await app.close();
    }
  });

  it('waits for Redis that is away at start and goes on when it answers', async () => {
    const lines: string[] = [];
    await redis.stop();
    const restarted = new Promise<void>((resolve, reject) => {
      setTimeout(() => redis.start().then(resolve, reject), 1_500);
    });
    await expect(
      waitForRedis({ REDIS_URL: redis.url, REDIS_PASSWORD: PASSWORD }, (line) => lines.push(line), { waitMs: 30_000 }),
    ).resolves.toBeUndefined();
    await restarted;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^waiting for Redis \(try 1 failed: Redis \(127\.0\.0\.1:\d+\): connect ECONNREFUSED/);
  });

  it('gives up on Redis that stays away, naming REDIS_URL', async () => {
    const lines: string[] = [];
    await expect(waitForRedis({ REDIS_URL: 'redis://127.0.0.1:1' }, (line) => lines.push(line), { waitMs: 1_000 })).rejects.toThrow(
      /^waiting for Redis: gave up after \d+ tries: Redis \(127\.0\.0\.1:1\): connect ECONNREFUSED 127\.0\.0\.1:1 \(waiting up to 1 s\); check REDIS_URL/,
    );
    expect(lines.length).toBeGreaterThan(0);
  });
});
