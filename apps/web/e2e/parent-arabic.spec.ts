/**
 * A parent who reads Arabic, on a 360 × 740 phone, in a real browser against the whole running
 * system (demo data, in the newcastle area, which no other spec of the web app uses): chooses
 * العربية on the sign-in page, and every parent page is then right to left (`dir="rtl"`,
 * `lang="ar"`, the header mirrored), no wider than the phone, and clean under axe-core. Arabic's
 * plural forms are the catalogue's, not a phrase around a number: a bus with 9 seats left (few), a
 * booking of 2 seats (dual), an answer of 2 adults (dual) and 1 child (singular).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const AREA = 'newcastle';
const admin = demoAccount('programme_admin', { area: AREA });
const guardian = demoAccount('guardian', { area: AREA });
const DAY = 24 * 3_600_000;

const { system, api, open, timings } = browserSuite('parent arabic e2e');

/** The document's language and direction, and whether anything reaches past the phone's edges. */
async function layout(page: Page): Promise<{ lang: string; dir: string; direction: string; pageWidth: number; screenWidth: number }> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.querySelector('main') ?? document.body).direction,
    pageWidth: document.documentElement.scrollWidth,
    screenWidth: document.documentElement.clientWidth,
  }));
}

async function expectRightToLeft(page: Page): Promise<void> {
  const now = await layout(page);
  expect({ lang: now.lang, dir: now.dir, direction: now.direction }).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
  expect(now.pageWidth).toBeLessThanOrEqual(now.screenWidth);
}

describe('a parent reading Arabic on a phone', () => {
  it('sees every parent page right to left, with Arabic plural forms for seats, adults and children', async () => {
    let started = Date.now();
    const adminToken = await system.signIn(admin.email);
    const guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(await api<{ children: { pupilId: string }[] }>('GET', '/identity/me', { token: guardianToken }), 200);
    const child = me.children[0];
    const performances = expectStatus(
      await api<{ items: { id: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
        token: adminToken,
      }),
      200,
    );
    const performance = performances.items.find((candidate) => Date.parse(candidate.startsAt) > Date.now() + 3 * DAY);
    if (!performance) throw new Error(`the demo data has no performance in ${AREA} more than three days ahead`);
    const at = (minutesBefore: number) => new Date(Date.parse(performance.startsAt) - minutesBefore * 60_000).toISOString();
    // An 11-seat bus with the family's 2 seats booked: 9 left.
    const run = expectStatus(
      await api<{ id: string; stops: { id: string }[] }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        body: {
          performanceId: performance.id,
          vehicle: `Minibus ${randomUUID().slice(0, 6)}`,
          seats: 11,
          outboundDepartsAt: at(75),
          stops: [{ name: 'Walker Riverside Primary', place: 'Walker Road, Newcastle NE6', pickupAt: at(60) }],
        },
      }),
      201,
    );
    const booking = expectStatus(
      await api<{ id: string; seats: number }>('POST', '/api/parent-engagement/transport-bookings', {
        token: guardianToken,
        headers: { 'x-tutti-role': 'guardian', 'idempotency-key': randomUUID() },
        body: { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [child.pupilId] },
      }),
      201,
    );
    expect(booking.seats).toBe(2);
    // A second bus to the same performance, 9 seats, that the family is not on: offered in the booking form.
    const otherRun = expectStatus(
      await api<{ id: string }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        body: {
          performanceId: performance.id,
          vehicle: `Coach ${randomUUID().slice(0, 6)}`,
          seats: 9,
          outboundDepartsAt: at(80),
          stops: [{ name: 'Byker Primary', place: 'Headlam Street, Newcastle NE6', pickupAt: at(65) }],
        },
      }),
      201,
    );
    timings.apiSetUp = Date.now() - started;

    started = Date.now();
    const page = await open(PHONE);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto('/sign-in');
    await page.locator('.app-header select').selectOption('ar');
    await page.locator('h1', { hasText: 'تسجيل الدخول إلى Tutti' }).waitFor();
    await expectRightToLeft(page);
    await expectAccessible(page);
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');
    await page.locator('h1', { hasText: 'أطفالي' }).waitFor();
    await page.locator('h2', { hasText: 'تقويمك' }).waitFor();
    await expectRightToLeft(page);
    expect(await page.locator('nav.tabs a').allInnerTexts()).toEqual([
      'أطفالي',
      'العروض',
      'الحافلة المجانية',
      'الموافقات',
      'الرسائل',
      'الآلة',
      'الورش',
      'التفضيلات',
    ]);
    // Mirrored: the brand starts the header on the right, the controls end it on the left.
    const brand = await page.locator('.app-header .brand').boundingBox();
    const controls = await page.locator('.app-header .header-controls').boundingBox();
    if (!brand || !controls) throw new Error('the header has no brand or controls');
    expect(brand.x + brand.width).toBeGreaterThan(PHONE.width / 2);
    expect(controls.x).toBeLessThan(brand.x);
    await expectAccessible(page);

    await page.locator('nav.tabs a[href="/parent/transport"]').click();
    await page.locator('h1', { hasText: 'حافلة مجانية إلى العروض' }).waitFor();
    // The performance's line says at a glance that the family is booked (its seats on every bus there); tapped, it opens.
    const trip = page.locator(`[data-performance-id="${performance.id}"]`);
    expect(await trip.getAttribute('data-trip-state')).toBe('booked');
    expect(await trip.locator('.trip-toggle .badge').innerText()).toMatch(/^محجوز: /);
    await trip.locator('.trip-toggle').click();
    const bookingCard = trip.locator(`[data-booking-id="${booking.id}"]`);
    await bookingCard.waitFor();
    expect(await bookingCard.innerText()).toContain('مؤكد · مقعدان');
    // The booking form offers the other bus, 9 seats left (few); the family's own bus is changed through its booking.
    const form = trip.locator('form');
    await form.waitFor();
    // A "which bus?" choice when the performance has other buses the family is not on.
    if ((await form.locator('input[name=runId]').count()) > 0) await form.locator(`input[name=runId][value="${otherRun.id}"]`).check();
    expect(await form.getAttribute('data-run-id')).toBe(otherRun.id);
    expect(await form.innerText()).toContain('بقيت 9 مقاعد');
    expect(await form.locator(`input[name=runId][value="${run.id}"]`).count()).toBe(0);
    await expectRightToLeft(page);
    await expectAccessible(page);
    await screenshot(page, 'web-parent-arabic-transport');

    await page.locator('nav.tabs a[href="/parent/performances"]').click();
    await page.locator('h1', { hasText: 'العروض' }).waitFor();
    const card = page.locator(`[data-performance-id="${performance.id}"]`);
    await card.waitFor();
    await card.getByLabel('نعم، سنحضر').check();
    await card.getByLabel('كم عدد البالغين؟').fill('2');
    await card.locator(`input[name=pupilIds][value="${child.pupilId}"]`).check();
    await card.getByRole('button', { name: 'أرسل إجابتي' }).click();
    await card.getByText('شكرًا: تم حفظ إجابتك.').waitFor();
    expect(await card.getByTestId('rsvp-saved').innerText()).toBe('إجابتك: سنحضر، بالغان وطفل واحد.');
    await expectRightToLeft(page);
    await expectAccessible(page);

    for (const [path, heading] of [
      ['/parent/consents', 'الموافقات'],
      ['/parent/messages', 'الرسائل'],
      ['/parent/instruments', 'الآلات المُعارة'],
      ['/parent/sessions', 'الجلسات العائلية والورش'],
      ['/parent/preferences', 'تفضيلات التواصل'],
    ]) {
      await page.locator(`nav.tabs a[href="${path}"]`).click();
      await page.locator('h1', { hasText: heading }).waitFor();
      await page.locator('main [role=status]', { hasText: 'جارٍ التحميل' }).first().waitFor({ state: 'detached' });
      await expectRightToLeft(page);
      await expectAccessible(page);
    }
    expect(pageErrors).toEqual([]);
    timings.arabicPages = Date.now() - started;
  }, 120_000);
});
