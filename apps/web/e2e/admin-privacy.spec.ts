/**
 * Against the whole running system (demo data), the programme admin's privacy and safeguarding
 * screens (issue 19): a subject access export asked for a demo child found by school and name,
 * followed until every service has answered, its ZIP downloaded through the page and read; a DBS
 * check and training recorded for a new tutor (a bad certificate number refused beside the field,
 * a stale edit refused in words), the tutor then listed as running out within 30 days. Every page
 * is checked with axe-core; each change is checked in the API.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SERVICE_NAMES } from '@tutti/contracts';
import { seedId } from '@tutti/seeds';
import { waitFor, zipEntries } from '@tutti/testing';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, screenshot, signInThroughPage } from './testing/browser';

const AREA = 'liverpool';
const admin = demoAccount('programme_admin');
const guardian = demoAccount('guardian', { withChildren: true });
const child = guardian.children[0];
const pupilId = seedId(`pupil:${AREA}:${child.pupilNumber}`);

const say = (line: string) => process.stdout.write(`[web e2e admin privacy] ${line}\n`);

const { tokenOf, as, system, api, open, timed } = browserSuite('web e2e admin privacy');
const asAdmin = as(admin, 'programme_admin');

/** A day counted from today in the area's time zone, as YYYY-MM-DD. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function signInAsAdmin(page: Page): Promise<void> {
  await signInThroughPage(page, admin);
}

interface DataRequest {
  id: string;
  kind: string;
  state: 'collecting' | 'done';
  subject: { type: string; id: string } | null;
  progress: { received: number; of: number; missing: string[] };
}

interface SafeguardingRecord {
  status: string;
  version: number;
  expiresOn: string | null;
  dbs?: { number: string; level: string; issuedOn: string; updateServiceCheckedOn?: string | null } | null;
  training?: { level: string; completedOn: string; expiresOn: string } | null;
}

describe('privacy and safeguarding', () => {
  it(
    'the programme admin asks for a child’s subject access export, follows it to the end and downloads the ZIP the API holds',
    timed('export', async () => {
      const pupil = await asAdmin<{ firstName: string; lastName: string; schoolId: string }>('GET', `/api/scheduling/pupils/${pupilId}`);
      const before = await asAdmin<{ items: DataRequest[] }>('GET', `/identity/data-requests?subjectId=${pupilId}&kind=export&limit=50`);

      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/privacy"]').click();
      await page.locator('h1', { hasText: 'Data requests' }).waitFor();
      const form = page.locator('form[data-testid=ask-data-request]');
      await form.waitFor();
      await page.locator('[data-testid=past-requests], .empty').first().waitFor();
      await expectAccessible(page);

      await form.locator('select[name=schoolId]').selectOption(pupil.schoolId);
      await form.locator('input[name=pupilSearch]').fill(`${pupil.firstName} ${pupil.lastName}`);
      await form.locator(`input[name=subjectId][value="${pupilId}"]`).check();
      await form.getByRole('button', { name: 'Ask for the export' }).click();

      const report = page.locator('[data-testid=data-request]').first();
      await report.waitFor();
      const requestId = await report.getAttribute('data-request-id');
      if (!requestId) throw new Error('the page shows no request id');
      await page.locator(`[data-testid=data-request][data-request-id="${requestId}"][data-state=done]`).waitFor({ timeout: 60_000 });
      await report.getByText('Done: all 5 services answered').waitFor();
      expect(await report.locator('[data-testid=parts] tbody tr').count()).toBe(SERVICE_NAMES.length);
      await expectAccessible(page);

      // What the API holds: one more export of this child, the one the page shows, finished.
      const after = await asAdmin<{ items: DataRequest[] }>('GET', `/identity/data-requests?subjectId=${pupilId}&kind=export&limit=50`);
      expect(after.items.length).toBe(before.items.length + 1);
      const held = await asAdmin<DataRequest>('GET', `/identity/data-requests/${requestId}`);
      expect(held).toMatchObject({ kind: 'export', state: 'done', subject: { type: 'pupil', id: pupilId }, progress: { missing: [] } });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        report.getByRole('button', { name: 'Download the ZIP' }).click(),
      ]);
      const path = await download.path();
      if (!path) throw new Error('the download was not saved');
      const files = zipEntries(readFileSync(path));
      for (const service of SERVICE_NAMES) expect(Object.keys(files)).toContain(`${service}.json`);
      expect(files['scheduling.json']).toContain(pupil.lastName);
      // The page's ZIP is the API's ZIP.
      const direct = await fetch(`${system.baseUrl}/identity/data-requests/${requestId}/export.zip`, {
        headers: { authorization: `Bearer ${await tokenOf(admin)}`, 'x-tutti-role': 'programme_admin' },
      });
      expect(direct.status).toBe(200);
      expect(Object.keys(zipEntries(Buffer.from(await direct.arrayBuffer()))).sort()).toEqual(Object.keys(files).sort());

      // The past requests list has it, finished.
      await page
        .locator(`[data-testid=past-requests] tr[data-request-id="${requestId}"]`, { hasText: 'Done: all 5 services answered' })
        .waitFor();
      say(`export ${requestId}: ${Object.keys(files).length} files`);
      await screenshot(page, 'web-admin-privacy-export');
    }),
    150_000,
  );

  it(
    'the programme admin records a new tutor’s DBS check and training, and sees them running out within 30 days',
    timed('safeguarding', async () => {
      const schools = await asAdmin<{ items: { id: string }[] }>('GET', '/api/scheduling/schools?limit=5');
      const name = `Safe Tutor ${Date.now().toString(36)}`;
      const staff = await asAdmin<{ id: string }>('POST', '/api/scheduling/staff', 201, {
        displayName: name,
        kind: 'tutor',
        schoolIds: [schools.items[0].id],
      });
      const fresh = await asAdmin<SafeguardingRecord>('GET', `/api/scheduling/safeguarding/staff/${staff.id}`);
      expect(fresh).toMatchObject({ version: 0, status: 'not_cleared' });

      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/safeguarding"]').click();
      await page.locator('h1', { hasText: 'Safeguarding' }).waitFor();
      const row = page.locator(`[data-testid=safeguarding-staff] tr[data-staff-id="${staff.id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('not_cleared');
      await page.locator(`[data-testid=safeguarding-expiring] li[data-staff-id="${staff.id}"][data-status=not_cleared]`).waitFor();
      await expectAccessible(page);

      await row.getByRole('link', { name: `Record or change ${name}’s DBS check and training` }).click();
      const form = page.locator('form[data-testid=safeguarding-record]');
      await form.waitFor();
      await expectAccessible(page);

      // A certificate number that is not 12 digits: refused beside the field.
      await form.locator('input[name=number]').fill('12345');
      await form.locator('select[name=level]').selectOption('enhanced_barred_list');
      await form.locator('input[name=issuedOn]').fill(dayFromToday(-60));
      await form.locator('input[name=trainingLevel]').fill('Level 2 safeguarding children');
      await form.locator('input[name=completedOn]').fill(dayFromToday(-30));
      await form.locator('input[name=expiresOn]').fill(dayFromToday(10));
      await form.getByRole('button', { name: 'Save' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('input[name=number]') })
        .locator('.field-error')
        .waitFor();
      expect((await asAdmin<SafeguardingRecord>('GET', `/api/scheduling/safeguarding/staff/${staff.id}`)).version).toBe(0);

      const number = String(Date.now()).slice(-12).padStart(12, '0');
      await form.locator('input[name=number]').fill(number);
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`${name}’s record saved.`).waitFor();
      await page.locator('[data-testid=record-status]', { hasText: 'Runs out soon' }).waitFor();
      await expectAccessible(page);

      // What the API now holds.
      const held = await asAdmin<SafeguardingRecord>('GET', `/api/scheduling/safeguarding/staff/${staff.id}`);
      expect(held).toMatchObject({
        version: 1,
        status: 'expiring',
        expiresOn: dayFromToday(10),
        dbs: { number, level: 'enhanced_barred_list', issuedOn: dayFromToday(-60) },
        training: { level: 'Level 2 safeguarding children', completedOn: dayFromToday(-30), expiresOn: dayFromToday(10) },
      });

      // Someone else changes it meanwhile: the page's edit is refused in words and the page shows theirs.
      await asAdmin(
        'PUT',
        `/api/scheduling/safeguarding/staff/${staff.id}`,
        200,
        { dbs: { number, level: 'enhanced_barred_list', issuedOn: dayFromToday(-60) }, training: held.training },
        { 'if-match': '"1"' },
      );
      await waitFor(async () => (await form.locator('input[name=number]').inputValue()) === number, {
        timeoutMs: 5_000,
        intervalMs: 100,
        description: 'the form to hold the saved record',
      });
      await form.locator('input[name=trainingLevel]').fill('Level 3 designated lead');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      expect((await asAdmin<SafeguardingRecord>('GET', `/api/scheduling/safeguarding/staff/${staff.id}`)).training?.level).toBe(
        'Level 2 safeguarding children',
      );

      // Back on the list: highlighted as running out, with the number the programme admin may see.
      await page.getByRole('link', { name: 'Back' }).click();
      const expiring = page.locator(`[data-testid=safeguarding-expiring] li[data-staff-id="${staff.id}"][data-status=expiring]`);
      await expiring.waitFor();
      await expiring.getByText('Runs out soon').waitFor();
      const listed = page.locator(`[data-testid=safeguarding-staff] tr[data-staff-id="${staff.id}"]`);
      expect(await listed.getAttribute('data-status')).toBe('expiring');
      expect(await listed.locator('[data-testid=dbs-number]').innerText()).toBe(number);
      await expectAccessible(page);
      await screenshot(page, 'web-admin-safeguarding');
    }),
    120_000,
  );

  it(
    'the programme admin changes the retention schedule (out of range refused beside the line, a stale edit refused in words) and dry-runs it',
    timed('retention', async () => {
      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/privacy"]').click();
      await page.getByRole('link', { name: 'Retention' }).click();
      await page.locator('h1', { hasText: 'Retention' }).waitFor();
      const form = page.locator('form[data-testid=retention-schedule]');
      await form.waitFor();
      await page.locator('[data-testid=retention-runs], .empty').first().waitFor();
      await expectAccessible(page);
      const before = await asAdmin<Record<string, number>>('GET', '/identity/retention-schedule');

      // Out of range: refused beside the line, nothing changed.
      await form.locator('input[name=auditYears]').fill('99');
      await form.getByRole('button', { name: 'Save the schedule' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('input[name=auditYears]') })
        .locator('.field-error')
        .waitFor();
      expect((await asAdmin<Record<string, number>>('GET', '/identity/retention-schedule')).auditYears).toBe(before.auditYears);

      const auditYears = before.auditYears === 25 ? 24 : before.auditYears + 1;
      await form.locator('input[name=auditYears]').fill(String(auditYears));
      await form.getByRole('button', { name: 'Save the schedule' }).click();
      await form.getByText('Schedule saved.').waitFor();
      const saved = await api<Record<string, number>>('GET', '/identity/retention-schedule', {
        token: await tokenOf(admin),
        headers: { 'x-tutti-role': 'programme_admin' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ ...before, auditYears });

      // Someone else changes another line meanwhile: the page's next edit is a 412, told in words; theirs stays.
      const etag = saved.headers.get('etag') ?? '';
      const messageMonths = saved.body.messageMonths === 120 ? 119 : saved.body.messageMonths + 1;
      await asAdmin('PATCH', '/identity/retention-schedule', 200, { messageMonths }, { 'if-match': etag });
      await form
        .locator('input[name=loanYearsAfterReturn]')
        .fill(String(saved.body.loanYearsAfterReturn === 25 ? 24 : saved.body.loanYearsAfterReturn + 1));
      await form.getByRole('button', { name: 'Save the schedule' }).click();
      await form.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      const after = await asAdmin<Record<string, number>>('GET', '/identity/retention-schedule');
      expect(after).toMatchObject({ messageMonths, loanYearsAfterReturn: saved.body.loanYearsAfterReturn });
      // The page now shows their version.
      await waitFor(async () => (await form.locator('input[name=messageMonths]').inputValue()) === String(messageMonths), {
        timeoutMs: 5_000,
        intervalMs: 100,
        description: 'the schedule as it is now on the page',
      });
      await expectAccessible(page);

      // A dry run: followed until every service has counted, then first in the runs, as the API holds it.
      const runs = page.locator('[data-testid=retention-run]');
      await runs.getByRole('button', { name: 'Dry run' }).click();
      const report = page.locator('[data-testid=data-request]').first();
      await report.waitFor();
      const runId = await report.getAttribute('data-request-id');
      // The run shows where it was asked and, once listed, among the runs: either will do.
      await page.locator(`[data-testid=data-request][data-request-id="${runId}"][data-state=done]`).first().waitFor({ timeout: 60_000 });
      const held = await asAdmin<DataRequest & { retentionRun: { dryRun: boolean } }>('GET', `/identity/data-requests/${runId}`);
      expect(held).toMatchObject({ kind: 'retention', state: 'done', retentionRun: { dryRun: true }, progress: { missing: [] } });
      await page
        .locator('[data-testid=retention-runs] li')
        .first()
        .getByText(/Dry run · asked by a person · would touch/)
        .waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-admin-retention');
    }),
    120_000,
  );

  it(
    'the programme admin audits a performance’s consents, child by child, as the API reports them',
    timed('consent audit', async () => {
      const performances = await asAdmin<{ items: { id: string; title: string }[] }>(
        'GET',
        `/api/performance-event/performances?from=${encodeURIComponent(new Date(Date.now() - 90 * 86_400_000).toISOString())}&limit=100`,
      );
      let chosen: { id: string; title: string } | undefined;
      let audit: { children: { pupilId: string; mismatches: unknown[] }[]; childrenWithMismatches: number } | undefined;
      for (const performance of performances.items) {
        const report = await asAdmin<NonNullable<typeof audit>>(
          'GET',
          `/api/performance-event/performances/${performance.id}/consent-audit`,
        );
        if (report.children.length > 0) {
          chosen = performance;
          audit = report;
          if (report.childrenWithMismatches > 0) break;
        }
      }
      if (!chosen || !audit) throw new Error('no demo performance with children on it');

      const page = await open();
      await signInAsAdmin(page);
      await page.goto('/admin/consent-audit');
      await page.locator('h1', { hasText: 'Consent audit' }).waitFor();
      await page.locator('[data-testid=consent-audit-performances]').waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: chosen.title }).first().click();
      await page.locator('h1', { hasText: `Consent audit: ${chosen.title}` }).waitFor();
      const rows = page.locator('[data-testid=consent-audit] tbody tr');
      await rows.first().waitFor();
      const shown = await rows.evaluateAll((nodes) =>
        nodes.map((node) => ({ pupilId: node.getAttribute('data-pupil-id'), mismatches: Number(node.getAttribute('data-mismatches')) })),
      );
      expect(shown).toEqual(audit.children.map((item) => ({ pupilId: item.pupilId, mismatches: item.mismatches.length })));
      const summary = page.locator('[data-testid=consent-audit-summary]');
      expect(await summary.innerText()).toContain(
        audit.childrenWithMismatches > 0 ? `of ${audit.children.length} with a mismatch` : 'No mismatches',
      );
      await expectAccessible(page);
      say(`consent audit of ${chosen.title}: ${audit.children.length} children, ${audit.childrenWithMismatches} with a mismatch`);
      await screenshot(page, 'web-admin-consent-audit');
    }),
    90_000,
  );
});
