import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('size swaps', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  let schoolId: string;

  beforeAll(async () => {
    schoolId = await addSchool(kit.db, tenantId);
  });

  const snapshot = async () => ({
    instruments: await kit.db.query('SELECT id, status, condition, version FROM instruments WHERE tenant_id = $1 ORDER BY id', [tenantId]),
    loans: await kit.db.query('SELECT id, returned_at, condition_in, outcome FROM loans WHERE tenant_id = $1 ORDER BY id', [tenantId]),
    events: (await kit.db.query('SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1', [tenantId]))[0].n,
    reminders: await kit.db.query('SELECT id, status FROM reminders WHERE tenant_id = $1 ORDER BY id', [tenantId]),
  });

  it('returns the small instrument and lends the larger one in one go, keeping the agreement', async () => {
    const pupilId = await addPupil(kit.db, tenantId, schoolId, 5);
    const small = await addInstrument(kit.db, tenantId, { size: '1/4' });
    const larger = await addInstrument(kit.db, tenantId, { size: '1/2' });
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(small.id, pupilId))).json();
    const response = await kit.call(admin, 'POST', `/loans/${loan.id}/swaps`, {
      newInstrumentId: larger.id,
      conditionIn: 'good',
      conditionOut: 'excellent',
    });
    expect(response.statusCode).toBe(201);
    const { returned, started } = response.json();
    expect(returned).toMatchObject({ id: loan.id, active: false, outcome: 'swapped' });
    expect(started).toMatchObject({
      active: true,
      pupilId,
      instrument: { id: larger.id, size: '1/2' },
      agreement: loan.agreement,
      dueOn: loan.dueOn,
      accessories: loan.accessories,
    });
    const statuses = await kit.db.query('SELECT id, status FROM instruments WHERE id = ANY($1::uuid[])', [[small.id, larger.id]]);
    expect(Object.fromEntries(statuses.map((row: { id: string; status: string }) => [row.id, row.status]))).toEqual({
      [small.id]: 'available',
      [larger.id]: 'on_loan',
    });
  });

  it('changes nothing when the second half fails (the new instrument is in repair)', async () => {
    const pupilId = await addPupil(kit.db, tenantId, schoolId, 5);
    const small = await addInstrument(kit.db, tenantId, { size: '1/4' });
    const inRepair = await addInstrument(kit.db, tenantId, { size: '1/2' });
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(small.id, pupilId))).json();
    expect((await kit.call(admin, 'POST', `/instruments/${inRepair.id}/repairs`, { fault: 'Open seam' })).statusCode).toBe(201);
    const before = await snapshot();
    const response = await kit.call(admin, 'POST', `/loans/${loan.id}/swaps`, {
      newInstrumentId: inRepair.id,
      conditionIn: 'good',
      conditionOut: 'good',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('in repair');
    expect(await snapshot()).toEqual(before);
    expect((await kit.call(admin, 'GET', `/loans/${loan.id}`)).json()).toMatchObject({ active: true, outcome: null });
  });

  it('refuses swapping to the same instrument, and unknown ones with 404', async () => {
    const pupilId = await addPupil(kit.db, tenantId, schoolId, 5);
    const small = await addInstrument(kit.db, tenantId, { size: '1/4' });
    const loan = (await kit.call(admin, 'POST', '/loans', checkOutBody(small.id, pupilId))).json();
    const same = await kit.call(admin, 'POST', `/loans/${loan.id}/swaps`, {
      newInstrumentId: small.id,
      conditionIn: 'good',
      conditionOut: 'good',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('newInstrumentId');
    const unknown = await kit.call(admin, 'POST', `/loans/${loan.id}/swaps`, {
      newInstrumentId: '0190a0a0-0000-7000-8000-000000000000',
      conditionIn: 'good',
      conditionOut: 'good',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await kit.call(admin, 'GET', `/loans/${loan.id}`)).json().active).toBe(true);
  });
});
