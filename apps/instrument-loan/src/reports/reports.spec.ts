import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('reports', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  it('counts stock, values what is on loan, and sums losses and repairs per term', async () => {
    const schoolId = await addSchool(kit.db, tenantId);
    const pupilId = await addPupil(kit.db, tenantId, schoolId);
    const a = await addInstrument(kit.db, tenantId, { valuePence: 12000 });
    const b = await addInstrument(kit.db, tenantId, { valuePence: 30000, type: 'cello' });
    const c = await addInstrument(kit.db, tenantId, { valuePence: 5000, type: 'flute', size: null });
    await kit.call(admin, 'POST', '/loans', checkOutBody(a.id, pupilId));
    const lost = (await kit.call(admin, 'POST', '/loans', checkOutBody(b.id, pupilId))).json();
    await kit.call(admin, 'POST', `/loans/${lost.id}/problem-reports`, { kind: 'lost', description: 'gone' });
    const ticket = (await kit.call(admin, 'POST', `/instruments/${c.id}/repairs`, { fault: 'Sticky key', openedOn: '2025-10-06' })).json();
    await kit.call(admin, 'POST', `/repairs/${ticket.id}/close`, { costPence: 2500, conditionAfter: 'good', closedOn: '2025-10-20' });

    const stock = (await kit.call(admin, 'GET', '/reports/stock')).json();
    expect(stock.byStatus).toEqual([
      { status: 'available', count: 1 },
      { status: 'lost', count: 1 },
      { status: 'on_loan', count: 1 },
    ]);
    expect((await kit.call(admin, 'GET', '/reports/value-on-loan')).json()).toMatchObject({ instruments: 1, totalPence: 12000 });
    const terms = (await kit.call(admin, 'GET', '/reports/losses-and-repairs')).json().terms;
    expect(terms).toContainEqual({ term: '2025-2026 autumn', lost: 0, lostValuePence: 0, repairs: 1, repairCostPence: 2500 });
    expect(terms.reduce((sum: number, term: { lostValuePence: number }) => sum + term.lostValuePence, 0)).toBe(30000);
    expect((await kit.call(admin, 'GET', '/reports/loans-per-pupil')).json().items).toEqual([
      { pupilId, totalLoans: 2, activeLoans: 1, lost: 1 },
    ]);
    expect((await kit.call(personas.tutor(tenantId, [schoolId]), 'GET', '/reports/value-on-loan')).statusCode).toBe(403);
  });

  it('says which database served each report: the primary, as no replica is configured here (REPLICA_DATABASE_URL unset)', async () => {
    for (const path of ['stock', 'value-on-loan', 'loans-per-pupil', 'losses-and-repairs'])
      expect((await kit.call(admin, 'GET', `/reports/${path}`)).headers['x-read-from']).toBe('primary');
  });
});
