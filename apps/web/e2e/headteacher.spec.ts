/**
 * The headteacher's side of the web app in a real browser on a desktop, against the whole running
 * system (demo data): the school dashboard's charts, whose numbers must be the API's; the ensembles;
 * planning a performance and building its roster, then changing it with the fairness suggestions.
 * Every page visited is checked with axe-core; the last step is saved as a screenshot.
 */
import { randomUUID } from 'node:crypto';
import { waitFor } from '@tutti/testing';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, screenshot, signInThroughPage } from './testing/browser';

const headteacher = demoAccount('headteacher');

const say = (line: string) => process.stdout.write(`[web e2e headteacher] ${line}\n`);

interface SchoolFairness {
  schoolId: string;
  pupils: number;
  notYetPerformed: number;
}
interface LoanSummary {
  onLoan: number;
}
interface Performer {
  pupilId: string;
  displayName: string;
}

const { tokenOf, as, api, open, timed } = browserSuite('web e2e headteacher');
const asHead = as(headteacher, 'headteacher');
let schoolId = '';

beforeAll(async () => {
  const me = await asHead<{ grants: { role: string; schoolIds?: string[] }[] }>('GET', '/identity/me');
  schoolId = me.grants.find((grant) => grant.role === 'headteacher')?.schoolIds?.[0] ?? '';
  if (!schoolId) throw new Error('the demo headteacher leads no school');
}, 60_000);

/**
 * An ensemble of the school that performance-event already knows (one taking part in a demo
 * performance): its copy of scheduling's ensembles is filled by events and the demo seeds.
 */
async function ensembleKnownToPerformances(): Promise<string> {
  const performances = await asHead<{ items: { id: string }[] }>(
    'GET',
    `/api/performance-event/performances?schoolId=${schoolId}&limit=20`,
  );
  for (const performance of performances.items) {
    const detail = await asHead<{ ensembles: { name: string | null; schoolId: string | null }[] }>(
      'GET',
      `/api/performance-event/performances/${performance.id}`,
    );
    const known = detail.ensembles.find((ensemble) => ensemble.schoolId === schoolId && ensemble.name);
    if (known?.name) return known.name;
  }
  throw new Error('no ensemble of the school takes part in a demo performance');
}

describe('the headteacher', () => {
  it(
    'sees the school dashboard: every figure in its own panel, with a chart, and the numbers the API gives',
    timed('dashboard', async () => {
      const fairness = (await asHead<{ items: SchoolFairness[] }>('GET', '/api/performance-event/fairness/schools?limit=100')).items.find(
        (item) => item.schoolId === schoolId,
      );
      const loans = await asHead<LoanSummary>('GET', `/api/instrument-loan/schools/${schoolId}/loan-summary`);

      const page = await open();
      await signInThroughPage(page, headteacher);
      await page.waitForURL('**/head');
      const school = page.locator(`section[aria-labelledby="school-${schoolId}"]`);
      await school.waitFor();
      // Each panel settles on its own: a chart or its empty state, never one spinner for the page.
      for (const panel of ['provision', 'below-target', 'attendance', 'fairness', 'families', 'transport', 'loans']) {
        await school
          .locator(`[data-testid=panel-${panel}]`)
          .locator('figure.chart svg[role=img], .empty, .notice-error')
          .first()
          .waitFor({ timeout: 15_000 });
      }

      if (loans.onLoan > 0) {
        expect(await school.locator('[data-testid=figure-on-loan]').textContent()).toBe(String(loans.onLoan));
      } else {
        await school.locator('[data-testid=panel-loans] .empty').waitFor();
      }
      if (fairness) {
        expect(await school.locator('[data-testid=figure-not-yet-performed]').textContent()).toBe(String(fairness.notYetPerformed));
        await school
          .locator('[data-testid=panel-fairness]')
          .getByText(`of ${fairness.pupils} pupils have not performed yet this year`)
          .waitFor();
      } else {
        await school.locator('[data-testid=panel-fairness] .empty').waitFor();
      }
      // Not by colour alone: a chart's figures open as a table.
      const attendanceTable = school.locator('[data-testid=panel-attendance] details');
      if ((await attendanceTable.count()) > 0) {
        await attendanceTable.locator('summary').click();
        await attendanceTable.locator('table tbody tr').first().waitFor();
      }
      say(`figures: on loan ${loans.onLoan}, not yet performed ${fairness?.notYetPerformed ?? 'none'} of ${fairness?.pupils ?? 0}`);
      await expectAccessible(page);
      await screenshot(page, 'web-head-dashboard');

      await page.locator('nav.tabs a[href="/head/ensembles"]').click();
      await page.locator('h1', { hasText: 'Ensembles' }).waitFor();
      await page.locator('[data-testid=ensemble], .empty').first().waitFor();
      const ensembles = (await asHead<{ items: { schoolId: string | null }[] }>('GET', '/api/scheduling/ensembles?limit=100')).items.filter(
        (item) => item.schoolId === schoolId,
      );
      expect(await page.locator('[data-testid=ensemble]').count()).toBe(ensembles.length);
      await expectAccessible(page);
    }),
    90_000,
  );

  it(
    'plans a performance, builds its roster, takes one pupil off, adds one from the suggestions (fewest chances first) and sees the roster change',
    timed('performance', async () => {
      const page = await open();
      await signInThroughPage(page, headteacher);
      await page.waitForURL('**/head');
      await page.locator('nav.tabs a[href="/head/performances"]').click();
      const form = page.locator('form[data-testid=plan-performance]');
      await form.waitFor();
      await expectAccessible(page);

      // An empty form is refused with the reasons beside the fields.
      await form.getByRole('button', { name: 'Plan a performance' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('input[name=title]') })
        .locator('.field-error')
        .waitFor();

      const title = `Spring sharing ${randomUUID().slice(0, 6)}`;
      const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      await form.locator('input[name=title]').fill(title);
      await form.locator('select[name=venueId]').selectOption({ index: 1 });
      await form.locator('input[name=date]').fill(day);
      await form.locator('input[name=startTime]').fill('18:00');
      await form.locator('input[name=endTime]').fill('19:30');
      expect(await form.locator('input[name=ensembleIds]').count()).toBeGreaterThan(0);
      await form.getByLabel(await ensembleKnownToPerformances(), { exact: true }).check();
      await form.getByRole('button', { name: 'Plan a performance' }).click();
      await page.waitForURL('**/head/performances/*', { timeout: 15_000 }).catch(async (error: unknown) => {
        throw new Error(`the performance was not planned; the form says: ${await form.innerText()}`, { cause: error });
      });
      const performanceId = page.url().split('/').pop() ?? '';
      await page.locator('h1', { hasText: title }).waitFor();
      const planned = await asHead<{ title: string; status: string; schoolId: string; startsAt: string }>(
        'GET',
        `/api/performance-event/performances/${performanceId}`,
      );
      expect(planned).toMatchObject({ title, status: 'draft', schoolId });
      expect(planned.startsAt.slice(0, 10)).toBe(day);
      await page.locator('[data-testid=roster], .empty').first().waitFor();
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Build the roster' }).click();
      await page.getByText(/^The roster has \d+ performers/).waitFor();
      const rosterPath = `/api/performance-event/performances/${performanceId}/roster?limit=100`;
      const built = (await asHead<{ items: Performer[] }>('GET', rosterPath)).items;
      expect(built.length).toBeGreaterThan(1);
      const rows = page.locator('[data-testid=roster] tbody tr');
      await waitFor(async () => (await rows.count()) === built.length, {
        timeoutMs: 10_000,
        intervalMs: 100,
        description: 'the built roster on the page',
      });
      await expectAccessible(page);

      const leaving = built[0];
      await page.getByRole('button', { name: `Remove ${leaving.displayName}`, exact: true }).click();
      await page.getByText(`${leaving.displayName} is off the roster.`).waitFor();
      await page.locator(`[data-testid=roster] tr[data-pupil-id="${leaving.pupilId}"]`).waitFor({ state: 'detached' });

      const suggestion = page.locator(`[data-testid=suggestions] li:not([data-pupil-id="${leaving.pupilId}"])`).first();
      await suggestion.waitFor();
      const joiningId = (await suggestion.getAttribute('data-pupil-id')) ?? '';
      const joiningName = (await suggestion.locator('strong').textContent()) ?? '';
      await suggestion.getByRole('button', { name: `Add ${joiningName}` }).click();
      await page.getByText(`${joiningName} is on the roster.`).waitFor();
      await page.locator(`[data-testid=roster] tr[data-pupil-id="${joiningId}"]`).waitFor();
      await page.locator(`[data-testid=suggestions] li[data-pupil-id="${joiningId}"]`).waitFor({ state: 'detached' });

      const after = (await asHead<{ items: Performer[] }>('GET', rosterPath)).items.map((performer) => performer.pupilId);
      expect(after).toContain(joiningId);
      expect(after).not.toContain(leaving.pupilId);
      expect(after).toHaveLength(built.length);
      expect(await rows.count()).toBe(built.length);
      await expectAccessible(page);
      await screenshot(page, 'web-head-roster-changed');

      // Once the performance is cancelled its roster is final: Build, Remove and Add are no longer offered.
      const cancelled = expectStatus(
        await api<{ status: string }>('POST', `/api/performance-event/performances/${performanceId}/cancel`, {
          token: await tokenOf(headteacher),
          headers: { 'x-tutti-role': 'headteacher' },
          body: { reason: 'The hall is flooded' },
        }),
        200,
      );
      expect(cancelled.status).toBe('cancelled');
      await page.reload();
      await page.getByTestId('roster-final').waitFor();
      expect(await page.getByTestId('roster-final').textContent()).toContain('cancelled');
      await waitFor(async () => (await rows.count()) === built.length, {
        timeoutMs: 10_000,
        intervalMs: 100,
        description: 'the final roster on the page',
      });
      expect(await page.getByRole('button', { name: /^(Remove|Add) / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Build the roster' }).count()).toBe(0);
      expect(await page.locator('[data-testid=suggestions]').count()).toBe(0);
      await expectAccessible(page);
    }),
    90_000,
  );
});
