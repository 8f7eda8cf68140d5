import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestBed } from '../testing/loan-test-bed';

describe('instruments on loan per school', () => {
  const bed = useLoanTestBed();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  let schoolId: string;
  let otherSchoolId: string;

  beforeAll(async () => {
    schoolId = await addSchool(bed.db, tenantId);
    otherSchoolId = await addSchool(bed.db, tenantId);
    const [p1, p2] = [await addPupil(bed.db, tenantId, schoolId), await addPupil(bed.db, tenantId, schoolId)];
    const elsewhere = await addPupil(bed.db, tenantId, otherSchoolId);
    const lend = async (pupilId: string, type: string) => {
      const response = await bed.call('POST', '/loans', admin, checkOutBody((await addInstrument(bed.db, tenantId, { type })).id, pupilId));
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<{ id: string }>().id;
    };
    await lend(p1, 'violin');
    const overdueLoan = await lend(p2, 'cello');
    await lend(p2, 'trumpet');
    const returned = await lend(p1, 'viola');
    await lend(elsewhere, 'violin');
    await bed.db.query(`UPDATE loans SET due_on = current_date - 3 WHERE tenant_id = $1 AND id = $2`, [tenantId, overdueLoan]);
    const back = await bed.call('POST', `/loans/${returned}/return`, admin, { conditionIn: 'good' });
    if (back.statusCode >= 300) throw new Error(back.body);
  });

  it('counts the loans out now to the school’s pupils, by family, with the overdue ones', async () => {
    const response = await bed.call('GET', `/schools/${schoolId}/loan-summary`, personas.headteacher(tenantId, schoolId));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ schoolId, onLoan: 3, pupilsWithInstrument: 2, overdue: 1, byFamily: [{ family: 'strings', onLoan: 2 }, { family: 'brass', onLoan: 1 }] });
  });

  it('answers 404 to another school’s headteacher, another area and an unknown school', async () => {
    expect((await bed.call('GET', `/schools/${schoolId}/loan-summary`, personas.headteacher(tenantId, otherSchoolId))).statusCode).toBe(404);
    expect((await bed.call('GET', `/schools/${schoolId}/loan-summary`, personas.programmeAdmin(newTenantId()))).statusCode).toBe(404);
    expect((await bed.call('GET', `/schools/${await addSchool(bed.db, newTenantId())}/loan-summary`, admin)).statusCode).toBe(404);
    expect((await bed.call('GET', `/schools/not-an-id/loan-summary`, admin)).statusCode).toBe(400);
  });
});
