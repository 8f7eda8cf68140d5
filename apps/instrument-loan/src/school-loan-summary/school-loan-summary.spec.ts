import { newTenantId, personas } from '@tutti/testing';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('instruments on loan per school', () => {
  const kit = useLoanTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  let schoolId: string;
  let otherSchoolId: string;

  beforeAll(async () => {
    schoolId = await addSchool(kit.db, tenantId);
    otherSchoolId = await addSchool(kit.db, tenantId);
    const [p1, p2] = [await addPupil(kit.db, tenantId, schoolId), await addPupil(kit.db, tenantId, schoolId)];
    const elsewhere = await addPupil(kit.db, tenantId, otherSchoolId);
    const lend = async (pupilId: string, type: string) => {
      const response = await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId, { type })).id, pupilId));
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<{ id: string }>().id;
    };
    await lend(p1, 'violin');
    const overdueLoan = await lend(p2, 'cello');
    await lend(p2, 'trumpet');
    const returned = await lend(p1, 'viola');
    await lend(elsewhere, 'violin');
    await kit.db.query(`UPDATE loans SET due_on = current_date - 3 WHERE tenant_id = $1 AND id = $2`, [tenantId, overdueLoan]);
    const back = await kit.call(admin, 'POST', `/loans/${returned}/return`, { conditionIn: 'good' });
    if (back.statusCode >= 300) throw new Error(back.body);
  });

  it('counts the loans out now to the school’s pupils, by family, with the overdue ones', async () => {
    const response = await kit.call(personas.headteacher(tenantId, schoolId), 'GET', `/schools/${schoolId}/loan-summary`);
    expect(response.headers['x-read-from']).toBe('primary'); // no REPLICA_DATABASE_URL here (ReportReader)
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      schoolId,
      onLoan: 3,
      pupilsWithInstrument: 2,
      overdue: 1,
      byFamily: [
        { family: 'strings', onLoan: 2 },
        { family: 'brass', onLoan: 1 },
      ],
    });
  });

  it('answers 404 to another school’s headteacher, another area and an unknown school', async () => {
    expect((await kit.call(personas.headteacher(tenantId, otherSchoolId), 'GET', `/schools/${schoolId}/loan-summary`)).statusCode).toBe(
      404,
    );
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', `/schools/${schoolId}/loan-summary`)).statusCode).toBe(404);
    expect((await kit.call(admin, 'GET', `/schools/${await addSchool(kit.db, newTenantId())}/loan-summary`)).statusCode).toBe(404);
    expect((await kit.call(admin, 'GET', `/schools/not-an-id/loan-summary`)).statusCode).toBe(400);
  });
});
