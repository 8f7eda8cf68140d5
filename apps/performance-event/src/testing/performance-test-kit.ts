import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope, EventType } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { identityHeaders, startTestService, testServiceConfig } from '@tutti/testing';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { PerformanceEventConfig } from '../config';
import { insertPerformanceEnsembles } from '../performances/performances.queries';
import { insertVenue as insertVenueRow } from '../venues/venues.queries';

/** The service as in production; specs feed events by calling its handlers. */
export async function startPerformanceEvent(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = await testServiceConfig('performance-event', PerformanceEventConfig, overrides);
  return startTestService({ service: 'performance-event', description: 'test', config, module: AppModule.register(config) });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a spec's describe block works with (the same members in every service's test kit). */
export interface PerformanceTestKit {
  /** The service as in production (pipes, filters, guards), ready for inject(). */
  app: NestFastifyApplication;
  /** Its database, as the service's own role. */
  db: DataSource;
  /** Calls the service as an identity (a token signed as the gateway signs it). */
  call(identity: Identity, method: Method, url: string, body?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Applies an event as the consumer would (idempotent by event id), through the real handler; answers the event applied. */
  applyEvent<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T], occurredAt?: Date): Promise<EventEnvelope<T>>;
}

/**
 * Starts the service before the describe block's tests (with these config overrides) and closes it
 * after them; the kit's members are there from the block's first beforeAll on (call this before the
 * block's own beforeAll).
 */
export function usePerformanceTestKit(overrides: Record<string, string> = {}): PerformanceTestKit {
  const kit = {} as PerformanceTestKit;
  beforeAll(async () => {
    const app = await startPerformanceEvent(overrides);
    const db = app.get(DataSource);
    Object.assign(kit, {
      app,
      db,
      call: async (identity: Identity, method: Method, url: string, body?: object, headers: Record<string, string> = {}) =>
        app.inject({ method, url, payload: body, headers: { ...(await identityHeaders(identity, 'performance-event')), ...headers } }),
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
          source: 'scheduling',
          payload,
        };
        await applyEvent(db, 'performance-event', handlers, event);
        return event;
      },
    } satisfies PerformanceTestKit);
  });
  afterAll(() => kit.app?.close());
  return kit;
}

/** Runs an event's handler again, past the consumer's memory of event ids: what a redelivery would do to the rows if that memory failed. */
export async function rerunHandler<T extends EventType>(kit: PerformanceTestKit, event: EventEnvelope<T>): Promise<void> {
  const handler = kit.app.get(MessagingHandlers).handlers[event.type];
  if (!handler) throw new Error(`No handler for ${event.type}`);
  await kit.db.transaction((manager) => handler(event, manager));
}

export interface TestMember {
  pupilId: string;
  schoolId: string;
  displayName: string;
  instrument: string | null;
}

export const member = (schoolId: string, displayName: string, instrument: string | null = 'violin'): TestMember => ({
  pupilId: newId(),
  schoolId,
  displayName,
  instrument,
});

export async function feedEnsemble(
  kit: PerformanceTestKit,
  tenantId: string,
  ensembleId: string,
  schoolId: string | null,
  members: TestMember[],
  ensembleName = 'Strings',
): Promise<void> {
  await kit.applyEvent(tenantId, 'scheduling.ensemble.membership-changed', { version: 1, ensembleId, schoolId, ensembleName, members });
}

/** Scheduling tells of a school of the area: what makes its id one a body may name. */
export async function feedSchool(kit: PerformanceTestKit, tenantId: string, schoolId: string, name = 'Faith Primary'): Promise<void> {
  await kit.applyEvent(tenantId, 'scheduling.school.created', { version: 1, schoolId, name, urn: null, phase: 'primary' });
}

export async function feedConsent(
  kit: PerformanceTestKit,
  tenantId: string,
  pupilId: string,
  kind: 'photo_film' | 'performing_in_public',
  granted: boolean,
): Promise<void> {
  await kit.applyEvent(tenantId, 'engagement.consent.changed', { version: 1, pupilId, kind, granted, note: null });
}

/** A venue straight into the table: the area's own (no school), or a school's hall. */
export async function insertVenue(
  kit: PerformanceTestKit,
  tenantId: string,
  name = 'St Mary’s Hall',
  schoolId: string | null = null,
): Promise<string> {
  const venue = await insertVenueRow(kit.db, tenantId, newId(), {
    name,
    kind: 'school_hall',
    address: '1 Church Rd',
    capacity: 200,
    accessNotes: null,
    schoolId,
  });
  return venue.id;
}

/** A performance straight into the table, for states the API would not reach on a given date (past, completed). */
export async function insertPerformance(
  kit: PerformanceTestKit,
  tenantId: string,
  venueId: string,
  fields: {
    title?: string;
    startsAt: Date;
    minutes?: number;
    status?: string;
    audience?: string;
    schoolId?: string | null;
    ensembleIds?: string[];
  },
): Promise<string> {
  const id = newId();
  const db = kit.db;
  await db.query(
    `INSERT INTO performances (id, tenant_id, venue_id, title, starts_at, ends_at, status, audience, school_id, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $7 = 'draft' THEN NULL ELSE now() END)`,
    [
      id,
      tenantId,
      venueId,
      fields.title ?? 'Concert',
      fields.startsAt,
      new Date(fields.startsAt.getTime() + (fields.minutes ?? 60) * 60_000),
      fields.status ?? 'published',
      fields.audience ?? 'public',
      fields.schoolId ?? null,
    ],
  );
  if (fields.ensembleIds?.length) await insertPerformanceEnsembles(db, tenantId, id, fields.ensembleIds);
  return id;
}

export const fieldsOf = (response: LightMyRequestResponse): string[] =>
  ((response.json() as { errors?: { field: string }[] }).errors ?? []).map((error) => error.field);
