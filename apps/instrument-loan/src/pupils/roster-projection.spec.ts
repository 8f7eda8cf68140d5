import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventEnvelope, EventType } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { addInstrument, caller, checkOutBody, startInstrumentLoan } from '../testing/loan-test-bed';
import { ROSTER_PROJECTION_HANDLERS } from './roster-projection';

describe('the roster kept from scheduling’s events', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let call: ReturnType<typeof caller>;
  const tenantId = newTenantId();

  beforeAll(async () => {
    ({ app, db } = await startInstrumentLoan());
    call = caller(app);
  });

  afterAll(() => app?.close());

  const apply = <T extends EventType>(type: T, payload: EventEnvelope<T>['payload']) => {
    const event = { id: newId(), type, tenantId, occurredAt: new Date().toISOString(), source: 'scheduling', payload } as EventEnvelope<T>;
    const handler = ROSTER_PROJECTION_HANDLERS[type] as ((event: EventEnvelope<T>, manager: unknown) => Promise<void>) | undefined;
    if (!handler) throw new Error(`no handler for ${type}`);
    return db.transaction((manager) => handler(event, manager));
  };

  it('lets the new school’s staff see a moved pupil’s active loan, and refuses loans to leavers', async () => {
    const [from, to, pupilId] = [newId(), newId(), newId()];
    await apply('scheduling.school.created', { version: 1, schoolId: from, name: 'From Primary', urn: '900001', phase: 'primary' });
    await apply('scheduling.pupil.enrolled', { version: 1, pupilId, schoolId: from, classId: null, yearGroup: 3, firstName: 'Ada', lastName: 'L' });
    await apply('scheduling.pupil.enrolled', { version: 1, pupilId, schoolId: from, classId: null, yearGroup: 3, firstName: 'Ada', lastName: 'L' });
    const loan = (await call('POST', '/loans', personas.tutor(tenantId, [from]), checkOutBody((await addInstrument(db, tenantId)).id, pupilId))).json();
    await apply('scheduling.pupil.moved', { version: 1, pupilId, fromSchoolId: from, toSchoolId: to, fromClassId: null, toClassId: null, yearGroup: 3 });
    expect((await call('GET', `/loans/${loan.id}`, personas.tutor(tenantId, [to]))).statusCode).toBe(200);
    expect((await call('GET', `/loans/${loan.id}`, personas.tutor(tenantId, [from]))).statusCode).toBe(404);
    await apply('scheduling.pupil.left', { version: 1, pupilId, schoolId: to, leftOn: '2026-01-31', reason: 'left' });
    const refused = await call('POST', '/loans', personas.tutor(tenantId, [to]), checkOutBody((await addInstrument(db, tenantId)).id, pupilId));
    expect(refused.statusCode).toBe(409);
  });

  it('follows a pupil’s corrected name and new year group (instrument sizes go by it)', async () => {
    const [schoolId, pupilId] = [newId(), newId()];
    await apply('scheduling.pupil.enrolled', { version: 1, pupilId, schoolId, classId: null, yearGroup: 3, firstName: 'Ada', lastName: 'L' });
    await apply('scheduling.pupil.details-changed', { version: 1, pupilId, schoolId, yearGroup: 4, firstName: 'Ada', lastName: 'Lovelace' });
    const [pupil] = await db.query('SELECT first_name, last_name, year_group FROM pupils WHERE tenant_id = $1 AND id = $2', [tenantId, pupilId]);
    expect(pupil).toEqual({ first_name: 'Ada', last_name: 'Lovelace', year_group: 4 });
  });
});
