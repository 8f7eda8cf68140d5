import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope, EventType } from '@tutti/contracts';
import { applyEvent, MessagingHandlers, ReminderWorker } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { identityHeaders, personas, startTestService, testServiceConfig } from '@tutti/testing';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ParentEngagementConfig } from '../config';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a spec's describe block works with (the same members in every service's test kit). */
export interface EngagementTestKit {
  /** The service as in production (pipes, filters, guards), ready for inject(). */
  app: NestFastifyApplication;
  /** Its database, as the service's own role. */
  db: DataSource;
  /** Calls the service as an identity (a token signed afresh as the gateway signs it: identity tokens live 30 s). */
  call(
    identity: Identity,
    method: Method,
    url: string,
    body?: object | string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Applies an event as the consumer would (idempotent by event id), through the service's own handler; answers the event applied. */
  applyEvent<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T], occurredAt?: Date): Promise<EventEnvelope<T>>;
}

/** The service as in production, on the test PostgreSQL, Redis and MailDev (SMTP_URL), with these config overrides. */
export async function startParentEngagement(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = await testServiceConfig('parent-engagement', ParentEngagementConfig, {
    SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    ...overrides,
  });
  return startTestService({ service: 'parent-engagement', description: 'test', config, module: AppModule.register(config) });
}

/**
 * Starts the service before the describe block's tests (with these config overrides) and closes it
 * after them; the kit's members are there from the block's first beforeAll on (call this before the
 * block's own beforeAll). Overrides known only once an earlier beforeAll has run (a Redis of the
 * spec's own) are given as a function, read when the service starts.
 */
export function useEngagementTestKit(overrides: Record<string, string> | (() => Record<string, string>) = {}): EngagementTestKit {
  const kit = {} as EngagementTestKit;
  beforeAll(async () => {
    const app = await startParentEngagement(typeof overrides === 'function' ? overrides() : overrides);
    const db = app.get(DataSource);
    Object.assign(kit, {
      app,
      db,
      call: async (identity: Identity, method: Method, url: string, body?: object | string, headers: Record<string, string> = {}) =>
        app.inject({ method, url, payload: body, headers: { ...(await identityHeaders(identity, 'parent-engagement')), ...headers } }),
      async applyEvent<T extends EventType>(
        tenantId: string,
        type: T,
        payload: EventCatalog[T],
        occurredAt = new Date(),
      ): Promise<EventEnvelope<T>> {
        const handlers = app.get(MessagingHandlers).handlers;
        if (!handlers[type]) throw new Error(`No handler for ${type}`);
        const event: EventEnvelope<T> = {
          id: newId(),
          type,
          tenantId,
          occurredAt: occurredAt.toISOString(),
          source: 'performance-event',
          payload,
        };
        await applyEvent(db, 'parent-engagement', handlers, event);
        return event;
      },
    } satisfies EngagementTestKit);
  });
  afterAll(() => kit.app?.close());
  return kit;
}

export const HOUR = 3_600_000;

/** A published performance `hoursAhead` from now, through the same event performance-event sends. */
export async function publishPerformance(
  kit: EngagementTestKit,
  tenantId: string,
  hoursAhead = 72,
  title = 'Winter Concert',
): Promise<{ performanceId: string; startsAt: Date }> {
  const performanceId = newId();
  const startsAt = new Date(Date.now() + hoursAhead * HOUR);
  await kit.applyEvent(tenantId, 'performance.performance.published', {
    version: 1,
    performanceId,
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    venueName: 'Philharmonic Hall',
  });
  return { performanceId, startsAt };
}

/** Scheduling tells this service of a school of the area (roster_schools), as it does when one is created. */
export async function announceSchool(kit: EngagementTestKit, tenantId: string, schoolId: string, name = 'St Mary’s'): Promise<void> {
  await kit.applyEvent(tenantId, 'scheduling.school.created', { version: 1, schoolId, name, urn: null, phase: 'primary' });
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
  kit: EngagementTestKit,
  tenantId: string,
  seats: number,
  options: { extra?: Record<string, unknown>; title?: string } = {},
): Promise<TestRun> {
  const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 72, options.title);
  const response = await kit.call(
    personas.programmeAdmin(tenantId),
    'POST',
    '/transport-runs',
    runBody(performanceId, startsAt, seats, options.extra),
  );
  if (response.statusCode !== 201) throw new Error(`creating the run answered ${response.statusCode}: ${response.body}`);
  return response.json();
}

/** A guardian of a new pupil who has saved contact preferences. */
export interface TestFamily {
  guardian: Identity;
  pupilId: string;
  email: string;
}

/**
 * A guardian of a new pupil at the school who has saved an email address (PUT
 * /families/me/contact-preferences: English, email on, SMS off, unless `preferences` say otherwise);
 * fails unless the save answers 200.
 */
export async function familyWithEmail(
  kit: EngagementTestKit,
  tenantId: string,
  schoolId: string,
  preferences: Record<string, unknown> = {},
): Promise<TestFamily> {
  const pupilId = newId();
  const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
  const email = `family-${guardian.userId}@example.org`;
  const saved = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
    email,
    language: 'en',
    emailEnabled: true,
    smsEnabled: false,
    ...preferences,
  });
  expect(saved.statusCode).toBe(200);
  return { guardian, pupilId, email };
}

/**
 * The service's reminder worker on the test Redis (or `redis`), not started: a spec hands it one due
 * reminder at a time (`deliverDue`), as the queue would, or starts it itself.
 */
export function reminderWorkerOf(kit: EngagementTestKit, redis = process.env.REDIS_URL ?? ''): ReminderWorker {
  return new ReminderWorker({
    dataSource: kit.db,
    service: 'parent-engagement',
    redis,
    deliverers: kit.app.get(MessagingHandlers).deliverers,
  });
}
