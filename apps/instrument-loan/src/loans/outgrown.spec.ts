import { newTenantId, personas } from '@tutti/testing';
import { ageFromYearGroup, recommendedSize } from '../pupils/size-chart';
import { addInstrument, addPupil, addSchool, checkOutBody, useLoanTestKit } from '../testing/loan-test-kit';

describe('growing children', () => {
  it('recommends sizes by age from the school year, and by arm length for violins where measured', () => {
    expect(ageFromYearGroup(1, new Date('2025-09-01T00:00:00Z'))).toBeCloseTo(5.5, 1);
    expect(recommendedSize('violin', 5.5, null)).toEqual({ size: '1/8', basis: 'age' });
    expect(recommendedSize('violin', 10, null)).toEqual({ size: '3/4', basis: 'age' });
    expect(recommendedSize('violin', 10, 500)).toEqual({ size: '1/4', basis: 'arm_length' });
    expect(recommendedSize('cello', 9, 500)).toEqual({ size: '1/2', basis: 'age' });
  });

  describe('over HTTP', () => {
    const kit = useLoanTestKit();
    const tenantId = newTenantId();
    const admin = personas.programmeAdmin(tenantId);

    it('lists children whose instrument is now too small, within the caller’s schools', async () => {
      const schoolId = await addSchool(kit.db, tenantId);
      const otherSchoolId = await addSchool(kit.db, tenantId);
      const year6 = await addPupil(kit.db, tenantId, schoolId, 6); // about 10½–11½: 3/4
      const year1 = await addPupil(kit.db, tenantId, schoolId, 1); // about 5½–6½: 1/8 or 1/10
      const elsewhere = await addPupil(kit.db, tenantId, otherSchoolId, 6);
      const tooSmall = (
        await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId, { size: '1/4' })).id, year6))
      ).json();
      await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId, { size: '1/16' })).id, year1, {}));
      await kit.call(admin, 'POST', '/loans', checkOutBody((await addInstrument(kit.db, tenantId, { size: '1/4' })).id, elsewhere));
      await kit.call(
        admin,
        'POST',
        '/loans',
        checkOutBody((await addInstrument(kit.db, tenantId, { type: 'flute', size: null })).id, year6),
      );

      const tutor = personas.tutor(tenantId, [schoolId]);
      const list = (await kit.call(tutor, 'GET', '/outgrown-loans')).json();
      expect(list.items.map((item: { loanId: string }) => item.loanId)).toContain(tooSmall.id);
      expect(list.items.find((item: { loanId: string }) => item.loanId === tooSmall.id)).toMatchObject({
        currentSize: '1/4',
        recommendedSize: '3/4',
        basis: 'age',
      });
      expect(list.items.every((item: { schoolId: string }) => item.schoolId === schoolId)).toBe(true);
      expect((await kit.call(admin, 'GET', '/outgrown-loans')).json().items).toHaveLength(list.items.length + 1);

      // A short arm measured: the 1/4 fits after all.
      expect((await kit.call(tutor, 'PUT', `/pupils/${year6}/arm-length`, { armLengthMm: 480, measuredOn: '2026-01-12' })).statusCode).toBe(
        200,
      );
      expect((await kit.call(tutor, 'GET', '/outgrown-loans')).json().items.map((item: { loanId: string }) => item.loanId)).not.toContain(
        tooSmall.id,
      );
      expect((await kit.call(tutor, 'GET', `/pupils/${elsewhere}/sizing`)).statusCode).toBe(404);
      const bad = await kit.call(tutor, 'PUT', `/pupils/${year6}/arm-length`, { armLengthMm: 5, measuredOn: '2026-01-12' });
      expect(bad.json().errors[0].field).toBe('armLengthMm');
    });
  });
});
