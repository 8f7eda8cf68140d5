import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { provisionTestDatabase, waitFor } from '@tutti/testing';
import { loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { createServiceApp } from '../bootstrap/bootstrap-service';
import { PlatformModule } from '../platform.module';

/** /health goes red while Redis is down and green when it returns, without a restart. */
describe('service health', () => {
  let redis: RedisServerHandle;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    redis = await startRedis({ dir: mkdtempSync(join(tmpdir(), 'tutti-health-redis-')) });
    const config = loadConfig(ServiceConfig, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: await provisionTestDatabase('scheduling'),
      REDIS_URL: redis.url,
      IDENTITY_PUBLIC_KEY: process.env.IDENTITY_PUBLIC_KEY ?? '',
    });
    @Module({ imports: [PlatformModule.forService({ service: 'scheduling', config, entities: [], migrations: [], queues: ['events.scheduling'] })] })
    class HealthOnlyModule {}
    app = await createServiceApp({ service: 'scheduling', description: 'health test', config, module: HealthOnlyModule });
    await app.init();
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
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', checks: { redis: { status: 'ok' }, queues: { 'events.scheduling': { status: 'ok' } } } } });

    await redis.stop();
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { status: 'error', checks: { postgres: { status: 'ok' }, redis: { status: 'error' } } } });
    expect(down.body.checks.queues['events.scheduling'].status).toBe('error');

    await redis.start();
    await waitFor(async () => (await health()).status === 200, { timeoutMs: 15_000 });
    expect((await health()).body.checks.redis.status).toBe('ok');
  });
});
