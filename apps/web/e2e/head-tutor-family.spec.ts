/**
 * Issue 16's headteacher, tutor and family pages on a 360 × 740 phone, against the whole running
 * system (demo data, names of their own): the headteacher puts on a bus with two stops, enters a pupil
 * for an exam and records the result (a colleague's change meanwhile told in words), moves a pupil to
 * an ensemble of another level, writes and edits a joint lesson plan and puts on a workshop; the tutor
 * reads that plan, edits it and enters a pupil of their own; the parent (in Polish) sees a past
 * workshop they went to, a returned instrument, and asks for their child's data export and saves it.
 * Each step checks what the API then holds, axe-core on every page, and that nothing is wider than the phone.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { waitFor } from '@tutti/testing';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, expectFitsPhone, PHONE, screenshot, signInThroughPage } from './testing/browser';

const headteacher = demoAccount('headteacher');
const tutor = demoAccount('tutor');
const guardian = demoAccount('guardian');
const admin = demoAccount('programme_admin');
const ZONE = 'Europe/London';
const DAY = 86_400_000;

const say = (line: string) => process.stdout.write(`[web e2e head tutor family] ${line}\n`);
const { as, system, open, timed } = browserSuite('web e2e head tutor family');
const asAdmin = as(admin, 'programme_admin');
const asGuardian = as(guardian, 'guardian');
const asHead = as(headteacher, 'headteacher');
const asTutor = as(tutor, 'tutor');

/** The area's wall-clock time (HH:MM) of an instant. */
function clock(instant: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}
function localDay(instant: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

let schoolId = '';

beforeAll(async () => {
  const me = await asHead<{ grants: { role: string; schoolIds?: string[] }[] }>('GET', '/identity/me');
  schoolId = me.grants.find((grant) => grant.role === 'headteacher')?.schoolIds?.[0] ?? '';
  if (!schoolId) throw new Error('the demo headteacher leads no school');
}, 60_000);

interface Performance {
  id: string;
  title: string;
  startsAt: string;
  status: string;
}

/** A published performance of the school at least three days ahead whose evening leaves room for pick-ups on the same day. */
async function busPerformance(): Promise<Performance> {
  const soon = Date.now() + 3 * DAY;
  const performances = await asHead<{ items: Performance[] }>('GET', `/api/performance-event/performances?schoolId=${schoolId}&limit=100`);
  const performance = performances.items.find((item) => {
    const starts = new Date(item.startsAt).getTime();
    return item.status === 'published' && starts > soon && localDay(starts) === localDay(starts - 2 * 3_600_000);
  });
  if (!performance) throw new Error('no published demo performance of the school three days ahead');
  return performance;
}

/** Signs the headteacher in and opens the form that puts a bus on for the performance. */
async function openBusForm(page: Page, performance: Performance) {
  await signInThroughPage(page, headteacher);
  await page.goto('/head/performances');
  await page
    .getByRole('link', { name: `Buses for ${performance.title}` })
    .first()
    .click();
  await page.locator('h1', { hasText: `Buses to ${performance.title}` }).waitFor();
  const form = page.locator('form[data-testid=add-run]');
  await form.waitFor();
  return form;
}

interface Run {
  id: string;
  vehicle: string;
  seats: number;
  driverStaffId: string | null;
  stops: { name: string; place: string; pickupAt: string }[];
}
interface ExamEntry {
  id: string;
  pupilId: string;
  board: string;
  grade: number;
  instrument: string;
  result: string | null;
  marks: number | null;
  version: number;
}
interface Progression {
  examEntries: ExamEntry[];
  ensembles: { ensembleId: string; ensembleName: string; leftOn: string | null }[];
  levelMoves: { toLevel: string; ensembleName: string }[];
}

let planTopic = '';
let planClassId = '';

describe('the headteacher on a phone', () => {
  it(
    "is told in words that no driver is cleared on the bus's day (no picker to choose from) and puts the bus on without one",
    timed('bus without a driver', async () => {
      const performance = await busPerformance();
      const starts = new Date(performance.startsAt).getTime();
      // The demo area has no drivers: none is cleared on the day until the next test clears one.
      const driversPath = `/api/parent-engagement/transport-drivers?departsAt=${encodeURIComponent(new Date(starts).toISOString())}`;
      expect((await asHead<{ items: unknown[] }>('GET', driversPath)).items).toEqual([]);
      const runsPath = `/api/parent-engagement/transport-runs?performanceId=${performance.id}&limit=100`;

      const page = await open(PHONE);
      const form = await openBusForm(page, performance);
      const none = form.getByTestId('no-drivers');
      await none.getByText('No driver is cleared to drive children on this day', { exact: false }).waitFor();
      await none.getByText('The bus can be saved without one', { exact: false }).waitFor();
      expect(await form.locator('select[name=driverStaffId]').count()).toBe(0);
      await expectAccessible(page);
      await expectFitsPhone(page);

      const vehicle = `Minibus ${randomUUID().slice(0, 6)}`;
      await form.locator('input[name=vehicle]').fill(vehicle);
      await form.locator('input[name=seats]').fill('12');
      await form.locator('input[name=departs]').fill(clock(starts - 100 * 60_000));
      const line = form.locator('[data-testid=stop-line]').first();
      await line.locator('input[name=stopName]').fill('Village hall');
      await line.locator('input[name=stopPlace]').fill('Car park');
      await line.locator('input[name=stopTime]').fill(clock(starts - 90 * 60_000));
      await form.getByRole('button', { name: 'Put on this bus' }).click();
      await page.getByText(`Bus added: ${vehicle}, 1 stop.`).waitFor();
      const run = (await asHead<{ items: Run[] }>('GET', runsPath)).items.find((item) => item.vehicle === vehicle);
      expect(run).toMatchObject({ seats: 12, driverStaffId: null });
      // The form is ready for the next bus, still saying there is no driver to choose.
      await form.getByTestId('no-drivers').waitFor();
      await expectAccessible(page);
    }),
    120_000,
  );

  it(
    'puts on a bus with two stops for a published performance (empty fields refused beside each field); the API holds the bus and its pick-up times',
    timed('bus', async () => {
      const performance = await busPerformance();
      const starts = new Date(performance.startsAt).getTime();
      const runsPath = `/api/parent-engagement/transport-runs?performanceId=${performance.id}&limit=100`;
      const before = (await asHead<{ items: Run[] }>('GET', runsPath)).items.length;

      // A driver of the area, cleared (DBS check and training recorded by the programme admin in
      // scheduling): the bus form offers them once parent-engagement has heard of it.
      const driverName = `Driver ${randomUUID().slice(0, 6)}`;
      const driver = await asAdmin<{ id: string }>('POST', '/api/scheduling/staff', 201, {
        kind: 'driver',
        displayName: driverName,
        schoolIds: [schoolId],
      });
      const isoDay = (offsetDays: number) => localDay(Date.now() + offsetDays * DAY);
      await asAdmin(
        'PUT',
        `/api/scheduling/safeguarding/staff/${driver.id}`,
        200,
        {
          dbs: {
            number: String(Math.floor(Math.random() * 1e12)).padStart(12, '0'),
            level: 'enhanced_barred_list',
            issuedOn: isoDay(-100),
          },
          training: { completedOn: isoDay(-10), level: 'Level 2 safeguarding children', expiresOn: isoDay(700) },
        },
        { 'if-match': '"0"' },
      );
      const driversPath = `/api/parent-engagement/transport-drivers?departsAt=${encodeURIComponent(new Date(starts).toISOString())}`;
      await waitFor(
        async () => (await asHead<{ items: { staffId: string }[] }>('GET', driversPath)).items.some((item) => item.staffId === driver.id),
        { timeoutMs: 30_000, description: 'the cleared driver to reach parent-engagement' },
      );

      const page = await open(PHONE);
      const form = await openBusForm(page, performance);
      await expectAccessible(page);
      await expectFitsPhone(page);

      // Nothing filled in: the API's refusals stand beside the vehicle and the first stop's fields; no bus.
      await form.getByRole('button', { name: 'Put on this bus' }).click();
      await form
        .locator('.field.field-invalid', { has: page.locator('input[name=vehicle]') })
        .locator('.field-error')
        .waitFor();
      await form
        .locator('.field.field-invalid', { has: page.locator('input[name=stopName]') })
        .locator('.field-error')
        .waitFor();
      await form
        .locator('.field.field-invalid', { has: page.locator('input[name=stopTime]') })
        .locator('.field-error')
        .waitFor();
      expect((await asHead<{ items: Run[] }>('GET', runsPath)).items).toHaveLength(before);
      await expectAccessible(page);

      const vehicle = `Coach ${randomUUID().slice(0, 6)}`;
      const times = {
        departs: starts - 120 * 60_000,
        first: starts - 105 * 60_000,
        second: starts - 90 * 60_000,
        back: starts + 150 * 60_000,
      };
      await form.locator('input[name=vehicle]').fill(vehicle);
      await form.locator('input[name=seats]').fill('20');
      expect(await form.locator('input[name=date]').inputValue()).toBe(localDay(starts));
      await form.locator('input[name=departs]').fill(clock(times.departs));
      if (localDay(times.back) === localDay(starts)) await form.locator('input[name=returns]').fill(clock(times.back));
      await form.getByLabel('Driver', { exact: true }).selectOption({ label: driverName });
      const lines = form.locator('[data-testid=stop-line]');
      await lines.nth(0).locator('input[name=stopName]').fill('School gate');
      await lines.nth(0).locator('input[name=stopPlace]').fill('Front entrance');
      await lines.nth(0).locator('input[name=stopTime]').fill(clock(times.first));
      await form.getByRole('button', { name: 'Add a stop' }).click();
      await lines.nth(1).locator('input[name=stopName]').fill('Library');
      await lines.nth(1).locator('input[name=stopPlace]').fill('Church Road');
      await lines.nth(1).locator('input[name=stopTime]').fill(clock(times.second));
      await form.getByRole('button', { name: 'Put on this bus' }).click();
      await page.getByText(`Bus added: ${vehicle}, 2 stops.`).waitFor();

      const run = (await asHead<{ items: Run[] }>('GET', runsPath)).items.find((item) => item.vehicle === vehicle);
      expect(run).toBeDefined();
      expect(run?.seats).toBe(20);
      expect(run?.driverStaffId).toBe(driver.id);
      expect(run?.stops.map((stop) => [stop.name, stop.place, new Date(stop.pickupAt).getTime()])).toEqual([
        ['School gate', 'Front entrance', Math.floor(times.first / 60_000) * 60_000],
        ['Library', 'Church Road', Math.floor(times.second / 60_000) * 60_000],
      ]);
      const card = page.locator(`li[data-run-id="${run?.id}"]`);
      await card.locator('[data-testid=stops] li').nth(1).getByText('Library').waitFor();
      await card.getByText('Families booked').waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await screenshot(page, 'web-head-transport');

      // Correcting the bus: a colleague's change meanwhile is told in words and the form starts again
      // from the bus as it is now; then more seats and a later, moved second stop, which the API holds.
      await card.getByRole('button', { name: `Edit ${vehicle}` }).click();
      const edit = card.locator('form[data-testid=edit-run]');
      await edit.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      const renamed = `${vehicle} (Mersey Coaches)`;
      await asHead('PATCH', `/api/parent-engagement/transport-runs/${run?.id}`, 200, { vehicle: renamed }, { 'if-match': '"1"' });
      await edit.locator('input[name=seats]').fill('24');
      await edit.getByRole('button', { name: 'Save' }).click();
      await card.getByText('Someone changed this since you opened it.', { exact: false }).first().waitFor();
      await card.locator('h3', { hasText: renamed }).waitFor();
      expect(await edit.locator('input[name=vehicle]').inputValue()).toBe(renamed);
      expect(await edit.locator('input[name=seats]').inputValue()).toBe('20');
      const later = times.second + 10 * 60_000;
      const editStops = edit.locator('[data-testid=edit-stop]');
      await edit.locator('input[name=seats]').fill('24');
      expect(await edit.locator('select[name=driverStaffId]').inputValue()).toBe(driver.id);
      await edit.locator('select[name=driverStaffId]').selectOption('');
      await editStops.nth(1).locator('input[name=stopPlace]').fill('Church Road, side gate');
      await editStops.nth(1).locator('input[name=stopTime]').fill(clock(later));
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`Bus changed: ${renamed}.`).waitFor();
      const changed = await asHead<Run & { version: number }>('GET', `/api/parent-engagement/transport-runs/${run?.id}`);
      expect(changed).toMatchObject({ vehicle: renamed, seats: 24, driverStaffId: null, version: 3 });
      expect(changed.stops.map((stop) => [stop.name, stop.place, new Date(stop.pickupAt).getTime()])).toEqual([
        ['School gate', 'Front entrance', Math.floor(times.first / 60_000) * 60_000],
        ['Library', 'Church Road, side gate', Math.floor(later / 60_000) * 60_000],
      ]);
      await expectAccessible(page);
    }),
    180_000,
  );

  it(
    'enters a pupil for an exam, records the result, is told in words when a colleague changed it meanwhile, and moves the pupil up a level',
    timed('exams', async () => {
      const page = await open(PHONE);
      await signInThroughPage(page, headteacher);
      await page.goto('/head/exams');
      const form = page.locator('form[data-testid=enter-exam]');
      await form.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      // No pupil chosen: told beside the field, nothing sent.
      await form.getByRole('button', { name: 'Enter for the exam' }).click();
      await form
        .locator('.field.field-invalid', { has: page.locator('select[name=pupilId]') })
        .getByText('Choose the pupil to enter')
        .waitFor();

      // The school's pupils, narrowed by name.
      const pupils = await asHead<{ items: { id: string; firstName: string; lastName: string; schoolId: string }[] }>(
        'GET',
        `/api/scheduling/pupils?schoolId=${schoolId}&status=active&limit=100`,
      );
      const pupil = pupils.items[3];
      await form.locator('input[name=pupilFilter]').fill(pupil.lastName);
      await form.locator('select[name=pupilId]').selectOption(pupil.id);
      const instrument = `Violin ${randomUUID().slice(0, 4)}`;
      await form.locator('select[name=grade]').selectOption('2');
      await form.locator('input[name=instrument]').fill(instrument);
      await form.getByRole('button', { name: 'Enter for the exam' }).click();
      await page.getByText(`${pupil.firstName} ${pupil.lastName} is entered for the exam.`).waitFor();
      const progressionPath = `/api/scheduling/pupils/${pupil.id}/progression`;
      const entry = (await asHead<Progression>('GET', progressionPath)).examEntries.find((item) => item.instrument === instrument);
      expect(entry).toMatchObject({ board: 'ABRSM', grade: 2, result: null });

      // The result: merit, 125 marks.
      const card = page.locator(`li[data-entry-id="${entry?.id}"]`);
      await card.getByRole('button', { name: /^Record the result/ }).click();
      await card.locator('select[name=result]').selectOption('merit');
      await card.locator('input[name=marks]').fill('125');
      await card.getByRole('button', { name: 'Save the result' }).click();
      await page.getByText('Result saved.').waitFor();
      await card.locator('[data-testid=result]', { hasText: 'Merit · 125 marks' }).waitFor();
      let held = (await asHead<Progression>('GET', progressionPath)).examEntries.find((item) => item.id === entry?.id);
      expect(held).toMatchObject({ result: 'merit', marks: 125 });

      // A colleague corrects it meanwhile: this page's correction is refused and told in words; theirs stands.
      await asHead(
        'PATCH',
        `/api/scheduling/exam-entries/${entry?.id}/result`,
        200,
        { result: 'distinction', marks: 131 },
        {
          'if-match': `"${held?.version}"`,
        },
      );
      await card.getByRole('button', { name: /^Correct the result/ }).click();
      await card.locator('select[name=result]').selectOption('pass');
      await card.getByRole('button', { name: 'Save the result' }).click();
      await card.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      held = (await asHead<Progression>('GET', progressionPath)).examEntries.find((item) => item.id === entry?.id);
      expect(held).toMatchObject({ result: 'distinction', marks: 131 });
      await expectAccessible(page);
      await expectFitsPhone(page);

      // The pupil's page: their levels; moved to an ensemble of another level of the school.
      await page
        .getByRole('link', { name: `${pupil.firstName} ${pupil.lastName}: levels and exams` })
        .first()
        .click();
      await page.locator('h1', { hasText: `${pupil.firstName} ${pupil.lastName}: levels and exams` }).waitFor();
      const before = await asHead<Progression>('GET', progressionPath);
      const current = before.ensembles.filter((membership) => !membership.leftOn);
      const move = page.locator('form[data-testid=move-level]');
      await move.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await move.getByRole('button', { name: 'Move them' }).click();
      await move
        .locator('.field.field-invalid', { has: page.locator('select[name=toEnsemble]') })
        .getByText('Choose the ensemble they join')
        .waitFor();
      const option = move.locator('select[name=toEnsemble] option').nth(1);
      const targetId = (await option.getAttribute('value')) ?? '';
      const targetName = ((await option.textContent()) ?? '').split(' · ')[0];
      await move.locator('select[name=toEnsemble]').selectOption(targetId);
      await move.getByRole('button', { name: 'Move them' }).click();
      const moved = page.getByText(`is now in ${targetName}.`);
      const clash = move.locator('[data-testid=conflict]');
      await moved.or(clash).first().waitFor();
      if (await clash.isVisible()) {
        say(`clash told: ${await clash.innerText()}`);
        await move.getByRole('button', { name: 'Add them anyway' }).click();
        await moved.waitFor();
      }
      const after = await asHead<Progression>('GET', progressionPath);
      const nowIn = after.ensembles.filter((membership) => !membership.leftOn).map((membership) => membership.ensembleId);
      expect(nowIn).toContain(targetId);
      // They left the ensemble they were in (the first one, as the form offered it).
      if (current.length > 0) expect(nowIn).not.toContain(current[0].ensembleId);
      await page.locator('[data-testid=memberships] li[data-current=yes]', { hasText: targetName }).waitFor();
      await screenshot(page, 'web-head-progression');
    }),
    180_000,
  );

  it(
    'writes a joint lesson plan for a class (a missing teacher refused beside the field) and edits it; puts on a workshop; the API holds both',
    timed('plans and sessions', async () => {
      const page = await open(PHONE);
      await signInThroughPage(page, headteacher);
      await page.goto('/head/lesson-plans');
      const classes = await asHead<{ items: { id: string; name: string; schoolId: string }[] }>(
        'GET',
        `/api/scheduling/classes?schoolId=${schoolId}&limit=100`,
      );
      const theClass = classes.items[0];
      planClassId = theClass.id;
      await page.locator('select[name=classId]').selectOption(theClass.id);
      const form = page.locator('form[data-testid=new-plan]');
      await form.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      planTopic = `How sound travels ${randomUUID().slice(0, 6)}`;
      await form.locator('input[name=subject]').fill('Science');
      await form.locator('input[name=topic]').fill(planTopic);
      await form.locator('textarea[name=musicalActivity]').fill('Pluck open strings; feel the vibration');
      await form.locator('select[name=tutorId]').selectOption({ index: 1 });
      // No class teacher (the headteacher's own staff record may stand there first): refused beside the field.
      await form.locator('select[name=classTeacherId]').selectOption('');
      await form.getByRole('button', { name: 'Save the new plan' }).click();
      await form
        .locator('.field.field-invalid', { has: page.locator('select[name=classTeacherId]') })
        .locator('.field-error')
        .waitFor();
      await form.locator('select[name=classTeacherId]').selectOption({ index: 1 });
      await form.getByRole('button', { name: 'Save the new plan' }).click();
      await page.getByText(`Plan written: ${planTopic}.`).waitFor();
      const plansPath = `/api/scheduling/lesson-plans?classId=${theClass.id}&limit=100`;
      const plan = (await asHead<{ items: { id: string; topic: string; subject: string }[] }>('GET', plansPath)).items.find(
        (item) => item.topic === planTopic,
      );
      expect(plan).toMatchObject({ subject: 'Science' });
      const card = page.locator(`li[data-plan-id="${plan?.id}"]`);
      await card.getByRole('button', { name: /^Edit/ }).click();
      planTopic = `${planTopic} (revised)`;
      await card.locator('input[name=topic]').fill(planTopic);
      await card.getByRole('button', { name: 'Save the plan' }).click();
      await page.getByText(`Plan saved: ${planTopic}.`).waitFor();
      expect(
        (await asHead<{ items: { id: string; topic: string }[] }>('GET', plansPath)).items.find((item) => item.id === plan?.id)?.topic,
      ).toBe(planTopic);
      await expectAccessible(page);

      // A workshop a fortnight ahead; the coming list shows it, the past list is its own.
      await page.getByRole('link', { name: 'Family sessions' }).click();
      const add = page.locator('form[data-testid=add-session]');
      await add.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      const title = `Drumming workshop ${randomUUID().slice(0, 6)}`;
      await add.locator('input[name=title]').fill(title);
      await add.locator('input[name=date]').fill(localDay(Date.now() + 14 * DAY));
      await add.locator('input[name=capacity]').fill('0');
      await add.getByRole('button', { name: 'Add the session' }).click();
      await add
        .locator('.field.field-invalid', { has: page.locator('input[name=capacity]') })
        .locator('.field-error')
        .waitFor();
      await add.locator('input[name=capacity]').fill('12');
      await add.getByRole('button', { name: 'Add the session' }).click();
      await page.getByText(`Added: ${title}.`).waitFor();
      const sessions = await asHead<{ items: { id: string; title: string; kind: string; capacity: number }[] }>(
        'GET',
        '/api/parent-engagement/family-sessions?limit=100',
      );
      expect(sessions.items.find((item) => item.title === title)).toMatchObject({ kind: 'workshop', capacity: 12 });
      await page.locator('[data-testid=family-sessions] li', { hasText: title }).waitFor();
      await page.getByRole('button', { name: 'Past' }).click();
      await page.locator('#sessions-heading', { hasText: 'Past' }).waitFor();
      await page.locator('[data-testid=engagement], .empty').first().waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await screenshot(page, 'web-head-family-sessions');
    }),
    180_000,
  );
});

describe('the tutor on a phone', () => {
  it(
    'reads the plan the headteacher wrote and edits it, and enters a pupil for an exam; the API holds both',
    timed('tutor', async () => {
      const page = await open(PHONE);
      await signInThroughPage(page, tutor);
      await page.getByRole('link', { name: 'Lesson plans' }).click();
      await page.locator('select[name=classId]').selectOption(planClassId);
      const card = page.locator('[data-testid=plans] li', { hasText: planTopic });
      await card.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await card.getByRole('button', { name: /^Edit/ }).click();
      await card.locator('textarea[name=musicalActivity]').fill('Pluck, bow, and feel the table hum');
      await card.getByRole('button', { name: 'Save the plan' }).click();
      await page.getByText(`Plan saved: ${planTopic}.`).waitFor();
      const plans = await asTutor<{ items: { topic: string; musicalActivity: string }[] }>(
        'GET',
        `/api/scheduling/lesson-plans?classId=${planClassId}&limit=100`,
      );
      expect(plans.items.find((item) => item.topic === planTopic)?.musicalActivity).toBe('Pluck, bow, and feel the table hum');

      await page.getByRole('link', { name: 'Exams' }).click();
      const form = page.locator('form[data-testid=enter-exam]');
      await form.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      const option = form.locator('select[name=pupilId] option').nth(1);
      const pupilId = (await option.getAttribute('value')) ?? '';
      await form.locator('select[name=pupilId]').selectOption(pupilId);
      const instrument = `Cello ${randomUUID().slice(0, 4)}`;
      await form.locator('input[name=board]').fill('Trinity');
      await form.locator('select[name=grade]').selectOption('0');
      await form.locator('input[name=instrument]').fill(instrument);
      await form.getByRole('button', { name: 'Enter for the exam' }).click();
      await page.getByText(/is entered for the exam\.$/).waitFor();
      const progression = await asTutor<Progression>('GET', `/api/scheduling/pupils/${pupilId}/progression`);
      expect(progression.examEntries.find((item) => item.instrument === instrument)).toMatchObject({ board: 'Trinity', grade: 0 });
      await page.locator('[data-testid=exam-entries] li', { hasText: `Trinity Initial · ${instrument}` }).waitFor();
      await screenshot(page, 'web-tutor-exams');
    }),
    180_000,
  );
});

describe('the parent on a phone, in Polish', () => {
  it(
    'sees a past workshop they went to, an instrument given back, and asks for their child’s data and saves it',
    timed('family', async () => {
      const me = await asGuardian<{ userId: string; children: { pupilId: string; schoolId: string }[] }>('GET', '/identity/me');
      const child = me.children.find((item) => item.schoolId === schoolId) ?? me.children[0];

      // A workshop at the child's school the family signed up to and came to, then moved into the past
      // (the API puts on sessions to come only): its start and end set back in the database.
      const title = `Past workshop ${randomUUID().slice(0, 6)}`;
      const session = await asHead<{ id: string }>('POST', '/api/parent-engagement/family-sessions', 201, {
        kind: 'workshop',
        title,
        schoolId: child.schoolId,
        startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 2 * DAY + 3_600_000).toISOString(),
        capacity: 20,
      });
      const signUp = await asGuardian<{ id: string }>('POST', `/api/parent-engagement/family-sessions/${session.id}/sign-ups`, 201, {
        places: 2,
        pupilIds: [child.pupilId],
      });
      const db = new Client({ connectionString: system.adminDatabaseUrl });
      await db.connect();
      try {
        await db.query(
          `UPDATE parent_engagement.family_sessions SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '1 hour' WHERE id = $1`,
          [session.id],
        );
      } finally {
        await db.end();
      }
      await asHead('POST', `/api/parent-engagement/session-sign-ups/${signUp.id}/attendance`, 200, { attended: true });

      // An instrument lent to the child and given back.
      const instruments = await asAdmin<{ items: { id: string }[] }>('GET', '/api/instrument-loan/instruments?status=available&limit=1');
      const loan = await asAdmin<{ id: string }>('POST', '/api/instrument-loan/loans', 201, {
        instrumentId: instruments.items[0].id,
        pupilId: child.pupilId,
        dueOn: `${new Date().getFullYear() + 1}-07-20`,
        conditionOut: 'good',
        agreement: { agreedByName: guardian.displayName, agreedAt: new Date().toISOString(), termsVersion: '2025-1' },
      });
      await asAdmin('POST', `/api/instrument-loan/loans/${loan.id}/return`, 200, { conditionIn: 'good' });

      const page = await open(PHONE);
      await page.addInitScript(() => localStorage.setItem('tutti.language', 'pl'));
      await signInThroughPage(page, guardian);
      await page.goto('/parent/sessions');
      const past = page.locator(`[data-testid=past-sessions] li[data-session-id="${session.id}"]`);
      await past.waitFor();
      expect(await past.getAttribute('data-attended')).toBe('true');
      await past.getByText('Byliście: dziękujemy!').waitFor();
      await page.getByRole('heading', { name: 'Zajęcia, na które się zapisaliście' }).waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      await page.goto('/parent/instruments');
      const returned = page.locator(`[data-testid=returned-loans] li[data-loan-id="${loan.id}"]`);
      await returned.waitFor();
      await returned.locator('[data-testid=returned-on]', { hasText: 'zwrócony' }).waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await screenshot(page, 'web-parent-returned-loans');

      // The child's data: asked for, gathered by every service, saved as a PDF.
      await page.goto('/parent/preferences');
      const section = page.locator('[data-testid=data-export]');
      const row = section.locator(`li[data-pupil-id="${child.pupilId}"]`);
      await row.getByRole('button', { name: /^Poproś o kopię danych/ }).click();
      await section.getByText(/^Poproszono o kopię danych/).waitFor();
      const requests = await asGuardian<{ items: { id: string; kind: string; subject: { id: string } | null; state: string }[] }>(
        'GET',
        '/identity/data-requests?kind=export&limit=20',
      );
      const request = requests.items.find((item) => item.subject?.id === child.pupilId);
      expect(request).toMatchObject({ kind: 'export' });
      await waitFor(async () => (await asGuardian<{ state: string }>('GET', `/identity/data-requests/${request?.id}`)).state === 'done', {
        timeoutMs: 90_000,
        intervalMs: 1_000,
        description: 'the child’s export gathered from every service',
      });
      const checkAgain = row.getByRole('button', { name: /^Sprawdź ponownie/ });
      if (await checkAgain.isVisible()) await checkAgain.click();
      await row.locator('[data-testid=request-state]', { hasText: 'Gotowe od' }).waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('button', { name: /^Zapisz podsumowanie/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await screenshot(page, 'web-parent-data-export');
    }),
    240_000,
  );
});
