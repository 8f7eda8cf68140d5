import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { academicYearOf, periodBounds } from '../common/time';
import { feedEnsemble, insertPerformance, insertVenue, member, usePerformanceTestKit } from '../testing/performance-test-kit';

describe('a fair chance to perform', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const [p1, p2, p3, p4] = ['Aisha', 'Bilal', 'Cara', 'Dan'].map((name) => member(schoolA, name));
  const [q1, q2] = ['Evie', 'Femi'].map((name) => member(schoolB, name));
  const admin = personas.programmeAdmin(tenantId);

  beforeAll(async () => {
    await kit.applyEvent(tenantId, 'scheduling.school.created', {
      version: 1,
      schoolId: schoolA,
      name: 'Anfield Primary',
      urn: null,
      phase: 'primary',
    });
    await feedEnsemble(kit, tenantId, newId(), schoolA, [p1, p2, p3, p4]);
    await feedEnsemble(kit, tenantId, newId(), schoolB, [q1, q2]);
    await kit.applyEvent(tenantId, 'scheduling.pupil.left', {
      version: 1,
      pupilId: p4.pupilId,
      schoolId: schoolA,
      leftOn: '2025-01-31',
      reason: 'left',
    });
    const venue = await insertVenue(kit, tenantId);
    const db = kit.db;
    const performance = async (
      startsAt: string,
      status: string,
      performers: string[],
      removed: string[] = [],
      soloists: string[][] = [],
    ) => {
      const id = await insertPerformance(kit, tenantId, venue, { startsAt: new Date(startsAt), status });
      for (const pupilId of [...performers, ...removed]) {
        const school = [q1, q2].some((q) => q.pupilId === pupilId) ? schoolB : schoolA;
        await db.query(
          `INSERT INTO roster_entries (tenant_id, performance_id, pupil_id, school_id, source, removed) VALUES ($1, $2, $3, $4, 'added', $5)`,
          [tenantId, id, pupilId, school, removed.includes(pupilId)],
        );
      }
      for (const [position, ids] of soloists.entries()) {
        await db.query(
          `INSERT INTO running_order_items (tenant_id, id, performance_id, position, piece, duration_seconds, soloist_pupil_ids) VALUES ($1, $2, $3, $4, 'Piece', 60, $5::uuid[])`,
          [tenantId, newId(), id, position, ids],
        );
      }
    };
    await performance(
      '2024-10-10T18:00:00Z',
      'completed',
      [p1.pupilId, p2.pupilId, q1.pupilId],
      [],
      [[p1.pupilId], [p1.pupilId, q1.pupilId]],
    );
    await performance('2025-03-01T18:00:00Z', 'completed', [p1.pupilId], [p2.pupilId]);
    await performance('2025-02-01T18:00:00Z', 'cancelled', [p3.pupilId]);
    await performance('2025-06-01T17:00:00Z', 'published', [p3.pupilId]);
    // 00:30 on 1 September in London (BST): the first minutes of academic year 2024…
    await performance('2024-08-31T23:30:00Z', 'completed', [q2.pupilId]);
    // …and of academic year 2025.
    await performance('2025-08-31T23:30:00Z', 'completed', [q1.pupilId]);
  });

  it('knows where the academic year starts in London', () => {
    expect(academicYearOf(new Date('2024-08-31T22:59:59Z'))).toBe(2023);
    expect(academicYearOf(new Date('2024-08-31T23:00:00Z'))).toBe(2024);
    expect(periodBounds(2024, 'year')).toEqual({ from: new Date('2024-08-31T23:00:00Z'), to: new Date('2025-08-31T23:00:00Z') });
    expect(periodBounds(2024, 'spring')).toEqual({ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-03-31T23:00:00Z') });
  });

  it('counts, per school, pupils on roll, who has performed and who has not (hand-computed)', async () => {
    const response = await kit.call(admin, 'GET', '/fairness/schools?academicYear=2024');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-read-from']).toBe('primary'); // no REPLICA_DATABASE_URL here (ReportReader)
    const bySchool = Object.fromEntries(response.json().items.map((row: { schoolId: string }) => [row.schoolId, row]));
    expect(bySchool[schoolA]).toEqual({
      schoolId: schoolA,
      schoolName: 'Anfield Primary',
      pupils: 3,
      performed: 2,
      notYetPerformed: 1,
      offered: 3,
      notYetOffered: 0,
    });
    expect(bySchool[schoolB]).toEqual({
      schoolId: schoolB,
      schoolName: null,
      pupils: 2,
      performed: 2,
      notYetPerformed: 0,
      offered: 2,
      notYetOffered: 0,
    });
    expect(response.json().period).toEqual({
      academicYear: 2024,
      period: 'year',
      from: '2024-08-31T23:00:00.000Z',
      to: '2025-08-31T23:00:00.000Z',
    });
  });

  it('counts a term', async () => {
    const spring = (await kit.call(admin, 'GET', '/fairness/schools?academicYear=2024&period=spring')).json().items;
    expect(spring.find((row: { schoolId: string }) => row.schoolId === schoolA)).toMatchObject({
      pupils: 3,
      performed: 1,
      notYetPerformed: 2,
      offered: 1,
    });
    expect(spring.find((row: { schoolId: string }) => row.schoolId === schoolB)).toMatchObject({
      pupils: 2,
      performed: 0,
      notYetPerformed: 2,
    });
  });

  it('lists a school’s pupils with performances and featured turns, fewest first', async () => {
    const response = await kit.call(admin, 'GET', `/fairness/schools/${schoolA}/pupils?academicYear=2024`);
    expect(response.json().items).toEqual([
      { pupilId: p3.pupilId, displayName: 'Cara', performed: 0, upcoming: 1, featured: 0 },
      { pupilId: p2.pupilId, displayName: 'Bilal', performed: 1, upcoming: 0, featured: 0 },
      { pupilId: p1.pupilId, displayName: 'Aisha', performed: 2, upcoming: 0, featured: 2 },
    ]);
    const notYet = await kit.call(admin, 'GET', `/fairness/schools/${schoolA}/pupils?academicYear=2024&notYetPerformed=true`);
    expect(notYet.json().items.map((row: { displayName: string }) => row.displayName)).toEqual(['Cara']);
    const paged = (await kit.call(admin, 'GET', `/fairness/schools/${schoolA}/pupils?academicYear=2024&limit=2`)).json();
    const rest = (
      await kit.call(admin, 'GET', `/fairness/schools/${schoolA}/pupils?academicYear=2024&limit=2&cursor=${paged.nextCursor}`)
    ).json();
    expect([...paged.items, ...rest.items].map((row: { displayName: string }) => row.displayName)).toEqual(['Cara', 'Bilal', 'Aisha']);
    const featuredB = (await kit.call(admin, 'GET', `/fairness/schools/${schoolB}/pupils?academicYear=2024`)).json().items;
    expect(featuredB.find((row: { pupilId: string }) => row.pupilId === q1.pupilId)).toMatchObject({ performed: 1, featured: 1 });
  });

  it('shows a headteacher their own school only; tutors, guardians and evaluators nothing; another area nothing', async () => {
    const headIdentity = personas.headteacher(tenantId, schoolA);
    expect(
      (await kit.call(headIdentity, 'GET', '/fairness/schools?academicYear=2024'))
        .json()
        .items.map((row: { schoolId: string }) => row.schoolId),
    ).toEqual([schoolA]);
    expect((await kit.call(headIdentity, 'GET', `/fairness/schools/${schoolB}/pupils`)).statusCode).toBe(404);
    expect((await kit.call(personas.tutor(tenantId, [schoolA]), 'GET', '/fairness/schools')).statusCode).toBe(403);
    expect((await kit.call(personas.evaluator(tenantId), 'GET', '/fairness/schools')).statusCode).toBe(403);
    expect(
      (await kit.call(personas.guardian(tenantId, [{ pupilId: p1.pupilId, schoolId: schoolA }]), 'GET', '/fairness/schools')).statusCode,
    ).toBe(403);
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', '/fairness/schools?academicYear=2024')).json().items).toEqual([]);
  });

  it.each([
    ['?academicYear=1999', 'academicYear'],
    ['?period=winter', 'period'],
    ['?notYetPerformed=perhaps', 'notYetPerformed'],
  ])('refuses %s naming the field', async (query, field) => {
    const response = await kit.call(admin, 'GET', `/fairness/schools/${schoolA}/pupils${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
