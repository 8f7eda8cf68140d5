import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceName } from '@tutti/contracts';
import type { ServiceConfig } from '@tutti/platform';
import { discoverRoutes } from './routes';
import { startTestService, testServiceConfig } from './test-service';

interface ServiceUnderTest<C extends ServiceConfig> {
  service: ServiceName;
  configClass: new () => C;
  module: (config: C) => DynamicModule;
}

/**
 * What every service must show, as one shared suite: an access policy on every route (deny by
 * default), /health covering Postgres, Redis and its queues, and an OpenAPI document.
 */
export function describeServiceBasics<C extends ServiceConfig>({ service, configClass, module }: ServiceUnderTest<C>): void {
  describe(`${service}: the basics every service shares`, () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      const config = await testServiceConfig(service, configClass);
      app = await startTestService({ service, description: 'test', config, module: module(config) });
    });

    afterAll(() => app?.close());

    it('declares an access policy on every route', () => {
      const routes = discoverRoutes(app);
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.filter((route) => !route.policy).map((route) => `${route.method} ${route.path} (${route.handler})`)).toEqual([]);
    });

    it('reports Postgres, Redis and its queues on /health', async () => {
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.json()).toMatchObject({ service, status: 'ok', checks: { postgres: { status: 'ok' }, redis: { status: 'ok' } } });
      expect(Object.keys(response.json().checks.queues).length).toBeGreaterThan(0);
      expect(response.statusCode).toBe(200);
    });

    it('publishes its OpenAPI document at /docs-json', async () => {
      const response = await app.inject({ method: 'GET', url: '/docs-json' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: `Tutti ${service}` } });
    });

    it('answers an unknown path with a problem+json 404', async () => {
      const response = await app.inject({ method: 'GET', url: '/no-such-thing' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });
}
