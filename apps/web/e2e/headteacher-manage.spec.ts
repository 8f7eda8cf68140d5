/**
 * The headteacher's new pages on a 360 × 740 phone, against the whole running system (demo data):
 * changing who is in an ensemble (add a pupil, a refusal beside the field, take them out again), and
 * one performance from draft to cancelled (its running order with the overrun told by how much and
 * a colleague's edit meanwhile told in words, publish, move, the programme as a PDF, cancel). Each
 * step checks what the API then holds, axe-core on every page, and that nothing is wider than the phone.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { waitFor } from '@tutti/testing';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, expectFitsPhone, PHONE, screenshot, signInThroughPage } from './testing/browser';

const headteacher = demoAccount('headteacher');

const say = (line: string) => process.stdout.write(`[web e2e head manage] ${line}\n`);

const { tokenOf, as, api, open, timed } = browserSuite('web e2e head manage');
const asHead = as(headteacher, 'headteacher');
let schoolId = '';

beforeAll(async () => {
  const me = await asHead<{ grants: { role: string; schoolIds?: string[] }[] }>('GET', '/identity/me');
  schoolId = me.grants.find((grant) => grant.role === 'headteacher')?.schoolIds?.[0] ?? '';
  if (!schoolId) throw new Error('the demo headteacher leads no school');
}, 60_000);

interface Member {
  id: string;
  pupilId: string | null;
  name: string;
  leftOn?: string | null;
}

describe('the headteacher on a phone', () => {
  it(
    'adds a pupil to an ensemble (an empty choice refused beside the field), then takes them out; the API holds each change',
    timed('members', async () => {
      const ensembles = await asHead<{ items: { id: string; name: string; schoolId: string | null }[] }>(
        'GET',
        '/api/scheduling/ensembles?limit=100',
      );
      const ensemble = ensembles.items.find((item) => item.schoolId === schoolId);
      if (!ensemble) throw new Error('the school has no ensemble');
      const membersPath = `/api/scheduling/ensembles/${ensemble.id}/members?limit=100`;
      const before = (await asHead<{ items: Member[] }>('GET', membersPath)).items;

      const page = await open(PHONE);
      await signInThroughPage(page, headteacher);
      await page.goto(`/head/ensembles/${ensemble.id}`);
      await page.locator('h1', { hasText: ensemble.name }).waitFor();
      const form = page.locator('form[data-testid=add-member]');
      await form.waitFor();
      expect(await page.locator('[data-testid=members] li').count()).toBe(before.filter((member) => !member.leftOn).length);
      await expectAccessible(page);
      await expectFitsPhone(page);

      // Nobody chosen: told beside the field, nothing sent.
      await form.getByRole('button', { name: 'Add a member' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('select[name=who]') })
        .locator('.field-error', { hasText: 'Choose a pupil or a member of staff' })
        .waitFor();

      const option = form.locator('select[name=who] optgroup[label=Pupils] option').first();
      const value = (await option.getAttribute('value')) ?? '';
      const pupilId = value.replace('pupil:', '');
      expect(before.map((member) => member.pupilId)).not.toContain(pupilId);
      await form.locator('select[name=who]').selectOption(value);
      await form.locator('input[name=instrument]').fill('Violin');
      // By keyboard: Enter in the last field sends the form.
      await form.locator('input[name=section]').press('Enter');
      const added = page.getByText(/is now in the ensemble\.$/);
      const clash = page.locator('[data-testid=conflict]');
      await added.or(clash).first().waitFor();
      if (await clash.isVisible()) {
        // The pupil already plays elsewhere at that time: told in words, then added on purpose.
        say(`clash told: ${await clash.innerText()}`);
        await page.getByRole('button', { name: 'Add them anyway' }).click();
        await added.waitFor();
      }
      const joined = (await asHead<{ items: Member[] }>('GET', membersPath)).items.find((member) => member.pupilId === pupilId);
      expect(joined).toBeDefined();
      const row = page.locator(`[data-testid=members] li[data-member-id="${joined?.id}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('Violin');
      await expectAccessible(page);
      await screenshot(page, 'web-head-ensemble-members');

      await row.getByRole('button', { name: `Take out ${joined?.name}` }).click();
      await page.getByText(`${joined?.name} is no longer in the ensemble (from today).`).waitFor();
      await row.waitFor({ state: 'detached' });
      const after = (await asHead<{ items: Member[] }>('GET', membersPath)).items;
      expect(after.filter((member) => member.pupilId === pupilId && !member.leftOn)).toHaveLength(0);
      expect(after.filter((member) => !member.leftOn)).toHaveLength(before.filter((member) => !member.leftOn).length);
      await expectFitsPhone(page);
    }),
    120_000,
  );

  it(
    'edits a draft performance’s running order (overrun refused by how much, a colleague’s edit told), publishes, moves it, saves its programme and cancels it',
    timed('performance', async () => {
      const venues = await asHead<{ items: { id: string; name: string }[] }>('GET', '/api/performance-event/venues?limit=100');
      // An ensemble of the school that performance-event knows (one taking part in a demo performance).
      const performances = await asHead<{ items: { id: string }[] }>(
        'GET',
        `/api/performance-event/performances?schoolId=${schoolId}&limit=20`,
      );
      let ensembleId = '';
      for (const item of performances.items) {
        const detail = await asHead<{ ensembles: { ensembleId: string; schoolId: string | null; name: string | null }[] }>(
          'GET',
          `/api/performance-event/performances/${item.id}`,
        );
        ensembleId = detail.ensembles.find((ensemble) => ensemble.schoolId === schoolId && ensemble.name)?.ensembleId ?? '';
        if (ensembleId) break;
      }
      if (!ensembleId) throw new Error('no ensemble of the school takes part in a demo performance');
      const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      const title = `Winter sharing ${randomUUID().slice(0, 6)}`;
      const created = await asHead<{ id: string }>(
        'POST',
        '/api/performance-event/performances',
        201,
        {
          title,
          schoolId,
          venueId: venues.items[0].id,
          startsAt: `${day}T17:00:00Z`,
          endsAt: `${day}T18:00:00Z`,
          audience: 'school_community',
          ensembleIds: [ensembleId],
        },
        { 'idempotency-key': randomUUID() },
      );
      const performancePath = `/api/performance-event/performances/${created.id}`;
      const orderPath = `${performancePath}/running-order`;

      const page = await open(PHONE);
      await signInThroughPage(page, headteacher);
      await page.goto(`/head/performances/${created.id}/manage`);
      await page.locator('h1', { hasText: title }).waitFor();
      const order = page.locator('form[data-testid=running-order]');
      await order.locator('.empty', { hasText: 'No pieces yet.' }).waitFor();
      await expectAccessible(page);
      await expectFitsPhone(page);

      // Two pieces, 30 + 40 minutes, in a 60-minute slot: the page says it is too long, the API refuses by how much.
      const lines = order.locator('[data-testid=order-line]');
      await order.getByRole('button', { name: 'Add a piece' }).click();
      await lines.nth(0).locator('input[name=piece]').fill('Ode to Joy');
      await lines.nth(0).locator('input[name=composer]').fill('Beethoven');
      await lines.nth(0).locator('input[name=minutes]').fill('30');
      await order.getByRole('button', { name: 'Add a piece' }).click();
      await lines.nth(1).locator('input[name=piece]').fill('Finale');
      await lines.nth(1).locator('input[name=minutes]').fill('40');
      await order.locator('[data-testid=order-length]', { hasText: '70 min in a 60 min slot: 10 min too long.' }).waitFor();
      await order.getByRole('button', { name: 'Save the running order' }).click();
      await order.locator('[data-testid=conflict]', { hasText: 'is 10 min longer than the slot (60 min)' }).waitFor();
      expect((await asHead<{ items: unknown[] }>('GET', orderPath)).items).toHaveLength(0);

      await lines.nth(1).locator('input[name=minutes]').fill('20');
      await order.getByRole('button', { name: 'Save the running order' }).click();
      await order.getByText('Running order saved (50 min).').waitFor();
      let saved = await asHead<{ items: { piece: string; durationSeconds: number; composer: string | null }[]; totalSeconds: number }>(
        'GET',
        orderPath,
      );
      expect(saved.items.map((item) => [item.piece, item.durationSeconds, item.composer])).toEqual([
        ['Ode to Joy', 1800, 'Beethoven'],
        ['Finale', 1200, null],
      ]);

      // Reordered by keyboard.
      await order.getByRole('button', { name: 'Move piece 2 up' }).focus();
      await page.keyboard.press('Enter');
      await order.getByRole('button', { name: 'Save the running order' }).focus();
      await page.keyboard.press('Enter');
      await waitFor(
        async () =>
          (await asHead<{ items: { piece: string }[] }>('GET', orderPath)).items.map((item) => item.piece).join() === 'Finale,Ode to Joy',
        { timeoutMs: 10_000, intervalMs: 200, description: 'the reordered running order in the API' },
      );

      // A colleague changes the order meanwhile: this page's save is refused and says so in words, then shows theirs.
      const theirs = await api<{ items: { id: string; piece: string; durationSeconds: number }[] }>('GET', orderPath, {
        token: await tokenOf(headteacher),
        headers: { 'x-tutti-role': 'headteacher' },
      });
      await asHead(
        'PUT',
        orderPath,
        200,
        { items: [{ piece: 'Changed elsewhere', durationSeconds: 600 }] },
        {
          'if-match': theirs.headers.get('etag') ?? '',
        },
      );
      await lines.nth(0).locator('input[name=minutes]').fill('25');
      await order.getByRole('button', { name: 'Save the running order' }).click();
      await page.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      await waitFor(
        async () => (await lines.count()) === 1 && (await lines.nth(0).locator('input[name=piece]').inputValue()) === 'Changed elsewhere',
        {
          timeoutMs: 10_000,
          intervalMs: 100,
          description: 'the colleague’s running order on the page',
        },
      );
      saved = await asHead('GET', orderPath);
      expect(saved.items.map((item) => item.piece)).toEqual(['Changed elsewhere']);
      await expectAccessible(page);

      // Publish.
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published: families are being told.').waitFor();
      expect((await asHead<{ status: string }>('GET', performancePath)).status).toBe('published');

      // Move to the next day, 18:00–19:30 (London is on GMT then).
      const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const move = page.locator('form[data-testid=move-performance]');
      await move.locator('input[name=date]').fill(next);
      await move.locator('input[name=startTime]').fill('18:00');
      await move.locator('input[name=endTime]').fill('19:30');
      await move.locator('input[name=reason]').fill('The hall is booked');
      await move.getByRole('button', { name: 'Move the performance' }).click();
      await page.getByText('Moved: families are being told.').waitFor();
      const moved = await asHead<{ startsAt: string; endsAt: string; status: string }>('GET', performancePath);
      expect(new Date(moved.startsAt).toISOString()).toBe(`${next}T18:00:00.000Z`);
      expect(new Date(moved.endsAt).toISOString()).toBe(`${next}T19:30:00.000Z`);
      expect(moved.status).toBe('published');

      // The programme, as the printer gets it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Programme (PDF)' }).click()]);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Saved under the name the API gives it (its Content-Disposition): the performance's title, then what it is.
      expect(download.suggestedFilename()).toMatch(/^winter-sharing-.*-programme\.pdf$/);
      await expectFitsPhone(page);
      await screenshot(page, 'web-head-performance-manage');

      // Cancel: asked to confirm first.
      const cancel = page.locator('form[data-testid=cancel-performance]');
      await cancel.locator('input[name=reason]').fill('Snow');
      await cancel.getByRole('button', { name: 'Cancel the performance' }).click();
      await cancel.getByText('Cancel this performance? This cannot be undone.').waitFor();
      expect((await asHead<{ status: string }>('GET', performancePath)).status).toBe('published');
      await cancel.getByRole('button', { name: 'Yes, cancel it' }).click();
      await page.getByText('Cancelled.', { exact: true }).waitFor();
      const cancelled = await asHead<{ status: string; cancelReason: string | null }>('GET', performancePath);
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Snow' });
      // What no longer applies is not offered.
      await page.locator('[data-testid=status]', { hasText: 'Cancelled' }).waitFor();
      expect(
        await page
          .locator('form[data-testid=move-performance], form[data-testid=running-order], form[data-testid=cancel-performance]')
          .count(),
      ).toBe(0);
      await expectAccessible(page);
    }),
    150_000,
  );
});
