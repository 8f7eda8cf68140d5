/**
 * Staff messages to families in a real browser, against the whole running system (demo data): the
 * headteacher is refused an empty subject beside the field, writes to the school's families and sees
 * the message in the sent list with as many families as the API counts, each family's delivery
 * named; writes to the families coming to a performance; the parent finds the message on their
 * Messages page. Every page visited is checked with axe-core; the last steps are saved as screenshots.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const headteacher = demoAccount('headteacher');
const guardian = demoAccount('guardian');

const say = (line: string) => process.stdout.write(`[web e2e staff messages] ${line}\n`);

interface Announcement {
  id: string;
  subject: string;
  audience: string;
  deliveries: { guardianId: string; status: string }[];
}

const { as, open, timed } = browserSuite('web e2e staff messages');
const asHead = as(headteacher, 'headteacher');
let schoolName = '';

/** The announcement the headteacher sent with this subject, as the API answers it (with its deliveries). */
async function sentWithSubject(subject: string): Promise<Announcement> {
  const listed = await asHead<{ items: { id: string; subject: string }[] }>('GET', '/api/parent-engagement/announcements?limit=20');
  const found = listed.items.find((item) => item.subject === subject);
  if (!found) throw new Error(`no announcement “${subject}” among the headteacher's latest`);
  return asHead<Announcement>('GET', `/api/parent-engagement/announcements/${found.id}`);
}

const familiesText = (n: number) => (n === 1 ? '1 family' : `${n} families`);

/** The numbers in the card's sent / waiting / failed badges. */
async function countsOn(card: ReturnType<Page['locator']>): Promise<number[]> {
  return Promise.all(
    ['sent', 'queued', 'failed'].map(async (status) =>
      Number.parseInt((await card.locator(`[data-testid=count-${status}]`).textContent()) ?? '', 10),
    ),
  );
}

async function openMessages(): Promise<Page> {
  const page = await open();
  await signInThroughPage(page, headteacher);
  await page.waitForURL('**/head');
  await page.locator('nav.tabs a[href="/head/messages"]').click();
  await page.locator('h1', { hasText: 'Messages' }).waitFor();
  await page.locator('form[data-testid=compose-message]').waitFor();
  return page;
}

beforeAll(async () => {
  const me = await asHead<{ grants: { role: string; schoolIds?: string[] }[] }>('GET', '/identity/me');
  const schoolId = me.grants.find((grant) => grant.role === 'headteacher')?.schoolIds?.[0];
  if (!schoolId) throw new Error('the demo headteacher leads no school');
  schoolName = (await asHead<{ name: string }>('GET', `/api/scheduling/schools/${schoolId}`)).name;
}, 60_000);

describe('staff messages', () => {
  const subject = `Concert dress ${randomUUID().slice(0, 6)}`;
  let sent: Announcement | undefined;

  it(
    'the headteacher is told beside the field that a subject is needed, then writes to the school’s families and sees how many it went to',
    timed('school', async () => {
      const page = await openMessages();
      const form = page.locator('form[data-testid=compose-message]');
      await expectAccessible(page);

      // No subject: the API's reason shows beside the subject, and nothing is sent.
      await form.locator('textarea[name=body]').fill('Black and white, please.');
      await form.getByRole('button', { name: 'Send to families' }).click();
      const subjectError = form.locator('.field-invalid', { has: page.locator('input[name=subject]') }).locator('.field-error');
      await subjectError.waitFor();
      expect(await subjectError.textContent()).toMatch(/subject/i);
      expect(await form.locator('[data-testid=sent-notice]').count()).toBe(0);
      await expectAccessible(page);

      await form.getByLabel('The families of a school').check();
      await form.locator('input[name=subject]').fill(subject);
      await form.locator('textarea[name=body]').fill('Black and white, please.\n\nThe coach leaves at 5pm.');
      await form.getByRole('button', { name: 'Send to families' }).click();
      const notice = form.locator('[data-testid=sent-notice]');
      await notice.waitFor({ timeout: 15_000 });
      await subjectError.waitFor({ state: 'detached' });

      sent = await sentWithSubject(subject);
      const families = sent.deliveries.length;
      expect(sent.audience).toBe('school');
      expect(families).toBeGreaterThan(0);
      expect(await notice.textContent()).toBe(`“${subject}” is on its way to ${familiesText(families)}.`);
      // The form is ready for the next message.
      expect(await form.locator('input[name=subject]').inputValue()).toBe('');

      const card = page.locator(`li[data-announcement-id="${sent.id}"]`);
      await card.waitFor();
      expect(await card.locator('h3').textContent()).toBe(subject);
      expect(await card.locator('[data-testid=audience]').textContent()).toBe(`Families of ${schoolName}`);
      await card.locator('[data-testid=families]').waitFor();
      expect(await card.locator('[data-testid=families]').textContent()).toBe(familiesText(families));
      const counts = await countsOn(card);
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(families);
      // Newest first.
      expect(await page.locator('li.sent-message').first().getAttribute('data-announcement-id')).toBe(sent.id);

      // Opened: the message and each family's delivery, by name.
      const toggle = card.locator('button[aria-expanded]');
      expect(await toggle.textContent()).toBe(`Show message and families: ${subject}`);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await card.locator('.message-body', { hasText: 'The coach leaves at 5pm.' }).waitFor();
      const rows = card.locator('table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(families);
      await card.locator('tbody th', { hasText: guardian.displayName }).waitFor();
      say(`sent to ${families} families of ${schoolName}; sent/waiting/failed ${counts.join('/')}`);
      await expectAccessible(page);
      await screenshot(page, 'web-staff-message-sent');
    }),
    90_000,
  );

  it(
    'the headteacher previews the message as an Arabic-reading family gets it: their words, the frame in Arabic, right to left; nothing sent',
    timed('preview', async () => {
      const page = await openMessages();
      const form = page.locator('form[data-testid=compose-message]');
      const previewSubject = `Preview only ${randomUUID().slice(0, 6)}`;
      await form.locator('input[name=subject]').fill(previewSubject);
      await form.locator('textarea[name=body]').fill('Black and white, please.');
      await form.locator('select[name=previewLanguage]').selectOption('ar');
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = form.locator('section[lang=ar][dir=rtl]');
      await preview.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
        throw new Error(`no Arabic preview; the form says: ${await form.innerText()}`, { cause: error });
      });
      const text = await preview.innerText();
      expect(text).toContain(previewSubject);
      expect(text).toContain('Black and white, please.');
      // The frame from the Arabic catalogue: the nameless greeting and the preferences link's words.
      expect(text).toContain('عائلتنا العزيزة،');
      expect(text).toContain('كيف يراسلك Tutti وبأي لغة');
      await expectAccessible(page);
      const listed = await asHead<{ items: { subject: string }[] }>('GET', '/api/parent-engagement/announcements?limit=20');
      expect(listed.items.map((item) => item.subject)).not.toContain(previewSubject);
      await screenshot(page, 'web-staff-message-preview-ar');
    }),
    90_000,
  );

  it(
    'the headteacher writes to the families coming to a performance; the count is the API’s',
    timed('performance', async () => {
      const page = await openMessages();
      const form = page.locator('form[data-testid=compose-message]');
      await form.getByLabel('The families coming to a performance').check();
      const picker = form.locator('select[name=performanceId]');
      await picker.waitFor();
      // Sending without choosing one is refused beside the picker.
      await form.locator('input[name=subject]').fill('No performance chosen');
      await form.locator('textarea[name=body]').fill('This should not go.');
      await form.getByRole('button', { name: 'Send to families' }).click();
      await form
        .locator('.field-invalid', { has: page.locator('select[name=performanceId]') })
        .locator('.field-error')
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          throw new Error(`no reason beside the performance picker; the form says: ${await form.innerText()}`, { cause: error });
        });

      const options = await picker.locator('option').count();
      if (options < 2) {
        say('no performance from the last week onwards: only the refusal is checked');
        return;
      }
      await picker.selectOption({ index: 1 });
      const title = ((await picker.locator('option:checked').textContent()) ?? '').split(' · ')[0].trim();
      const performanceSubject = `After the concert ${randomUUID().slice(0, 6)}`;
      await form.locator('input[name=subject]').fill(performanceSubject);
      await form.getByRole('button', { name: 'Send to families' }).click();
      const notice = form.locator('[data-testid=sent-notice]');
      await notice.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
        throw new Error(`not sent; the form says: ${await form.innerText()}`, { cause: error });
      });
      const announcement = await sentWithSubject(performanceSubject);
      expect(announcement.audience).toBe('performance');
      const families = announcement.deliveries.length;
      expect(await notice.textContent()).toBe(
        families === 0
          ? `“${performanceSubject}” is saved, but no families are in this group yet, so nobody received it.`
          : `“${performanceSubject}” is on its way to ${familiesText(families)}.`,
      );
      const card = page.locator(`li[data-announcement-id="${announcement.id}"]`);
      await card.locator('[data-testid=families]').waitFor();
      expect(await card.locator('[data-testid=families]').textContent()).toBe(familiesText(families));
      expect(await card.locator('[data-testid=audience]').textContent()).toMatch(/^Families coming to /);
      say(`performance message went to ${families} families`);
      await expectAccessible(page);

      // Once the performance has left the pickers' week, the sent message still names it: the card reads it on its own.
      await page.route(/\/api\/performance-event\/performances\?/, (route) => route.fulfill({ json: { items: [], nextCursor: null } }));
      await page.reload();
      await page
        .locator(`li[data-announcement-id="${announcement.id}"] [data-testid=audience]`, { hasText: `Families coming to ${title}` })
        .waitFor({ timeout: 15_000 })
        .catch(async (error: unknown) => {
          throw new Error(
            `the card does not name “${title}”: ${await page.locator(`li[data-announcement-id="${announcement.id}"]`).innerText()}`,
            { cause: error },
          );
        });
    }),
    90_000,
  );

  it(
    'the headteacher writes to the families of a class and of an ensemble; each count is the API’s, or the refusal is told in words',
    timed('class and ensemble', async () => {
      const page = await openMessages();
      const form = page.locator('form[data-testid=compose-message]');
      for (const [label, field, audienceText] of [
        ['The families of a class', 'classId', /^Families of class \S/],
        ['The families of an ensemble', 'ensembleId', /^Families of \S/],
      ] as const) {
        await form.getByLabel(label).check();
        const picker = form.locator(`select[name=${field}]`);
        await picker.waitFor();
        expect(await picker.locator('option').count()).toBeGreaterThan(1);
        await picker.selectOption({ index: 1 });
        const chosen = (await picker.locator('option:checked').textContent()) ?? '';
        const groupSubject = `Rehearsal moved ${randomUUID().slice(0, 6)}`;
        await form.locator('input[name=subject]').fill(groupSubject);
        await form.locator('textarea[name=body]').fill('Thursday this week.');
        await form.getByRole('button', { name: 'Send to families' }).click();
        const outcome = form.locator('[data-testid=sent-notice], .notice-error, .field-error').first();
        await outcome.waitFor({ timeout: 15_000 });
        const told = (await outcome.textContent()) ?? '';
        if (told.startsWith('This was not sent: ')) {
          // A group none of whose families uses Tutti is refused (409), and nothing is recorded.
          const latest = await asHead<{ items: { subject: string }[] }>('GET', '/api/parent-engagement/announcements?limit=5');
          expect(latest.items.map((item) => item.subject)).not.toContain(groupSubject);
          say(`${field} ${chosen}: refused in words: ${told}`);
          continue;
        }
        const announcement = await sentWithSubject(groupSubject).catch((error: unknown) => {
          throw new Error(`${label}: the page says “${told}”`, { cause: error });
        });
        const families = announcement.deliveries.length;
        expect(told).toBe(`“${groupSubject}” is on its way to ${familiesText(families)}.`);
        const card = page.locator(`li[data-announcement-id="${announcement.id}"]`);
        await card.locator('[data-testid=families]').waitFor();
        expect(await card.locator('[data-testid=families]').textContent()).toBe(familiesText(families));
        expect(await card.locator('[data-testid=audience]').textContent()).toMatch(audienceText);
        expect(await card.locator('[data-testid=audience]').textContent()).toContain(chosen.trim());
        say(`${field} ${chosen}: went to ${families} families`);
      }
      await expectAccessible(page);
    }),
    90_000,
  );

  it(
    'on a 360 px phone the sent message opens with each family’s delivery and nothing scrolls sideways',
    timed('phone', async () => {
      if (!sent) throw new Error('the school message was not sent');
      const page = await open(PHONE);
      await signInThroughPage(page, headteacher);
      await page.goto('/head/messages');
      const card = page.locator(`li[data-announcement-id="${sent.id}"]`);
      await card.locator('[data-testid=families]').waitFor({ timeout: 15_000 });
      await card.locator('button[aria-expanded]').click();
      await card.locator('tbody th', { hasText: guardian.displayName }).waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.screen);
      await expectAccessible(page);
      await screenshot(page, 'web-staff-message-phone');
    }),
    60_000,
  );

  it(
    'the parent finds the school’s message on their Messages page',
    timed('parent', async () => {
      if (!sent) throw new Error('the school message was not sent');
      expect(sent.deliveries.map((delivery) => delivery.guardianId)).toContain(guardian.id);
      const page = await open();
      await signInThroughPage(page, guardian);
      await page.locator('nav.tabs a[href="/parent/messages"]').click();
      const message = page.locator(`[data-announcement-id="${sent.id}"]`);
      await message.waitFor({ timeout: 15_000 });
      expect(await message.locator('h2').textContent()).toContain(subject);
      await message.locator('.message-body', { hasText: 'The coach leaves at 5pm.' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-staff-message-received');
    }),
    60_000,
  );
});
