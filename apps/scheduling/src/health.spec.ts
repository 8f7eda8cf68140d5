import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { startTestService, testServiceConfig, waitFor } from '@tutti/testing';
import { AppModule } from './app.module';
import { SchedulingConfig } from './config';

/** /health goes red while Redis is down and green when it returns, without a restart. */
describe('scheduling health', () => {
  let redis: RedisServerHandle;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    redis = await startRedis({ dir: mkdtempSync(join(tmpdir(), 'tutti-health-redis-')) });
    const config = await testServiceConfig('scheduling', SchedulingConfig, { REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
    app = await startTestService({ service: 'scheduling', description: 'health test', config, module: AppModule.register(config) });
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  const health = async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    return { status: response.statusCode, body: response.json() };
  };

  it('is green, red while Redis is down, and green again when it returns', async () => {
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { redis: { status: 'ok' }, queues: { 'events.scheduling': { status: 'ok' } } } },
    });

    await redis.stop();
    const down = await health();
    expect(down).toMatchObject({
      status: 503,
      body: { status: 'error', checks: { postgres: { status: 'ok' }, redis: { status: 'error' } } },
    });
    expect(down.body.checks.queues['events.scheduling'].status).toBe('error');

    await redis.start();
    await waitFor(async () => (await health()).status === 200, { timeoutMs: 15_000 });
    expect((await health()).body.checks.redis.status).toBe('ok');
  });
});
