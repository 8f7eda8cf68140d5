/**
 * The demo data as the running system shows it (started as `npm start` starts it, demo data loaded):
 * provision against each area's target through scheduling's provision endpoint, rosters and
 * fairness in performance-event, families, bus bookings and announcements in parent engagement,
 * loans per school in instrument-loan, all through the gateway. A project of its own (seeds-e2e),
 * since the system it starts depends on the seeds.
 */
import { apiOf, expectStatus, startRunningSystem, type Api, type RunningSystem } from '@tutti/e2e';
import { DEMO_ACCOUNTS, DEMO_AREAS, DEMO_CLASSES, demoClassId, demoPerformances, seedId } from '@tutti/seeds';

const say = (line: string) => process.stdout.write(`[demo data] ${line}\n`);
const DAY = 86_400_000;

const demo = (area: string, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === area && candidate.key === key);
  if (!account) throw new Error(`no demo ${key} in ${area}`);
  return account;
};

interface AreaProvision {
  period: { from: string; to: string; teachingWeeks: number };
  targetWeeklyMinutes: number;
  schools: {
    schoolId: string;
    pupils: number;
    pupilsBelowTarget: number;
    averageWeeklyMinutes: number | null;
    sessions: { delivered: number };
  }[];
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let system: RunningSystem;
let api: Api;
const seedLines: string[] = [];

beforeAll(async () => {
  system = await startRunningSystem({ log: (line) => line.startsWith('demo data') && seedLines.push(line) });
  api = apiOf(system.baseUrl);
  for (const line of seedLines) say(line);
}, 150_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

it('loads quickly', () => {
  const loaded = seedLines.find((line) => /loaded in/.test(line));
  const seconds = Number(/loaded in ([\d.]+) s/.exec(loaded ?? '')?.[1]);
  expect(seconds).toBeLessThan(15);
});

it('has most pupils of every area at or above its weekly provision target in the last full teaching week, and some below', async () => {
  let atTarget = 0;
  let pupils = 0;
  for (const area of DEMO_AREAS) {
    const token = await system.signIn(demo(area.slug, 'programme_admin').email);
    // The most recent full teaching week of the last six: no holiday, no bank holiday (the most sessions delivered).
    const weeks: AreaProvision[] = [];
    for (let weeksBack = 1; weeksBack <= 6; weeksBack++) {
      weeks.push(
        expectStatus(
          await api<AreaProvision>(
            'GET',
            `/api/scheduling/provision/schools?weekOf=${isoDay(new Date(Date.now() - weeksBack * 7 * DAY))}`,
            { token },
          ),
          200,
        ),
      );
    }
    const delivered = (week: AreaProvision) => week.schools.reduce((sum, school) => sum + school.sessions.delivered, 0);
    const most = Math.max(...weeks.map(delivered));
    const provision = weeks.find((week) => week.period.teachingWeeks > 0 && most > 0 && delivered(week) === most);
    if (!provision) throw new Error(`${area.slug}: no teaching week in the last six`);
    const areaPupils = provision.schools.reduce((sum, school) => sum + school.pupils, 0);
    const areaBelow = provision.schools.reduce((sum, school) => sum + school.pupilsBelowTarget, 0);
    say(
      `${area.slug}: week of ${provision.period.from}, target ${provision.targetWeeklyMinutes}: ${areaPupils - areaBelow}/${areaPupils} at or above`,
    );
    expect(areaPupils).toBeGreaterThan(0);
    expect((areaPupils - areaBelow) / areaPupils).toBeGreaterThanOrEqual(0.6);
    atTarget += areaPupils - areaBelow;
    pupils += areaPupils;
  }
  // For information: the current term as the dashboard asks for it (the service divides by all the term's teaching weeks, those to come too).
  const head = await system.signIn(demo('liverpool', 'headteacher').email);
  const terms = expectStatus(
    await api<Page<{ id: string; startsOn: string; endsOn: string }>>('GET', '/api/scheduling/terms?limit=20', { token: head }),
    200,
  );
  const term = terms.items.find((candidate) => candidate.startsOn <= isoDay(new Date()) && candidate.endsOn >= isoDay(new Date()));
  if (term) {
    const school = expectStatus(
      await api<{ period: { teachingWeeks: number }; school: { pupils: number; pupilsBelowTarget: number; averageWeeklyMinutes: number } }>(
        'GET',
        `/api/scheduling/provision/schools/${seedId(`school:${DEMO_AREAS[0].schools[0].urn}`)}?termId=${term.id}`,
        { token: head },
      ),
      200,
    );
    say(
      `liverpool, ${DEMO_AREAS[0].schools[0].name}, term ${term.startsOn}–${term.endsOn} (${school.period.teachingWeeks} teaching weeks): average ${school.school.averageWeeklyMinutes}, ${school.school.pupilsBelowTarget}/${school.school.pupils} below`,
    );
  }
  const share = atTarget / pupils;
  say(`all areas: ${atTarget}/${pupils} (${Math.round(share * 100)} %) at or above target`);
  expect(share).toBeGreaterThanOrEqual(0.7);
  expect(share).toBeLessThan(0.95);
}, 60_000);

it('gives an upcoming performance a roster, and the headteacher’s school a history of who has performed', async () => {
  const liverpool = DEMO_AREAS[0];
  const upcoming = demoPerformances(liverpool, new Date()).find(
    (performance) => performance.status === 'published' && performance.startsAt.getTime() > Date.now(),
  );
  if (!upcoming) throw new Error('no upcoming published demo performance');
  const admin = await system.signIn(demo('liverpool', 'programme_admin').email);
  const roster = expectStatus(
    await api<Page<{ pupilId: string; displayName: string }>>(
      'GET',
      `/api/performance-event/performances/${upcoming.id}/roster?limit=100`,
      { token: admin },
    ),
    200,
  );
  expect(roster.items.length).toBeGreaterThan(10);

  const head = await system.signIn(demo('liverpool', 'headteacher').email);
  const schoolId = seedId(`school:${liverpool.schools[0].urn}`);
  const fairness = expectStatus(
    await api<Page<{ schoolId: string; pupils: number; performed: number; notYetPerformed: number }>>(
      'GET',
      '/api/performance-event/fairness/schools?limit=100',
      { token: head },
    ),
    200,
  );
  const mine = fairness.items.find((item) => item.schoolId === schoolId);
  say(`fairness at ${liverpool.schools[0].name}: ${JSON.stringify(mine)}`);
  expect(mine?.pupils).toBe(24);
  expect(mine?.performed).toBeGreaterThan(0);
  expect(mine?.notYetPerformed).toBeGreaterThan(0);
}, 30_000);

it('has families engaged, bus seats used, announcements and loans at the headteacher’s school', async () => {
  const liverpool = DEMO_AREAS[0];
  const schoolId = seedId(`school:${liverpool.schools[0].urn}`);
  const head = await system.signIn(demo('liverpool', 'headteacher').email);
  const now = new Date();
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const figures = expectStatus(
    await api<{ schools: { schoolId: string; familiesEngaged: number; usedTransport: number }[] }>(
      'GET',
      `/api/parent-engagement/engagement-figures?from=${year}-09-01&to=${year + 1}-08-31&schoolId=${schoolId}`,
      { token: head },
    ),
    200,
  );
  const engagement = figures.schools.find((school) => school.schoolId === schoolId);
  say(`engagement at ${liverpool.schools[0].name} this school year: ${JSON.stringify(engagement)}`);
  expect(engagement?.familiesEngaged).toBeGreaterThan(5);
  expect(engagement?.usedTransport).toBeGreaterThan(0);

  const guardian = await system.signIn(demo('liverpool', 'guardian').email);
  const announcements = expectStatus(
    await api<Page<{ subject: string }>>('GET', '/api/parent-engagement/announcements?limit=20', {
      token: guardian,
      headers: { 'x-tutti-role': 'guardian' },
    }),
    200,
  );
  expect(announcements.items.length).toBeGreaterThan(0);

  const admin = await system.signIn(demo('liverpool', 'programme_admin').email);
  const loans = expectStatus(
    await api<Page<{ pupilId: string }>>('GET', `/api/instrument-loan/loans?schoolId=${schoolId}&limit=100`, { token: admin }),
    200,
  );
  expect(loans.items.length).toBeGreaterThan(10);
}, 30_000);

it('lets the headteacher send an announcement to a class and to an ensemble of their school, reaching its demo families', async () => {
  const liverpool = DEMO_AREAS[0];
  const school = liverpool.schools[0];
  const head = await system.signIn(demo('liverpool', 'headteacher').email);
  const send = (audience: object) =>
    api<{ schoolId: string; deliveries: { guardianId: string }[] }>('POST', '/api/parent-engagement/announcements', {
      token: head,
      body: { ...audience, subject: 'Instruments home on Friday', body: 'Cases closed, please.' },
    });
  const toClass = expectStatus(await send({ audience: 'class', classId: demoClassId(liverpool, school.urn, DEMO_CLASSES[0].name) }), 201);
  const toEnsemble = expectStatus(
    await send({ audience: 'ensemble', ensembleId: seedId(`${liverpool.slug}:ensemble:${school.urn}:club`) }),
    201,
  );
  say(
    `class announcement at ${school.name}: ${toClass.deliveries.length} families; orchestra club: ${toEnsemble.deliveries.length} families`,
  );
  expect(toClass.schoolId).toBe(seedId(`school:${school.urn}`));
  expect(toClass.deliveries.length).toBeGreaterThan(0);
  expect(toEnsemble.deliveries.length).toBeGreaterThan(0);
}, 30_000);
