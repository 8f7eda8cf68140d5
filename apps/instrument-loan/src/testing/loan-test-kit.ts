import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { EventCatalog, EventEnvelope, EventType } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { identityHeaders, startTestService, testServiceConfig } from '@tutti/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { InstrumentLoanConfig } from '../config';

/** The service as in production, on the test PostgreSQL and Redis. */
export async function startInstrumentLoan(
  overrides: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; db: DataSource }> {
  const config = await testServiceConfig('instrument-loan', InstrumentLoanConfig, overrides);
  const app = await startTestService({ service: 'instrument-loan', description: 'test', config, module: AppModule.register(config) });
  return { app, db: app.get(DataSource) };
}

export async function addSchool(
  db: DataSource,
  tenantId: string,
  urn = String(100000 + Math.floor(Math.random() * 800000)),
): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO schools (tenant_id, id, name, urn) VALUES ($1, $2, $3, $4)', [tenantId, id, `School ${urn}`, urn]);
  return id;
}

export async function addPupil(
  db: DataSource,
  tenantId: string,
  schoolId: string,
  yearGroup = 4,
  armLengthMm: number | null = null,
): Promise<string> {
  const id = newId();
  await db.query(
    'INSERT INTO pupils (tenant_id, id, school_id, year_group, first_name, last_name, arm_length_mm) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [tenantId, id, schoolId, yearGroup, 'Test', 'Pupil', armLengthMm],
  );
  return id;
}

let tagCounter = 0;
export async function addInstrument(
  db: DataSource,
  tenantId: string,
  fields: { type?: string; size?: string | null; status?: string; valuePence?: number; ownerSchoolId?: string } = {},
): Promise<{ id: string; assetTag: string }> {
  const id = newId();
  const type = fields.type ?? 'violin';
  const size = fields.size === undefined ? (['violin', 'viola', 'cello', 'double_bass'].includes(type) ? '1/2' : null) : fields.size;
  const family = ['violin', 'viola', 'cello', 'double_bass'].includes(type)
    ? 'strings'
    : type === 'trumpet' || type === 'trombone'
      ? 'brass'
      : 'woodwind';
  const assetTag = `T-${++tagCounter}-${id.slice(-6)}`;
  await db.query(
    `INSERT INTO instruments (id, tenant_id, asset_tag, family, type, size, purchase_value_pence, owner_kind, owner_school_id, condition, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'good', $10)`,
    [
      id,
      tenantId,
      assetTag,
      family,
      type,
      size,
      fields.valuePence ?? 30000,
      fields.ownerSchoolId ? 'school' : 'programme',
      fields.ownerSchoolId ?? null,
      fields.status ?? 'available',
    ],
  );
  return { id, assetTag };
}

export function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function checkOutBody(instrumentId: string, pupilId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    instrumentId,
    pupilId,
    dueOn: futureDate(60),
    accessories: ['case', 'bow'],
    conditionOut: 'good',
    agreement: { agreedByName: 'Sam Parent', agreedAt: new Date().toISOString(), termsVersion: '2025-1' },
    ...extra,
  };
}

/** Calls the service through app.inject as this identity (a token signed as the gateway signs it). */
export function caller(app: NestFastifyApplication) {
  return async (
    identity: Identity,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { ...(await identityHeaders(identity, 'instrument-loan')), ...headers },
      payload: payload as Record<string, unknown> | undefined,
    });
}

/** What a spec's describe block works with (the same members in every service's test kit). */
export interface LoanTestKit {
  /** The service as in production (pipes, filters, guards), ready for inject(). */
  app: NestFastifyApplication;
  /** Its database, as the service's own role. */
  db: DataSource;
  /** Calls the service as an identity: `call(identity, method, url, body?, headers?)`. */
  call: ReturnType<typeof caller>;
  /** Applies an event as the consumer would (idempotent by event id), through the service's own handler. */
  applyEvent<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T], occurredAt?: Date): Promise<EventEnvelope<T>>;
}

/**
 * Starts the service before the describe block's tests (with these config overrides) and closes it
 * after them; the kit's members are there from the block's first beforeAll on (call this before the
 * block's own beforeAll).
 */
export function useLoanTestKit(overrides: Record<string, string> = {}): LoanTestKit {
  const kit = {} as LoanTestKit;
  beforeAll(async () => {
    const { app, db } = await startInstrumentLoan(overrides);
    Object.assign(kit, {
      app,
      db,
      call: caller(app),
      async applyEvent<T extends EventType>(
        tenantId: string,
        type: T,
        payload: EventCatalog[T],
        occurredAt = new Date(),
      ): Promise<EventEnvelope<T>> {
        const event: EventEnvelope<T> = {
          id: newId(),
          type,
          tenantId,
          occurredAt: occurredAt.toISOString(),
          source: 'scheduling',
          payload,
        };
        await applyEvent(db, 'instrument-loan', app.get(MessagingHandlers).handlers, event);
        return event;
      },
    } satisfies LoanTestKit);
  });
  afterAll(() => kit.app?.close());
  return kit;
}
