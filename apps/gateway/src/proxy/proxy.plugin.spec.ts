import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@tutti/platform';
import { GatewayConfig } from '../config';
import { Upstreams } from '../upstreams/upstreams';
import type { IdentityHook } from './identity-hook';
import { proxyPlugin } from './proxy.plugin';

/** The proxy on a bare Fastify, with the identity hook swapped for each case. */
describe('proxyPlugin identity hook', () => {
  let service: FastifyInstance;
  let upstreams: Upstreams;
  let hook: IdentityHook;
  let gateway: FastifyInstance;

  beforeAll(async () => {
    service = Fastify();
    service.get('/*', async (request) => ({ identity: request.headers['x-tutti-identity'] ?? null }));
    await service.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    const config = loadConfig(GatewayConfig, {
      DATABASE_URL: 'postgres://unused',
      REDIS_URL: 'redis://unused',
      IDENTITY_PUBLIC_KEY: 'x'.repeat(40),
      IDENTITY_PRIVATE_KEY: 'x'.repeat(40),
      SMTP_URL: 'smtp://127.0.0.1:1',
      SCHEDULING_URL: url,
      INSTRUMENT_LOAN_URL: url,
      PERFORMANCE_EVENT_URL: url,
      PARENT_ENGAGEMENT_URL: url,
    });
    upstreams = new Upstreams(config);
    gateway = Fastify();
    await gateway.register(proxyPlugin, {
      upstreams,
      services: ['scheduling'],
      bodyLimitBytes: 1024,
      attachIdentity: (...args) => hook(...args),
    });
  });

  afterAll(async () => {
    await gateway.close();
    await upstreams.onApplicationShutdown();
    await service.close();
  });

  it('sends what the hook attaches, for the service being called', async () => {
    hook = async (_request, target, headers) => {
      headers['x-tutti-identity'] = `token-for-${target}`;
    };
    const response = await gateway.inject({ method: 'GET', url: '/api/scheduling/schools' });
    expect(response.json()).toEqual({ identity: 'token-for-scheduling' });
  });

  it('answers a refusal the hook throws (401, 403) as problem+json with its status', async () => {
    hook = async () => {
      throw Object.assign(new Error('Sign in first.'), { statusCode: 401 });
    };
    const response = await gateway.inject({ method: 'GET', url: '/api/scheduling/schools' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, detail: 'Sign in first.' });
  });

  it('answers 503 when the hook fails for any other reason', async () => {
    hook = async () => {
      throw new Error('identity store unreachable');
    };
    const response = await gateway.inject({ method: 'GET', url: '/api/scheduling/schools' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(response.body).not.toContain('unreachable');
  });
});
