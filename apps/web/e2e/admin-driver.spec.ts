/**
 * On a 360 × 740 phone, against the whole running system (demo data): the programme admin's audit
 * log (a bad record id refused beside the field, then filtered by person, kind and record to the
 * API's own entries), and the bus manifest on the day as school staff (check a family in with one
 * tap, undo it, and a tap made with no signal kept on the phone through a reload and sent when the
 * signal returns). Every page is checked with axe-core and for fitting the phone; each change is
 * checked in the API.
 */
import { waitFor } from '@tutti/testing';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, expectFitsPhone, PHONE, screenshot, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const staff = demoAccount('school_staff');

const say = (line: string) => process.stdout.write(`[web e2e admin driver] ${line}\n`);

const { as, open, timed } = browserSuite('web e2e admin driver');
const asAdmin = as(admin, 'programme_admin');
const asStaff = as(staff, 'school_staff');

interface Booking {
  id: string;
  guardianName: string;
  checkedInAt?: string | null;
}

describe('on a phone', () => {
  it(
    'the programme admin filters the audit log to one pupil’s reads by them, as the API lists them',
    timed('audit', async () => {
      const me = await asAdmin<{ userId: string }>('GET', '/identity/me');
      const pupils = await asAdmin<{ items: { id: string }[] }>('GET', '/api/scheduling/pupils?limit=5');
      const pupilId = pupils.items[0].id;
      // Reading a pupil is audited.
      await asAdmin('GET', `/api/scheduling/pupils/${pupilId}`);
      await asAdmin('GET', `/api/scheduling/pupils/${pupilId}`);
      const query = `actorId=${me.userId}&subjectType=pupil&subjectId=${pupilId}&limit=50`;
      let expected: { items: { id: string }[] } = { items: [] };
      await waitFor(
        async () => {
          expected = await asAdmin('GET', `/audit-log?${query}`);
          return expected.items.length >= 2;
        },
        { timeoutMs: 15_000, intervalMs: 250, description: 'the reads in the audit log' },
      );

      const page = await open(PHONE);
      await signInThroughPage(page, admin);
      await page.locator('nav.tabs a[href="/admin/audit"]').click();
      await page.locator('h1', { hasText: 'Audit log' }).waitFor();
      await page.locator('[data-testid=audit-entries], .empty').first().waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      const form = page.locator('form[data-testid=audit-filter]');
      await form.locator('input[name=subjectId]').fill('not-an-id');
      await form.getByRole('button', { name: 'Show entries' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('input[name=subjectId]') })
        .locator('.field-error')
        .waitFor();

      await form.locator('select[name=actorId]').selectOption(me.userId);
      await form.locator('select[name=subjectType]').selectOption('pupil');
      await form.locator('input[name=subjectId]').fill(pupilId);
      await form.locator('input[name=subjectId]').press('Enter');
      const rows = page.locator('[data-testid=audit-entries] tbody tr');
      // Entries arrive from the services asynchronously (a list read may add one): the page matches the API as it is then.
      await waitFor(
        async () => {
          expected = await asAdmin('GET', `/audit-log?${query}`);
          const shown = await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entry-id')));
          if (shown.join() === expected.items.map((item) => item.id).join()) return true;
          if (shown.length < expected.items.length) await form.getByRole('button', { name: 'Show entries' }).click();
          return false;
        },
        { timeoutMs: 15_000, intervalMs: 500, description: 'the filtered entries on the page, as the API lists them' },
      );
      expect(expected.items.length).toBeGreaterThanOrEqual(2);
      expect(await rows.first().innerText()).toContain(admin.displayName);
      await expectAccessible(page);
      await expectFitsPhone(page);
      await screenshot(page, 'web-admin-audit');
    }),
    90_000,
  );

  it(
    'the programme admin imports a school’s MIS export: the dry run’s problems and new classes, then the import, then the same file again changes nothing',
    timed('import', async () => {
      const school = await asAdmin<{ id: string; name: string }>('POST', '/api/scheduling/schools', 201, {
        name: `Import Primary ${Date.now().toString(36)}`,
        phase: 'primary',
      });
      const csv = [
        'UPN,Legal Surname,Legal Forename,Year,Reg Group,Pupil Premium,SEN Status,EAL',
        'A100,Khan,Amira,Y3,Oak,Y,N,N',
        'A101,"O\'Neil, Jr",Liam,3,Oak,N,K,Y',
        'A102,Nowak,Zofia,R,Acorns,N,N,Y',
        'A103,Smith,,4,Oak,N,N,N',
        'A104,Jones,Ben,Y14,Oak,maybe,N,N',
      ].join('\r\n');
      const page = await open(PHONE);
      await signInThroughPage(page, admin);
      await page.locator('nav.tabs a[href="/admin/import"]').click();
      const form = page.locator('form[data-testid=import-check]');
      await form.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      // No school, no file: refused beside the fields.
      await form.getByRole('button', { name: 'Check the file' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('select[name=schoolId]') })
        .locator('.field-error')
        .waitFor();

      await form.locator('select[name=schoolId]').selectOption(school.id);
      await form.locator('input[name=file]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await form.getByText('roster.csv: 6 lines with the header.').waitFor();
      await form.getByRole('button', { name: 'Check the file' }).click();
      const report = page.locator('[data-testid=import-report]');
      await report.waitFor();
      await report.getByText('5 rows: 3 new pupils, 0 changed, 0 unchanged, 2 skipped for problems.').waitFor();
      const problems = report.locator('[data-testid=import-problems] tbody tr');
      expect(await problems.count()).toBeGreaterThanOrEqual(2);
      expect(await problems.first().locator('td').first().innerText()).toBe('5');
      expect(await report.locator('[data-testid=new-classes] input:checked').count()).toBe(2);
      const before = await asAdmin<{ items: unknown[] }>('GET', `/api/scheduling/pupils?schoolId=${school.id}&limit=100`);
      expect(before.items).toHaveLength(0);
      await expectAccessible(page);
      await expectFitsPhone(page);

      await report.getByRole('button', { name: 'Import' }).click();
      const result = page.locator('[data-testid=import-result]');
      await result
        .getByText('Imported: 3 new pupils, 0 changed, 0 unchanged, 2 classes created, 2 rows skipped.')
        .waitFor({ timeout: 20_000 });
      const pupils = await asAdmin<{ items: { lastName: string }[] }>('GET', `/api/scheduling/pupils?schoolId=${school.id}&limit=100`);
      expect(pupils.items.map((pupil) => pupil.lastName).sort()).toEqual(['Khan', 'Nowak', "O'Neil, Jr"]);
      const classes = await asAdmin<{ items: { name: string }[] }>('GET', `/api/scheduling/classes?schoolId=${school.id}&limit=100`);
      expect(classes.items.map((item) => item.name).sort()).toEqual(['Acorns', 'Oak']);

      // The same file again: checked, imported, nothing changes, and the page says so.
      await form.getByRole('button', { name: 'Check the file' }).click();
      await report.getByText('5 rows: 0 new pupils, 0 changed, 3 unchanged, 2 skipped for problems.').waitFor();
      await report.getByRole('button', { name: 'Import' }).click();
      await result.getByText('Nothing changed: the file matches what Tutti holds (3 pupils unchanged).').waitFor({ timeout: 20_000 });
      expect((await asAdmin<{ items: unknown[] }>('GET', `/api/scheduling/pupils?schoolId=${school.id}&limit=100`)).items).toHaveLength(3);
      await expectAccessible(page);
      await screenshot(page, 'web-admin-import');
    }),
    120_000,
  );

  it(
    'the programme admin adds a term (an empty one refused beside the fields) and imports the bank holidays twice, the second time adding none',
    timed('terms', async () => {
      const page = await open(PHONE);
      await signInThroughPage(page, admin);
      await page.locator('nav.tabs a[href="/admin/terms"]').click();
      await page.locator('h1', { hasText: 'Terms and holidays' }).waitFor();
      const term = page.locator('form[data-testid=add-term]');
      await term.waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      await term.getByRole('button', { name: 'Add a term' }).click();
      await term
        .locator('.field-invalid', { has: page.locator('input[name=name]') })
        .locator('.field-error')
        .waitFor();
      const name = `Summer ${Date.now().toString(36)}`;
      await term.locator('input[name=name]').fill(name);
      await term.locator('input[name=startsOn]').fill('2031-04-22');
      await term.locator('input[name=endsOn]').fill('2031-07-18');
      await term.getByRole('button', { name: 'Add a term' }).click();
      await term.getByText(`${name} added.`).waitFor();
      const terms = await asAdmin<{ items: { name: string; startsOn: string; endsOn: string }[] }>(
        'GET',
        '/api/scheduling/terms?limit=100',
      );
      expect(terms.items.find((item) => item.name === name)).toMatchObject({ startsOn: '2031-04-22', endsOn: '2031-07-18' });
      await page.locator('[data-testid=terms] li', { hasText: name }).waitFor();

      const file = {
        'england-and-wales': {
          division: 'england-and-wales',
          events: [{ title: 'Summer bank holiday', date: '2031-08-25', notes: '', bunting: true }],
        },
      };
      const bank = page.locator('form[data-testid=bank-holidays]');
      const upload = () =>
        bank
          .locator('input[name=bankHolidays]')
          .setInputFiles({ name: 'bank-holidays.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await upload();
      await bank.getByRole('button', { name: 'Import the bank holidays' }).click();
      await bank.getByText('1 bank holiday added; 0 already there.').waitFor();
      await upload();
      await bank.getByRole('button', { name: 'Import the bank holidays' }).click();
      await bank.getByText('0 bank holidays added; 1 already there.').waitFor();
      const holidays = await asAdmin<{ items: { startsOn: string }[] }>('GET', '/api/scheduling/holidays?limit=100');
      expect(holidays.items.filter((item) => item.startsOn === '2031-08-25')).toHaveLength(1);
      await expectAccessible(page);
      await expectFitsPhone(page);
    }),
    90_000,
  );

  it(
    'school staff check families onto the bus with one tap, undo one, and a tap with no signal survives a reload',
    timed('driver', async () => {
      const runs = await asStaff<{ items: { id: string; outboundDepartsAt: string; status: string }[] }>(
        'GET',
        '/api/parent-engagement/transport-runs?limit=100',
      );
      let runId = '';
      let bookings: Booking[] = [];
      for (const run of runs.items.filter((item) => item.status === 'open' && Date.parse(item.outboundDepartsAt) > Date.now())) {
        const page = await asStaff<{ items: Booking[] }>(
          'GET',
          `/api/parent-engagement/transport-bookings?runId=${run.id}&status=confirmed&limit=100`,
        );
        const waiting = page.items.filter((booking) => !booking.checkedInAt);
        if (waiting.length >= 2) {
          runId = run.id;
          bookings = waiting;
          break;
        }
      }
      if (!runId) throw new Error('no coming bus with two families of the staff member’s school waiting to be checked in');
      const booking = (id: string) => asStaff<Booking>('GET', `/api/parent-engagement/transport-bookings/${id}`);

      const page = await open(PHONE);
      await signInThroughPage(page, staff);
      await page.locator('nav.tabs a[href="/driver"]').click();
      await page.locator('h1', { hasText: 'Buses' }).waitFor();
      await page.locator(`a[href="/driver/${runId}"]`).click();
      const first = page.locator(`li[data-booking-id="${bookings[0].id}"]`);
      await first.waitFor();
      expect(await page.locator('[data-testid=stop]').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await expectFitsPhone(page);

      // One tap: on the bus, in the API.
      await first.getByRole('button', { name: `Check in ${bookings[0].guardianName}` }).click();
      await first.locator('button[aria-pressed=true]').waitFor();
      await waitFor(async () => Boolean((await booking(bookings[0].id)).checkedInAt), {
        timeoutMs: 10_000,
        intervalMs: 200,
        description: 'the check-in in the API',
      });

      // No signal: the tap is kept on the phone, said so, and survives a reload.
      const second = page.locator(`li[data-booking-id="${bookings[1].id}"]`);
      await page.context().setOffline(true);
      await second.getByRole('button', { name: `Check in ${bookings[1].guardianName}` }).click();
      await page.getByText(/No signal: 1 check-in is kept on this phone/).waitFor();
      await second.getByText('not sent yet').waitFor();
      expect((await booking(bookings[1].id)).checkedInAt ?? null).toBeNull();
      expect(await page.evaluate((key) => localStorage.getItem(key), `tutti.driver.pending.${runId}`)).toBe(
        JSON.stringify({ [bookings[1].id]: true }),
      );
      await expectAccessible(page);
      await page.context().setOffline(false);
      await page.reload();
      await waitFor(async () => Boolean((await booking(bookings[1].id)).checkedInAt), {
        timeoutMs: 15_000,
        intervalMs: 250,
        description: 'the tap made with no signal, sent after the reload',
      });
      await second.locator('button[aria-pressed=true]').waitFor();
      await second.getByText('not sent yet').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tutti.driver.pending.')))).toEqual([]);

      // A tap made by mistake is undone.
      await first.getByRole('button', { name: `On the bus ${bookings[0].guardianName}` }).click();
      await first.locator('button[aria-pressed=false]').waitFor();
      await waitFor(async () => !(await booking(bookings[0].id)).checkedInAt, {
        timeoutMs: 10_000,
        intervalMs: 200,
        description: 'the undone check-in in the API',
      });
      say(`run ${runId}: ${bookings.length} families waiting at first`);
      await screenshot(page, 'web-driver-manifest');
    }),
    120_000,
  );
});
