/**
 * The tutor's instrument desk on a phone (lend and take back by asset tag, an unknown tag, a clash
 * with a colleague's check-out) and the programme admin's reports and long stock list on a desktop,
 * in a real browser against the whole running system (demo data). axe-core on every page visited;
 * a screenshot of each journey's last step.
 */
import { randomUUID } from 'node:crypto';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, DESKTOP, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const tutor = demoAccount('tutor');

interface Instrument {
  id: string;
  assetTag: string;
  status: string;
}
interface Loan {
  id: string;
  pupilId: string;
  active: boolean;
  conditionIn: string | null;
}

const { system, api, open, timed } = browserSuite('web e2e tutor-admin');

describe('tutor instrument desk and programme admin reports', () => {
  it(
    'a scanned QR label opens that instrument’s page: signed out, the sign-in comes first and then the instrument, in words',
    timed('qrLabel', async () => {
      const token = await system.signIn(tutor.email);
      const listed = expectStatus(
        await api<{ items: Instrument[] }>('GET', '/api/instrument-loan/instruments?status=on_loan&limit=1', { token }),
        200,
      ).items[0];
      if (!listed) throw new Error('the demo stock has no instrument on loan');
      // The label's QR code encodes PUBLIC_URL/instruments/<id> (instrument-loan's LabelsService.urlOf).
      const page = await open(PHONE);
      await page.goto(`/instruments/${listed.id}`);
      await page.waitForURL('**/sign-in');
      await page.locator('select[name=area]').selectOption(tutor.area);
      await page.locator('input[name=email]').fill(tutor.email);
      await page.locator('input[name=password]').fill(tutor.password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL(`**/instruments/${listed.id}`);
      const card = page.locator(`[data-testid=instrument][data-instrument-id="${listed.id}"]`);
      await card.waitFor();
      const instrument = expectStatus(
        await api<Instrument & { type: string }>('GET', `/api/instrument-loan/instruments/${listed.id}`, { token }),
        200,
      );
      expect(await card.locator('h2').textContent()).toContain(instrument.assetTag);
      expect(await card.locator('h2').textContent()).not.toContain('_');
      await card.getByText('On loan', { exact: true }).waitFor();
      // What can be done with it now: it is out, so the page offers to take it back.
      await card.getByRole('heading', { name: 'Current loan' }).waitFor();
      expect(await page.getByText('This page does not exist').count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'web-instrument-page');
    }),
    90_000,
  );

  it(
    'a tutor on a 360 × 740 phone lends an instrument by its asset tag and takes it back; an unknown tag and a clash are explained',
    timed('tutorLoan', async () => {
      const token = await system.signIn(tutor.email);
      const available = expectStatus(
        await api<{ items: Instrument[] }>('GET', '/api/instrument-loan/instruments?status=available&limit=1', { token }),
        200,
      );
      const instrument = available.items[0];
      if (!instrument) throw new Error('the demo stock has no available instrument');
      const loansOfInstrument = async () =>
        expectStatus(
          await api<{ items: Loan[] }>('GET', `/api/instrument-loan/loans?instrumentId=${instrument.id}&state=all&limit=10`, { token }),
          200,
        ).items;
      const loansBefore = (await loansOfInstrument()).length;

      const page = await open(PHONE);
      await signInThroughPage(page, tutor);
      await page.getByRole('link', { name: 'Instruments' }).click();
      await page.waitForURL('**/tutor/instruments');
      await page.locator('h1', { hasText: 'Lend or take back an instrument' }).waitFor();
      await expectAccessible(page);

      // An unknown tag: the message stands beside the tag field.
      const tagInput = page.locator('input[name=assetTag]');
      expect(await tagInput.getAttribute('inputmode')).toBe('text');
      await tagInput.fill('NO-SUCH-TAG-0000');
      await page.getByRole('button', { name: 'Find the instrument' }).click();
      await page.locator('.field-invalid', { has: tagInput }).getByText('No instrument has the tag “NO-SUCH-TAG-0000”').waitFor();
      await expectAccessible(page);

      // The real tag: the instrument, available, and the form to lend it to a pupil of the tutor's sessions.
      await tagInput.fill(instrument.assetTag);
      await page.getByRole('button', { name: 'Find the instrument' }).click();
      await page.locator('#instrument-heading', { hasText: instrument.assetTag }).waitFor();
      await page.locator('.badge', { hasText: 'Available' }).waitFor();
      const pupilSelect = page.locator('select[name=pupilId]');
      await pupilSelect.waitFor();
      const firstPupil = pupilSelect.locator('option').nth(1);
      const pupilId = (await firstPupil.getAttribute('value')) ?? '';
      const pupilLabel = (await firstPupil.textContent()) ?? '';
      const pupilName = pupilLabel.replace(/ \(.*\)$/, '');
      expect(pupilId).toMatch(/^[0-9a-f-]{36}$/);
      await pupilSelect.selectOption(pupilId);
      await page.getByLabel('Parent or carer who signed the loan agreement').fill('Maria Lopez');
      await page.getByLabel(/I have the signed loan agreement/).check();
      await expectAccessible(page);

      // A colleague lends the same instrument first: the tutor's attempt is a 409 that says what clashes.
      const agreement = { agreedByName: 'A colleague', agreedAt: new Date().toISOString(), termsVersion: '2025-1' };
      const dueOn = `${new Date().getFullYear() + 1}-07-20`;
      const colleagues = expectStatus(
        await api<Loan>('POST', '/api/instrument-loan/loans', {
          token,
          headers: { 'idempotency-key': randomUUID() },
          body: { instrumentId: instrument.id, pupilId, dueOn, conditionOut: 'good', agreement },
        }),
        201,
      );
      await page.getByRole('button', { name: 'Lend the instrument' }).click();
      await page
        .locator('.notice-error', { hasText: 'It cannot be lent:' })
        .getByText(`Instrument ${instrument.assetTag} is already out on loan`)
        .waitFor();
      await expectAccessible(page);

      // Looking again shows the colleague's loan; the tutor takes it back, recording its condition.
      await page.getByRole('button', { name: 'Look at the instrument again' }).click();
      await page.getByText(`On loan to ${pupilName}`).waitFor();
      await page.getByRole('button', { name: 'Take the instrument back' }).click();
      await page.getByText('Choose the condition the instrument is in now.').waitFor();
      await page.getByRole('radio', { name: 'Good' }).check();
      await page.getByRole('button', { name: 'Take the instrument back' }).click();
      await page.getByText(`${instrument.assetTag} is back in stock, in good condition.`).waitFor();
      const afterFirstReturn = expectStatus(await api<Loan>('GET', `/api/instrument-loan/loans/${colleagues.id}`, { token }), 200);
      expect(afterFirstReturn).toMatchObject({ active: false, conditionIn: 'good' });

      // Now the tutor lends it through the page.
      await pupilSelect.selectOption(pupilId);
      await page.getByLabel('Parent or carer who signed the loan agreement').fill('Maria Lopez');
      await page.getByLabel(/I have the signed loan agreement/).check();
      await page.getByRole('button', { name: 'Lend the instrument' }).click();
      await page.getByText(`${instrument.assetTag} is lent to ${pupilName} until`).waitFor();
      await page.getByText(`On loan to ${pupilName}`).waitFor();
      const lent = (await loansOfInstrument()).filter((loan) => loan.active);
      expect(lent).toHaveLength(1);
      expect(lent[0]).toMatchObject({ pupilId, active: true });
      expect(lent[0].id).not.toBe(colleagues.id);
      await expectAccessible(page);

      // And back in, fair this time.
      await page.getByRole('radio', { name: 'Fair' }).check();
      await page.getByRole('button', { name: 'Take the instrument back' }).click();
      await page.getByText(`${instrument.assetTag} is back in stock, in fair condition.`).waitFor();
      await page.locator('.badge', { hasText: 'Available' }).waitFor();
      const returned = expectStatus(await api<Loan>('GET', `/api/instrument-loan/loans/${lent[0].id}`, { token }), 200);
      expect(returned).toMatchObject({ active: false, conditionIn: 'fair', pupilId });
      expect(await loansOfInstrument()).toHaveLength(loansBefore + 2);
      const after = expectStatus(
        await api<Instrument & { condition: string }>('GET', `/api/instrument-loan/instruments/${instrument.id}`, { token }),
        200,
      );
      expect(after).toMatchObject({ status: 'available', condition: 'fair' });
      await expectAccessible(page);
      await screenshot(page, 'web-tutor-instrument-loan');
    }),
    90_000,
  );

  it(
    'the programme admin on a desktop reads the reports (the figures the API gives) and pages through the whole stock',
    timed('adminReports', async () => {
      const token = await system.signIn(admin.email);
      const stock = expectStatus(
        await api<{ byStatus: { status: string; count: number }[] }>('GET', '/api/instrument-loan/reports/stock', { token }),
        200,
      );
      const value = expectStatus(
        await api<{ instruments: number; totalPence: number }>('GET', '/api/instrument-loan/reports/value-on-loan', { token }),
        200,
      );
      const total = stock.byStatus.reduce((sum, row) => sum + row.count, 0);
      const onLoan = stock.byStatus.find((row) => row.status === 'on_loan')?.count ?? 0;
      expect(total).toBeGreaterThan(100);
      const count = (n: number) => new Intl.NumberFormat('en').format(n);
      const money = (pence: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'GBP' }).format(pence / 100);

      const page = await open(DESKTOP);
      await signInThroughPage(page, admin);
      await page.getByRole('link', { name: 'Reports' }).click();
      await page.waitForURL('**/admin/reports');
      await page.locator('[data-figure=stock-total] .figure-number').waitFor();
      expect(await page.locator('[data-figure=stock-total] .figure-number').textContent()).toBe(count(total));
      expect(await page.locator('[data-figure=value-on-loan] .figure-number').textContent()).toBe(money(value.totalPence));
      const byStatus = page.getByRole('table', { name: 'Instruments by status' });
      expect(
        await byStatus
          .getByRole('row', { name: /^On loan/ })
          .locator('td')
          .textContent(),
      ).toBe(count(onLoan));
      expect(await byStatus.locator('tfoot td').textContent()).toBe(count(total));
      await page.getByRole('table', { name: 'Losses and repairs by term' }).or(page.getByText('No losses or repairs recorded.')).waitFor();
      await page
        .getByRole('table', { name: 'Families taking part, by school' })
        .or(page.getByText('No families have taken part in this period yet.'))
        .waitFor();
      await expectAccessible(page);

      // The stock list shows more than the API's 100 a page, a page at a time.
      await page.getByRole('link', { name: 'Instruments' }).click();
      await page.waitForURL('**/admin/instruments');
      const rows = page.locator('table tbody tr');
      await page.getByText('Showing the first 100.').waitFor();
      expect(await rows.count()).toBe(100);
      while (await page.getByRole('button', { name: 'Show more' }).isVisible()) {
        const before = await rows.count();
        await page.getByRole('button', { name: 'Show more' }).click();
        await page.waitForFunction((shown) => document.querySelectorAll('table tbody tr').length > shown, before);
      }
      await page.getByText(`Showing all ${total}.`).waitFor();
      expect(await rows.count()).toBe(total);
      // People read words, not enum values: no type, condition or status shows as `double_bass`, `on_loan`, `in_repair`.
      const cells = await page.locator('table tbody td').allInnerTexts();
      expect(cells.filter((cell) => /^[a-z]+(_[a-z]+)+$/.test(cell.trim()))).toEqual([]);
      if (onLoan > 0) expect(cells).toContain('On loan');
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Reports' }).click();
      await page.locator('[data-figure=stock-total] .figure-number').waitFor();
      await screenshot(page, 'web-admin-reports');
    }),
    90_000,
  );
});
