import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestBed } from '../testing/loan-test-bed';

describe('reports', () => {
  const bed = useLoanTestBed();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);

  it('counts stock, values what is on loan, and sums losses and repairs per term', async () => {
    const schoolId = await addSchool(bed.db, tenantId);
    const pupilId = await addPupil(bed.db, tenantId, schoolId);
    const a = await addInstrument(bed.db, tenantId, { valuePence: 12000 });
    const b = await addInstrument(bed.db, tenantId, { valuePence: 30000, type: 'cello' });
    const c = await addInstrument(bed.db, tenantId, { valuePence: 5000, type: 'flute', size: null });
    await bed.call('POST', '/loans', admin, checkOutBody(a.id, pupilId));
    const lost = (await bed.call('POST', '/loans', admin, checkOutBody(b.id, pupilId))).json();
    await bed.call('POST', `/loans/${lost.id}/problem-reports`, admin, { kind: 'lost', description: 'gone' });
    const ticket = (await bed.call('POST', `/instruments/${c.id}/repairs`, admin, { fault: 'Sticky key', openedOn: '2025-10-06' })).json();
    await bed.call('POST', `/repairs/${ticket.id}/close`, admin, { costPence: 2500, conditionAfter: 'good', closedOn: '2025-10-20' });

    const stock = (await bed.call('GET', '/reports/stock', admin)).json();
    expect(stock.byStatus).toEqual([{ status: 'available', count: 1 }, { status: 'lost', count: 1 }, { status: 'on_loan', count: 1 }]);
    expect((await bed.call('GET', '/reports/value-on-loan', admin)).json()).toMatchObject({ instruments: 1, totalPence: 12000 });
    const terms = (await bed.call('GET', '/reports/losses-and-repairs', admin)).json().terms;
    expect(terms).toContainEqual({ term: '2025-2026 autumn', lost: 0, lostValuePence: 0, repairs: 1, repairCostPence: 2500 });
    expect(terms.reduce((sum: number, term: { lostValuePence: number }) => sum + term.lostValuePence, 0)).toBe(30000);
    expect((await bed.call('GET', '/reports/loans-per-pupil', admin)).json().items).toEqual([{ pupilId, totalLoans: 2, activeLoans: 1, lost: 1 }]);
    expect((await bed.call('GET', '/reports/value-on-loan', personas.tutor(tenantId, [schoolId]))).statusCode).toBe(403);
  });
});
