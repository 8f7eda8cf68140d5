/**
 * Evidence for funders (issue 18) in the browser: the liverpool evaluator opens the annual data
 * return from the evaluation page, picks an academic year with figures, reads a figure with how it
 * is computed, clicks its total to list the pseudonymised pupils behind it (as many as the API
 * counts, no names), downloads the CSV (the API's own file), and sees the transition report. The
 * programme admin opens the same page. axe-core on the page; a screenshot.
 */
import { readFileSync } from 'node:fs';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, screenshot, seriousViolations, signInThroughPage } from './testing/browser';

const evaluator = demoAccount('evaluator');
const admin = demoAccount('programme_admin');

interface Figure {
  id: string;
  title: string;
  howComputed: string;
  total: number | null;
  cells: { key: string; label: string; count: number | null }[];
}

/** The years the page offers (the one holding today and the four before), as it makes them. */
function academicYears(today = new Date()): string[] {
  const first = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return Array.from({ length: 5 }, (_, i) => `${first - i}-${String((first - i + 1) % 100).padStart(2, '0')}`);
}

const { system, api, open, timings } = browserSuite('web e2e evidence');

describe('evidence for funders', () => {
  it('shows the annual return with how each figure is computed, the pupils behind a count by pseudonym, the CSV and the transition report', async () => {
    const started = Date.now();
    const token = await system.signIn(evaluator.email);
    let year: string | undefined;
    let figures: Figure[] = [];
    for (const candidate of academicYears()) {
      const report = expectStatus(
        await api<{ figures: Figure[] }>('GET', `/api/scheduling/reports/annual-return?academicYear=${candidate}`, { token }),
        200,
      );
      if ((report.figures.find((figure) => figure.id === 'wcet-by-year-group')?.total ?? 0) > 0) {
        [year, figures] = [candidate, report.figures];
        break;
      }
    }
    if (!year) throw new Error('the demo area has no year of whole-class teaching to show');
    const wcet = figures.find((figure) => figure.id === 'wcet-by-year-group') as Figure;

    const page = await open();
    await signInThroughPage(page, evaluator);
    await page.waitForURL('**/evaluator');
    await page.getByRole('link', { name: 'Annual data return and transition' }).click();
    await page.waitForURL('**/evidence');
    await page.getByRole('heading', { level: 1, name: 'Annual data return and transition' }).waitFor();
    await page.getByLabel('Academic year').selectOption(year);
    const table = page.getByRole('table', { name: wcet.title, exact: true });
    await table.waitFor();
    expect(await page.locator('main').innerText()).toContain(wcet.howComputed);
    for (const heading of ['Annual data return', 'Transition to secondary school'])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The total's pupils: as many as the API counts, each a pseudonym.
    await page.getByRole('button', { name: `${wcet.total}: the pupils behind ${wcet.title}: Total`, exact: true }).click();
    const list = page.locator('ul.pseudonyms li');
    await list.first().waitFor();
    const shown = await list.allInnerTexts();
    expect(shown.length).toBe(wcet.total);
    expect(shown.every((code) => /^P-[A-Z2-7]{16}$/.test(code.trim()))).toBe(true);
    // A suppressed count is no button: nobody can be listed behind it.
    const suppressed = figures.flatMap((figure) => figure.cells.filter((cell) => cell.count === null).map((cell) => ({ figure, cell })))[0];
    if (suppressed)
      expect(await page.getByRole('button', { name: `Pupils behind ${suppressed.figure.title}: ${suppressed.cell.label}` }).count()).toBe(
        0,
      );
    await screenshot(page, 'evidence-annual-return');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`annual-return-${year}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const fromApi = await api<string>('GET', `/api/scheduling/reports/annual-return.csv?academicYear=${year}`, {
      token,
      headers: { accept: 'text/csv' },
    });
    expect(fromApi.status).toBe(200);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('figure_id,figure,breakdown,count,percent,figure_total,how_computed');
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n').length,
    ).toBe(
      fromApi.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n').length,
    );

    const transition = expectStatus(
      await api<{ figures: Figure[] }>('GET', `/api/scheduling/reports/transition?academicYear=${year}`, { token }),
      200,
    );
    await page.getByRole('table', { name: transition.figures[0].title, exact: true }).waitFor();

    // The programme admin opens the same page.
    const adminPage = await open();
    await signInThroughPage(adminPage, admin);
    await adminPage.goto(`${system.baseUrl}/evidence`);
    await adminPage.getByRole('heading', { level: 1, name: 'Annual data return and transition' }).waitFor();
    timings.evidence = Date.now() - started;
  }, 180_000);
});
