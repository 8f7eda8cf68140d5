import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { newTenantId, personas } from '@tutti/testing';
import type { DataSource } from 'typeorm';
import { addInstrument, addPupil, addSchool, caller, checkOutBody, startInstrumentLoan } from '../testing/loan-test-bed';

describe('size swaps', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let call: ReturnType<typeof caller>;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  let schoolId: string;

  beforeAll(async () => {
    ({ app, db } = await startInstrumentLoan());
    call = caller(app);
    schoolId = await addSchool(db, tenantId);
  });

  afterAll(() => app?.close());

  const snapshot = async () => ({
    instruments: await db.query('SELECT id, status, condition, version FROM instruments WHERE tenant_id = $1 ORDER BY id', [tenantId]),
    loans: await db.query('SELECT id, returned_at, condition_in, outcome FROM loans WHERE tenant_id = $1 ORDER BY id', [tenantId]),
    events: (await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1', [tenantId]))[0].n,
    reminders: await db.query('SELECT id, status FROM reminders WHERE tenant_id = $1 ORDER BY id', [tenantId]),
  });

  it('returns the small instrument and lends the larger one in one go, keeping the agreement', async () => {
    const pupilId = await addPupil(db, tenantId, schoolId, 5);
    const small = await addInstrument(db, tenantId, { size: '1/4' });
    const larger = await addInstrument(db, tenantId, { size: '1/2' });
    const loan = (await call('POST', '/loans', admin, checkOutBody(small.id, pupilId))).json();
    const response = await call('POST', `/loans/${loan.id}/swaps`, admin, { newInstrumentId: larger.id, conditionIn: 'good', conditionOut: 'excellent' });
    expect(response.statusCode).toBe(201);
    const { returned, started } = response.json();
    expect(returned).toMatchObject({ id: loan.id, active: false, outcome: 'swapped' });
    expect(started).toMatchObject({ active: true, pupilId, instrument: { id: larger.id, size: '1/2' }, agreement: loan.agreement, dueOn: loan.dueOn, accessories: loan.accessories });
    const statuses = await db.query('SELECT id, status FROM instruments WHERE id = ANY($1::uuid[])', [[small.id, larger.id]]);
    expect(Object.fromEntries(statuses.map((row: { id: string; status: string }) => [row.id, row.status]))).toEqual({ [small.id]: 'available', [larger.id]: 'on_loan' });
  });

  it('changes nothing when the second half fails (the new instrument is in repair)', async () => {
    const pupilId = await addPupil(db, tenantId, schoolId, 5);
    const small = await addInstrument(db, tenantId, { size: '1/4' });
    const inRepair = await addInstrument(db, tenantId, { size: '1/2' });
    const loan = (await call('POST', '/loans', admin, checkOutBody(small.id, pupilId))).json();
    expect((await call('POST', `/instruments/${inRepair.id}/repairs`, admin, { fault: 'Open seam' })).statusCode).toBe(201);
    const before = await snapshot();
    const response = await call('POST', `/loans/${loan.id}/swaps`, admin, { newInstrumentId: inRepair.id, conditionIn: 'good', conditionOut: 'good' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('in repair');
    expect(await snapshot()).toEqual(before);
    expect((await call('GET', `/loans/${loan.id}`, admin)).json()).toMatchObject({ active: true, outcome: null });
  });

  it('refuses swapping to the same instrument, and unknown ones with 404', async () => {
    const pupilId = await addPupil(db, tenantId, schoolId, 5);
    const small = await addInstrument(db, tenantId, { size: '1/4' });
    const loan = (await call('POST', '/loans', admin, checkOutBody(small.id, pupilId))).json();
    const same = await call('POST', `/loans/${loan.id}/swaps`, admin, { newInstrumentId: small.id, conditionIn: 'good', conditionOut: 'good' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('newInstrumentId');
    const unknown = await call('POST', `/loans/${loan.id}/swaps`, admin, { newInstrumentId: '0190a0a0-0000-7000-8000-000000000000', conditionIn: 'good', conditionOut: 'good' });
    expect(unknown.statusCode).toBe(404);
    expect((await call('GET', `/loans/${loan.id}`, admin)).json().active).toBe(true);
  });
});

describe('reports', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let call: ReturnType<typeof caller>;
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    ({ app, db } = await startInstrumentLoan());
    call = caller(app);
  });

  afterAll(() => app?.close());

  it('counts stock, values what is on loan, and sums losses and repairs per term', async () => {
    const schoolId = await addSchool(db, tenantId);
    const pupilId = await addPupil(db, tenantId, schoolId);
    const a = await addInstrument(db, tenantId, { valuePence: 12000 });
    const b = await addInstrument(db, tenantId, { valuePence: 30000, type: 'cello' });
    const c = await addInstrument(db, tenantId, { valuePence: 5000, type: 'flute', size: null });
    await call('POST', '/loans', admin, checkOutBody(a.id, pupilId));
    const lost = (await call('POST', '/loans', admin, checkOutBody(b.id, pupilId))).json();
    await call('POST', `/loans/${lost.id}/problem-reports`, admin, { kind: 'lost', description: 'gone' });
    const ticket = (await call('POST', `/instruments/${c.id}/repairs`, admin, { fault: 'Sticky key', openedOn: '2025-10-06' })).json();
    await call('POST', `/repairs/${ticket.id}/close`, admin, { costPence: 2500, conditionAfter: 'good', closedOn: '2025-10-20' });

    const stock = (await call('GET', '/reports/stock', admin)).json();
    expect(stock.byStatus).toEqual([{ status: 'available', count: 1 }, { status: 'lost', count: 1 }, { status: 'on_loan', count: 1 }]);
    expect((await call('GET', '/reports/value-on-loan', admin)).json()).toMatchObject({ instruments: 1, totalPence: 12000 });
    const terms = (await call('GET', '/reports/losses-and-repairs', admin)).json().terms;
    expect(terms).toContainEqual({ term: '2025-2026 autumn', lost: 0, lostValuePence: 0, repairs: 1, repairCostPence: 2500 });
    expect(terms.reduce((sum: number, term: { lostValuePence: number }) => sum + term.lostValuePence, 0)).toBe(30000);
    expect((await call('GET', '/reports/loans-per-pupil', admin)).json().items).toEqual([{ pupilId, totalLoans: 2, activeLoans: 1, lost: 1 }]);
    expect((await call('GET', '/reports/value-on-loan', personas.tutor(tenantId, [schoolId]))).statusCode).toBe(403);
  });
});
