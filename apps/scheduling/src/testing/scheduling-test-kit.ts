import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope, EventType } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { identityHeaders, startTestService, testServiceConfig } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SchedulingConfig } from '../config';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  /** Lower-case names, as Fastify answers them (`etag`). */
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a spec's describe block works with (the same members in every service's test kit). */
export interface SchedulingTestKit {
  /** The service as in production (pipes, filters, guards), ready for inject(). */
  app: NestFastifyApplication;
  /** Its database, as the service's own role. */
  db: DataSource;
  /** Calls the service as this identity (a token signed as the gateway signs it); the body parsed. */
  call<T = Record<string, unknown>>(
    identity: Identity | null,
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>>;
  /** Applies an event as the consumer would (idempotent by event id), through the service's own handler. */
  applyEvent<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T], occurredAt?: Date): Promise<EventEnvelope<T>>;
}

/** The scheduling API (no workers) on the test PostgreSQL and Redis. */
export async function startScheduling(): Promise<NestFastifyApplication> {
  const config = await testServiceConfig('scheduling', SchedulingConfig, { SERVICE_MODE: 'api', LOG_LEVEL: 'silent', DB_POOL_SIZE: '4' });
  return startTestService({ service: 'scheduling', description: 'scheduling (test)', config, module: AppModule.register(config) });
}

/**
 * Starts the service before the describe block's tests and closes it after them; the kit's members
 * are there from the block's first beforeAll on (call this before the block's own beforeAll).
 */
export function useSchedulingTestKit(): SchedulingTestKit {
  const kit = {} as SchedulingTestKit;
  beforeAll(async () => {
    const app = await startScheduling();
    const db = app.get(DataSource);
    Object.assign(kit, {
      app,
      db,
      async call<T>(
        identity: Identity | null,
        method: Method,
        url: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ): Promise<TestResponse<T>> {
        const response = await app.inject({
          method,
          url,
          headers: { ...(identity ? await identityHeaders(identity, 'scheduling') : {}), ...headers },
          ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
        });
        const text = response.body;
        return { status: response.statusCode, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
      },
      async applyEvent<T extends EventType>(
        tenantId: string,
        type: T,
        payload: EventCatalog[T],
        occurredAt = new Date(),
      ): Promise<EventEnvelope<T>> {
        const event: EventEnvelope<T> = { id: newId(), type, tenantId, occurredAt: occurredAt.toISOString(), source: 'gateway', payload };
        await applyEvent(db, 'scheduling', app.get(MessagingHandlers).handlers, event);
        return event;
      },
    } satisfies SchedulingTestKit);
  });
  afterAll(() => kit.app?.close());
  return kit;
}
