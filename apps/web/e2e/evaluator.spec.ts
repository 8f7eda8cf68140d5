/**
 * The liverpool evaluator on a desktop: signs in, lands on the evaluation exports page, reads what
 * each export holds and leaves out, and downloads the provision export of a term through the page
 * (a CSV fetched with the sign-in token and saved by the browser). The file is checked against the
 * API's own answer and against every pupil name of the area; the participation export's codes are
 * the provision export's (the same pseudonym in both services). axe-core on the page; a screenshot.
 */
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, screenshot, seriousViolations, signInThroughPage } from './testing/browser';

const evaluator = demoAccount('evaluator');
const admin = demoAccount('programme_admin');

const say = (line: string) => process.stdout.write(`[web e2e evaluator] ${line}\n`);
const PROVISION_HEADER =
  'pupil_pseudonym,school_id,school_urn,year_group,curriculum_minutes,after_school_minutes,weekend_minutes,holiday_minutes,total_minutes,teaching_weeks,weekly_average_minutes,area_target_weekly_minutes,meets_target,sessions_attended,sessions_registered,attendance_rate';

interface Term {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}
interface PupilRow {
  firstName: string;
  lastName: string;
}

const { system, api, open, timings } = browserSuite('web e2e evaluator');

const lines = (csv: string) => csv.split('\r\n').filter((line) => line !== '');

/** Every pupil name of the area, as the programme admin sees the roll. */
async function pupilNames(token: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { items: PupilRow[]; nextCursor: string | null } = expectStatus(
      await api('GET', `/api/scheduling/pupils?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token }),
      200,
    );
    for (const pupil of page.items) names.add(pupil.firstName).add(pupil.lastName);
    cursor = page.nextCursor;
  } while (cursor);
  return [...names];
}

describe('the evaluator', () => {
  it('signs in on a desktop, sees what each export holds, and downloads a term’s provision without a single name in it', async () => {
    const started = Date.now();
    const page = await open();
    await signInThroughPage(page, evaluator);
    await page.waitForURL('**/evaluator');
    await page.getByRole('heading', { level: 1, name: 'Evaluation exports' }).waitFor();
    for (const heading of ['Provision by term', 'Performances', 'What is left out'])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/names, UPNs, dates of birth/);
    expect(await seriousViolations(page)).toEqual([]);

    // The term the page offers first, as the API lists them.
    const token = await system.signIn(evaluator.email);
    const terms = expectStatus(await api<{ items: Term[] }>('GET', '/api/scheduling/terms?limit=100', { token }), 200).items;
    const termSelect = page.getByLabel('Term', { exact: true });
    const termId = await termSelect.inputValue();
    const term = terms.find((candidate) => candidate.id === termId);
    expect(term).toBeDefined();
    expect(await termSelect.locator('option').count()).toBe(terms.length);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download provision (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`provision-${term?.startsOn}-to-${term?.endsOn}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const fromApi = await api<string>('GET', `/api/scheduling/evaluation/provision.csv?termId=${termId}`, {
      token,
      headers: { accept: 'text/csv' },
    });
    expect(fromApi.status).toBe(200);
    expect(lines(csv)[0]).toBe(PROVISION_HEADER);
    expect(lines(csv).length).toBe(lines(fromApi.body).length);
    expect(lines(csv).length).toBeGreaterThan(20);
    await page.getByText(`${download.suggestedFilename()} is downloaded: ${lines(csv).length - 1} rows.`).waitFor();

    const names = await pupilNames(await system.signIn(admin.email));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => new RegExp(`\\b${name}\\b`).test(csv))).toEqual([]);
    expect(
      lines(csv)
        .slice(1)
        .every((line) => /^P-[A-Z2-7]{16},/.test(line)),
    ).toBe(true);

    // The participation export (performance-event) gives the same pupils the same codes.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const participation = await api<string>(
      'GET',
      `/api/performance-event/evaluation/participation.csv?from=${term?.startsOn}&to=${today}`,
      { token, headers: { accept: 'text/csv' } },
    );
    expect(participation.status).toBe(200);
    const performers = new Set(
      lines(participation.body)
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    const onRoll = new Set(
      lines(csv)
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    say(`provision rows ${onRoll.size}, participation rows ${lines(participation.body).length - 1} of ${performers.size} pupils`);
    expect(performers.size).toBeGreaterThan(0);
    expect([...performers].filter((pseudonym) => onRoll.has(pseudonym)).length).toBeGreaterThan(0);

    await screenshot(page, 'evaluator-provision-download');
    timings.provisionDownload = Date.now() - started;
  }, 120_000);

  it('gets the app’s JavaScript compressed at build time: brotli or gzip as the browser accepts, plain for a client that accepts neither', async () => {
    const html = await (await fetch(`${system.baseUrl}/evaluator`)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    if (!script) throw new Error(`no script in the app's page: ${html.slice(0, 200)}`);
    const fetchAs = (acceptEncoding: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        get(`${system.baseUrl}${script}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const [brotli, gzip, plain] = await Promise.all([fetchAs('gzip, deflate, br'), fetchAs('gzip'), fetchAs('identity')]);
    expect([brotli.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined]);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    say(`main script ${plain.body.length} bytes, ${gzip.body.length} gzip, ${brotli.body.length} brotli`);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
  });
});
