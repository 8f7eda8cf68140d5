import { expecting } from '../testing/api';
import { adminOf, newTenantId, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

interface PupilPage {
  items: { id: string; firstName: string; lastName: string }[];
  nextCursor: string | null;
}

describe('pupils: a name search at the API (q)', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  const names = (page: PupilPage) => page.items.map((p) => `${p.firstName} ${p.lastName}`);
  const search = (q: string, extra = '') =>
    call<PupilPage>(admin, 'GET', `/pupils?schoolId=${school}&q=${encodeURIComponent(q)}${extra}`, undefined, 200);

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Search Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Elsewhere Primary', phase: 'primary' }, 201)).id;
    const enrol = (schoolId: string, firstName: string, lastName: string) =>
      call(admin, 'POST', '/pupils', { schoolId, firstName, lastName, yearGroup: 4 }, 201);
    await enrol(school, 'Zofia', 'Nowak');
    await enrol(school, 'Zoë', 'Łukasiewicz');
    await enrol(school, 'Renée', 'Nowakowska');
    await enrol(school, 'Tom', 'Brown_Smith');
    await enrol(school, 'Tom', 'Brownsmith');
    await enrol(otherSchool, 'Zofia', 'Nowak');
  });

  it('matches every word against first or last name, case and accents aside, with the other filters', async () => {
    expect(names(await search('zofia nowak'))).toEqual(['Zofia Nowak']);
    expect(names(await search('  NOWAK  zofia '))).toEqual(['Zofia Nowak']);
    expect(names(await search('nowak'))).toEqual(['Zofia Nowak', 'Renée Nowakowska']);
    expect(names(await search('zoe lukasiewicz'))).toEqual(['Zoë Łukasiewicz']);
    expect(names(await search('ZOË ŁUKA'))).toEqual(['Zoë Łukasiewicz']);
    expect(names(await search('renee'))).toEqual(['Renée Nowakowska']);
    // LIKE's wildcards are letters like any other.
    expect(names(await search('brown_'))).toEqual(['Tom Brown_Smith']);
    expect(names(await search('%'))).toEqual([]);
    // Blank is no search; the status filter still applies.
    expect((await search('   ')).items).toHaveLength(5);
    expect((await search('nowak', '&status=left')).items).toEqual([]);
    // Without schoolId: both schools' Zofias.
    expect((await call<PupilPage>(admin, 'GET', '/pupils?q=zofia', undefined, 200)).items).toHaveLength(2);
    // A tutor of the other school sees only its own.
    const tutor = tutorOf(tenantId, [otherSchool]);
    expect((await call<PupilPage>(tutor, 'GET', '/pupils?q=zofia', undefined, 200)).items).toHaveLength(1);
  });

  it('pages a search as it pages the list', async () => {
    const first = await search('o', '&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await search('o', `&limit=2&cursor=${first.nextCursor}`);
    const third = second.nextCursor ? await search('o', `&limit=2&cursor=${second.nextCursor}`) : { items: [], nextCursor: null };
    expect(third.nextCursor).toBeNull();
    // The same pupils, in the same order, as the search in one page (the list's order: last name, first name).
    const whole = await search('o', '&limit=100');
    expect(whole.items).toHaveLength(5);
    expect([...names(first), ...names(second), ...names(third)]).toEqual(names(whole));
  });

  it('answers a search over 100 characters with a 400 naming q, and another area with nothing', async () => {
    const long = await kit.call<{ errors: { field: string }[] }>(admin, 'GET', `/pupils?q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e) => e.field)).toEqual(['q']);
    expect((await kit.call(admin, 'GET', `/pupils?q=${' '.repeat(20)}${'a'.repeat(100)}`)).status).toBe(200);
    const elsewhere = await call<PupilPage>(adminOf(newTenantId()), 'GET', '/pupils?q=zofia', undefined, 200);
    expect(elsewhere.items).toEqual([]);
  });
});
