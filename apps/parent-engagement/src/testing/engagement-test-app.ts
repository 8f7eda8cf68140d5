import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope, EventType } from '@tutti/contracts';
import { EventConsumer, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { identityHeaders, personas, startTestService, testServiceConfig } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ParentEngagementConfig } from '../config';

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object | string;
  headers?: Record<string, string>;
}

export interface EngagementTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  /** Applies an event exactly as the consumer would (idempotent by event id). */
  deliver<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T], occurredAt?: Date): Promise<EventEnvelope<T>>;
  request(identity: Identity, options: RequestOptions): ReturnType<NestFastifyApplication['inject']>;
  close(): Promise<void>;
}

export async function startEngagementApp(overrides: Record<string, string> = {}): Promise<EngagementTestApp> {
  const config = await testServiceConfig('parent-engagement', ParentEngagementConfig, {
    SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    ...overrides,
  });
  const app = await startTestService({ service: 'parent-engagement', description: 'test', config, module: AppModule.register(config) });
  const db = app.get(DataSource);
  const consumer = new EventConsumer({
    dataSource: db,
    service: 'parent-engagement',
    redis: config.REDIS_URL,
    consumerName: 'parent-engagement-test',
    handlers: app.get(MessagingHandlers).handlers,
  });
  return {
    app,
    db,
    async deliver(tenantId, type, payload, occurredAt = new Date()) {
      const event = { id: newId(), type, tenantId, occurredAt: occurredAt.toISOString(), source: 'performance-event' as const, payload };
      await consumer.apply(event);
      return event;
    },
    async request(identity, options) {
      // Signed afresh for each request, as the gateway does: identity tokens live 30 s.
      const headers = await identityHeaders(identity, 'parent-engagement');
      return app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
    },
    close: () => app.close(),
  };
}

export const HOUR = 3_600_000;

/** A published performance `hoursAhead` from now, through the same event performance-event sends. */
export async function publishPerformance(
  t: EngagementTestApp,
  tenantId: string,
  hoursAhead = 72,
  title = 'Winter Concert',
): Promise<{ performanceId: string; startsAt: Date }> {
  const performanceId = newId();
  const startsAt = new Date(Date.now() + hoursAhead * HOUR);
  await t.deliver(tenantId, 'performance.performance.published', {
    version: 1,
    performanceId,
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    venueName: 'Philharmonic Hall',
  });
  return { performanceId, startsAt };
}

/** A run body: one bus, two stops, pick-ups an hour and 45 minutes before the performance. */
export function runBody(
  performanceId: string,
  startsAt: Date,
  seats: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    performanceId,
    vehicle: '53-seat coach',
    seats,
    outboundDepartsAt: new Date(startsAt.getTime() - 75 * 60_000).toISOString(),
    returnDepartsAt: new Date(startsAt.getTime() + 150 * 60_000).toISOString(),
    bookingsCloseAt: new Date(startsAt.getTime() - 6 * HOUR).toISOString(),
    stops: [
      {
        name: 'Faith Street Primary',
        place: 'Front gate, Shaw Street',
        pickupAt: new Date(startsAt.getTime() - 60 * 60_000).toISOString(),
      },
      { name: 'Everton Library', place: 'St Domingo Road', pickupAt: new Date(startsAt.getTime() - 45 * 60_000).toISOString() },
    ],
    ...extra,
  };
}

/** A bus created by the tenant's programme admin. */
export interface TestRun {
  id: string;
  stops: { id: string }[];
  performance: { id: string };
}

/** A bus of `seats` for a performance published just now (POST /transport-runs as the programme admin); throws unless 201. */
export async function newTestRun(
  t: EngagementTestApp,
  tenantId: string,
  seats: number,
  options: { extra?: Record<string, unknown>; title?: string } = {},
): Promise<TestRun> {
  const { performanceId, startsAt } = await publishPerformance(t, tenantId, 72, options.title);
  const response = await t.request(personas.programmeAdmin(tenantId), {
    method: 'POST',
    url: '/transport-runs',
    payload: runBody(performanceId, startsAt, seats, options.extra),
  });
  if (response.statusCode !== 201) throw new Error(`creating the run answered ${response.statusCode}: ${response.body}`);
  return response.json();
}
