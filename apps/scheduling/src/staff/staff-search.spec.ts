import { expecting } from '../testing/api';
import { adminOf, headteacherOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface StaffPage {
  items: { id: string; displayName: string; schoolIds: string[] }[];
  nextCursor: string | null;
}

describe('staff: a name search at the API (q)', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  const names = (page: StaffPage) => page.items.map((member) => member.displayName);
  const search = (q: string, extra = '') =>
    call<StaffPage>(admin, 'GET', `/staff?q=${encodeURIComponent(q)}${extra}`, undefined, 200).then(names);

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Staff Search Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Staff Elsewhere Primary', phase: 'primary' }, 201)).id;
    const add = (displayName: string, kind: string, schoolIds: string[]) =>
      call(admin, 'POST', '/staff', { displayName, kind, schoolIds }, 201);
    await add('Łucja Żółkiewska', 'tutor', [school]);
    await add('Ms Renée Nowak', 'school_staff', [school]);
    await add('Mr Tom Nowakowski', 'school_staff', [otherSchool]);
    await add('Anna Brown_Smith', 'volunteer', [school]);
    await add('Anna Brownsmith', 'driver', [school, otherSchool]);
    // Another area's namesake, never found from this one.
    await call(adminOf(newTenantId()), 'POST', '/staff', { displayName: 'Łucja Żółkiewska', kind: 'tutor', schoolIds: [] }, 201);
  });

  it('matches every word against the display name, case and accents aside, with the other filters', async () => {
    expect(await search('łucja')).toEqual(['Łucja Żółkiewska']);
    expect(await search('LUCJA zolkiew')).toEqual(['Łucja Żółkiewska']);
    expect(await search('  ŻÓŁKIEWSKA   łUCJA ')).toEqual(['Łucja Żółkiewska']);
    expect(await search('renee')).toEqual(['Ms Renée Nowak']);
    expect(await search('nowak')).toEqual(['Mr Tom Nowakowski', 'Ms Renée Nowak']);
    expect(await search('nowak', `&schoolId=${otherSchool}`)).toEqual(['Mr Tom Nowakowski']);
    expect(await search('nowak', '&kind=tutor')).toEqual([]);
    // LIKE's wildcards are letters like any other.
    expect(await search('brown_')).toEqual(['Anna Brown_Smith']);
    expect(await search('%')).toEqual([]);
    // Blank is no search.
    expect(await search('   ')).toHaveLength(5);
  });

  it('pages a search as it pages the list (display name, then id)', async () => {
    const first = await call<StaffPage>(admin, 'GET', '/staff?q=a&limit=2', undefined, 200);
    expect(first.items).toHaveLength(2);
    const second = await call<StaffPage>(admin, 'GET', `/staff?q=a&limit=2&cursor=${first.nextCursor}`, undefined, 200);
    const third = second.nextCursor
      ? await call<StaffPage>(admin, 'GET', `/staff?q=a&limit=2&cursor=${second.nextCursor}`, undefined, 200)
      : { items: [], nextCursor: null };
    expect(third.nextCursor).toBeNull();
    const whole = await search('a', '&limit=100');
    expect(whole).toEqual(['Anna Brown_Smith', 'Anna Brownsmith', 'Mr Tom Nowakowski', 'Ms Renée Nowak', 'Łucja Żółkiewska']);
    expect([...names(first), ...names(second), ...names(third)]).toEqual(whole);
  });

  it('searches only the staff the caller may list: a headteacher their own school’s, another area nobody', async () => {
    const head = headteacherOf(tenantId, [otherSchool]);
    expect(names(await call<StaffPage>(head, 'GET', '/staff?q=nowak', undefined, 200))).toEqual(['Mr Tom Nowakowski']);
    expect(names(await call<StaffPage>(head, 'GET', '/staff?q=anna', undefined, 200))).toEqual(['Anna Brownsmith']);
    expect(names(await call<StaffPage>(head, 'GET', '/staff?q=lucja', undefined, 200))).toEqual([]);
    const elsewhere = adminOf(newTenantId());
    expect(names(await call<StaffPage>(elsewhere, 'GET', '/staff?q=lucja', undefined, 200))).toEqual([]);
  });

  it('answers a search over 100 characters, or given twice, with a 400 naming q', async () => {
    const long = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', `/staff?q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e) => e.field)).toEqual(['q']);
    // Trimmed before it is measured.
    expect((await kit.call(admin, 'GET', `/staff?q=${encodeURIComponent(' '.repeat(20))}${'a'.repeat(100)}`)).status).toBe(200);
    const twice = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', '/staff?q=a&q=b');
    expect(twice.status).toBe(400);
    expect([...new Set(twice.body.errors.map((e) => e.field))]).toEqual(['q']);
  });
});
