/**
 * A parent on a 360 × 740 phone, in a real browser against the whole running system (demo data):
 * answers for a performance their child is in (errors beside the field, kept after a reload, then
 * changed), reads an announcement the programme admin sent beforehand, and switches to Polish.
 * Every page visited is checked with axe-core; the last step is saved as a screenshot.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@tutti/testing';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const guardian = demoAccount('guardian');

const DAY = 24 * 3_600_000;

interface Rsvp {
  attending: boolean;
  adults: number;
  children: number;
  pupilIds: string[];
  version: number;
}

/** English a Polish-speaking parent must not meet on the parent pages (names and data aside). */
const ENGLISH_ON_PARENT_PAGES = [
  'My children',
  'Performances',
  'Free bus',
  'Consents',
  'Messages',
  'Your calendar',
  'Subscribe to my calendar',
  'Show more',
  'Loading',
  'Tell us who is coming',
  'Your answer',
  'Are you coming?',
  'Change my answer',
  'Mark as read',
  'From ',
  'Sign out',
  'Language',
  'Booking closed',
  'Book seats',
];

const { system, api, open, timings } = browserSuite('parent e2e');

async function expectNoEnglish(page: Page): Promise<void> {
  const text = `${await page.locator('.app-header').innerText()}\n${await page.locator('nav.tabs').innerText()}\n${await page.locator('main').innerText()}`;
  expect(ENGLISH_ON_PARENT_PAGES.filter((phrase) => text.includes(phrase))).toEqual([]);
}

describe('a parent on a phone', () => {
  it('answers for a performance (2 adults, 1 child), finds the answer after a reload, changes it, reads a message, and switches to Polish', async () => {
    let started = Date.now();
    const adminToken = await system.signIn(admin.email);
    const guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(
      await api<{ userId: string; children: { pupilId: string; schoolId: string }[] }>('GET', '/identity/me', { token: guardianToken }),
      200,
    );
    const child = me.children[0];

    // A performance more than a day ahead (the list families answer for, as the home page shows it).
    const performances = expectStatus(
      await api<{ items: { id: string; title: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
        token: adminToken,
      }),
      200,
    );
    const performance = performances.items.find((candidate) => Date.parse(candidate.startsAt) > Date.now() + DAY);
    if (!performance) throw new Error('the demo data has no performance more than a day ahead');
    // Sent before the parent looks: the programme admin writes to the families of the child's school.
    const subject = `Concert dress ${randomUUID().slice(0, 6)}`;
    const body = 'Black trousers or skirt and a white top, please. Doors open at 17:30.';
    const announcement = expectStatus(
      await api<{ id: string; deliveries: { guardianId: string }[] }>('POST', '/api/parent-engagement/announcements', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { audience: 'school', schoolId: child.schoolId, subject, body },
      }),
      201,
    );
    expect(announcement.deliveries.map((delivery) => delivery.guardianId)).toContain(me.userId);
    timings.apiSetUp = Date.now() - started;

    started = Date.now();
    const page = await open(PHONE);
    // Her account prefers Polish; she starts in English (chosen on the sign-in page) and switches at the end.
    await page.goto('/sign-in');
    await page.locator('.app-header select').selectOption('en');
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');
    await page.locator('h1', { hasText: 'My children' }).waitFor();
    await page.locator('.cards .card').first().waitFor();
    await expectAccessible(page);

    // RSVP: first a number the API refuses, named beside its field.
    await page.locator('nav.tabs a[href="/parent/performances"]').click();
    await page.locator('h1', { hasText: 'Performances' }).waitFor();
    const card = page.locator(`[data-performance-id="${performance.id}"]`);
    await card.waitFor();
    expect(await card.locator('h2').innerText()).toBe(performance.title);
    expect(await card.getByTestId('rsvp-saved').innerText()).toBe('You have not answered yet.');
    await expectAccessible(page);
    await card.getByLabel('Yes, we are coming').check();
    await card.getByLabel('How many adults?').fill('21');
    await card.getByRole('button', { name: /Send my answer/ }).click();
    await card
      .locator('.field-invalid', { has: page.locator('input[name=adults]') })
      .getByText('Enter a number from 0 to 20.')
      .waitFor();
    await expectAccessible(page);

    // 2 adults and 1 child (the performer).
    await card.getByLabel('How many adults?').fill('2');
    await card.locator(`input[name=pupilIds][value="${child.pupilId}"]`).check();
    await card.getByRole('button', { name: /Send my answer/ }).click();
    await card.getByText('Thank you: your answer is saved.').waitFor();
    expect(await card.getByTestId('rsvp-saved').innerText()).toBe('Your answer: coming, 2 adults and 1 child.');
    const rsvpOf = async () =>
      expectStatus(await api<Rsvp>('GET', `/api/parent-engagement/performances/${performance.id}/rsvp`, { token: guardianToken }), 200);
    expect(await rsvpOf()).toMatchObject({ attending: true, adults: 2, children: 1, pupilIds: [child.pupilId], version: 1 });

    // Kept after a reload, form and all.
    await page.reload();
    await card.getByTestId('rsvp-saved').waitFor();
    expect(await card.getByTestId('rsvp-saved').innerText()).toBe('Your answer: coming, 2 adults and 1 child.');
    expect(await card.getByLabel('How many adults?').inputValue()).toBe('2');
    expect(await card.locator(`input[name=pupilIds][value="${child.pupilId}"]`).isChecked()).toBe(true);

    // Changed: one adult fewer, then not coming at all.
    await card.getByLabel('How many adults?').fill('1');
    await card.getByRole('button', { name: /Change my answer/ }).click();
    await card.getByTestId('rsvp-saved').getByText('Your answer: coming, 1 adult and 1 child.').waitFor();
    await card.getByLabel('No, we cannot come').check();
    await card.getByRole('button', { name: /Change my answer/ }).click();
    await card.getByTestId('rsvp-saved').getByText('Your answer: not coming.').waitFor();
    expect(await rsvpOf()).toMatchObject({ attending: false, adults: 0, children: 0, version: 3 });
    await expectAccessible(page);
    timings.rsvp = Date.now() - started;

    // Messages: the admin's announcement, new until she marks it read.
    started = Date.now();
    await page.locator('nav.tabs a[href="/parent/messages"]').click();
    await page.locator('h1', { hasText: 'Messages' }).waitFor();
    const message = page.locator(`[data-announcement-id="${announcement.id}"]`);
    await message.waitFor();
    expect(await message.locator('h2').innerText()).toContain(subject);
    expect(await message.locator('.message-body').innerText()).toBe(body);
    expect(await message.innerText()).toContain(`From ${admin.displayName}`);
    expect(await message.getAttribute('data-read')).toBe('no');
    await expectAccessible(page);
    await message.getByRole('button', { name: /Mark as read/ }).click();
    await page.locator(`[data-announcement-id="${announcement.id}"][data-read=yes]`).waitFor();
    const listed = expectStatus(
      await api<{ items: { id: string; readAt: string | null }[] }>('GET', '/api/parent-engagement/announcements?limit=100', {
        token: guardianToken,
      }),
      200,
    );
    expect(listed.items.find((item) => item.id === announcement.id)?.readAt).toEqual(expect.any(String));
    timings.messages = Date.now() - started;

    // Polish: headings, navigation and her saved answer, with no English left on the parent pages.
    started = Date.now();
    await page.locator('.app-header label', { hasText: 'Language' }).locator('select').selectOption('pl');
    await page.locator('h1', { hasText: 'Wiadomości' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await page.locator('nav.tabs a').allInnerTexts()).toEqual([
      'Moje dzieci',
      'Koncerty',
      'Darmowy autobus',
      'Zgody',
      'Wiadomości',
      'Instrument',
      'Warsztaty',
      'Ustawienia',
    ]);
    expect(await message.innerText()).toContain(`Od: ${admin.displayName}`);
    await expectNoEnglish(page);
    await expectAccessible(page);
    const visits: [string, string][] = [
      ['/parent', 'Moje dzieci'],
      ['/parent/transport', 'Darmowy autobus na koncerty'],
      ['/parent/consents', 'Zgody'],
      ['/parent/instruments', 'Wypożyczone instrumenty'],
      ['/parent/sessions', 'Zajęcia rodzinne i warsztaty'],
      ['/parent/preferences', 'Preferencje kontaktu'],
      ['/parent/performances', 'Koncerty'],
    ];
    for (const [path, heading] of visits) {
      await page.locator(`nav.tabs a[href="${path}"]`).click();
      await page.locator('h1', { hasText: heading }).waitFor();
      if (path === '/parent') await page.locator('h2', { hasText: 'Twój kalendarz' }).waitFor();
      if (path === '/parent/performances') await card.getByTestId('rsvp-saved').getByText('Twoja odpowiedź: nie przyjdziemy.').waitFor();
      await expectAccessible(page);
      await expectNoEnglish(page);
    }
    expect(await card.getByRole('button', { name: /Zmień odpowiedź/ }).isVisible()).toBe(true);
    timings.polish = Date.now() - started;
    await screenshot(page, 'web-parent-polish-performances');
  }, 120_000);
  it('changes a bus booking on the phone: another stop and one more adult, then a change over the family limit is refused in plain words', async () => {
    const started = Date.now();
    const adminToken = await system.signIn(admin.email);
    const guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(await api<{ children: { pupilId: string }[] }>('GET', '/identity/me', { token: guardianToken }), 200);
    const performances = expectStatus(
      await api<{ items: { id: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
        token: adminToken,
      }),
      200,
    );
    const performance = performances.items.find((candidate) => Date.parse(candidate.startsAt) > Date.now() + 3 * DAY);
    if (!performance) throw new Error('the demo data has no performance more than three days ahead');
    const at = (minutesBefore: number) => new Date(Date.parse(performance.startsAt) - minutesBefore * 60_000).toISOString();
    const run = expectStatus(
      await api<{ id: string; stops: { id: string; name: string }[] }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        body: {
          performanceId: performance.id,
          vehicle: `Coach ${randomUUID().slice(0, 6)}`,
          seats: 30,
          outboundDepartsAt: at(75),
          stops: [
            { name: 'Faith Street Primary', place: 'Shaw Street, Liverpool L6', pickupAt: at(60) },
            { name: 'Everton Library', place: 'St Domingo Road, Liverpool L5', pickupAt: at(45) },
          ],
        },
      }),
      201,
    );
    const booking = expectStatus(
      await api<{ id: string }>('POST', '/api/parent-engagement/transport-bookings', {
        token: guardianToken,
        headers: { 'x-tutti-role': 'guardian', 'idempotency-key': randomUUID() },
        body: { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [me.children[0].pupilId] },
      }),
      201,
    );
    const bookingNow = async () =>
      expectStatus(
        await api<{ stopId: string; adults: number; seats: number }>('GET', `/api/parent-engagement/transport-bookings/${booking.id}`, {
          token: guardianToken,
          headers: { 'x-tutti-role': 'guardian' },
        }),
        200,
      );

    const page = await open(PHONE);
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');
    await page.locator('nav.tabs a[href="/parent/transport"]').click();
    // Short for a thumb: one line per coming performance, no booking form until one is tapped.
    const trip = page.locator(`[data-performance-id="${performance.id}"]`);
    await trip.waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    expect(await trip.getAttribute('data-trip-state')).toBe('booked');
    // In English, or in Polish when her account's language was taken (nothing chosen on the sign-in page).
    expect(await trip.locator('.trip-toggle .badge').innerText()).toMatch(/^(Booked: \d+ seats?|Zarezerwowano: \d+ miejsc[ea]?)$/);
    await trip.locator('.trip-toggle').click();
    expect(await trip.locator('.trip-toggle').getAttribute('aria-expanded')).toBe('true');
    const card = trip.locator(`[data-booking-id="${booking.id}"]`);
    await card.waitFor();
    // One performance open at a time: at most one booking form on the page.
    expect(await page.locator('main form').count()).toBeLessThanOrEqual(1);
    await card.locator('.actions button.secondary').click();
    const form = card.locator('form.change-booking');
    await form.locator(`input[type=radio][value="${run.stops[1].id}"]`).check();
    await form.locator('input[name=adults]').fill('2');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('Everton Library').waitFor();
    expect(await bookingNow()).toMatchObject({ stopId: run.stops[1].id, adults: 2, seats: 3 });
    await expectAccessible(page);

    // Four adults and a child are five seats: over the area's limit of four, said in the page's language.
    await card.locator('.actions button.secondary').click();
    await form.locator('input[name=adults]').fill('4');
    await form.locator('button[type=submit]').click();
    const polish = (await page.getAttribute('html', 'lang')) === 'pl';
    await form
      .getByText(
        polish ? 'Rodzina może zarezerwować najwyżej 4 miejsca w jednym autobusie.' : 'A family can book at most 4 seats on one bus.',
      )
      .waitFor();
    expect(await bookingNow()).toMatchObject({ adults: 2, seats: 3 });
    await expectAccessible(page);
    timings.changeBooking = Date.now() - started;
    await screenshot(page, 'web-parent-booking-change-refused');

    // The change/cancel link of this booking's emails (/parent/transport#booking-<id>), opened afresh:
    // its performance opens by itself and the booking is in view on the phone.
    await page.goto(new URL('/parent', page.url()).href);
    await page.goto(new URL(`/parent/transport#booking-${booking.id}`, page.url()).href);
    const linked = page.locator(`[data-performance-id="${performance.id}"] [data-booking-id="${booking.id}"]`);
    await linked.waitFor();
    expect(await page.locator(`[data-performance-id="${performance.id}"] .trip-toggle`).getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(
      (id) => {
        const box = document.getElementById(`booking-${id}`)?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
      },
      booking.id,
      { timeout: 5_000 },
    );
  }, 120_000);
  it('shows a bus past its cut-off as closed instead of a booking form, and tells a refusal in Polish by its conflict code', async () => {
    const started = Date.now();
    const adminToken = await system.signIn(admin.email);
    const guardianToken = await system.signIn(guardian.email);
    const runsNow = async () =>
      expectStatus(
        await api<{ items: { id: string; bookingOpen: boolean }[] }>('GET', '/api/parent-engagement/transport-runs?limit=100', {
          token: guardianToken,
          headers: { 'x-tutti-role': 'guardian' },
        }),
        200,
      ).items;
    // The performance of the bus that closes while her form is open.
    const performances = expectStatus(
      await api<{ items: { id: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
        token: adminToken,
      }),
      200,
    );
    const performance = performances.items.find((candidate) => Date.parse(candidate.startsAt) > Date.now() + 3 * DAY);
    if (!performance) throw new Error('the demo data has no performance more than three days ahead');
    // A performance of hers with no bus yet gets one whose cut-off passes before she looks: all its buses are closed.
    const runs = (
      await expectStatus(
        await api<{ items: { id: string; performance: { id: string } }[] }>('GET', '/api/parent-engagement/transport-runs?limit=100', {
          token: guardianToken,
          headers: { 'x-tutti-role': 'guardian' },
        }),
        200,
      )
    ).items;
    const hers = expectStatus(
      await api<{ items: { id: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
        token: guardianToken,
        headers: { 'x-tutti-role': 'guardian' },
      }),
      200,
    ).items;
    const busless = hers.find(
      (candidate) =>
        candidate.id !== performance.id &&
        Date.parse(candidate.startsAt) > Date.now() + DAY &&
        !runs.some((run) => run.performance.id === candidate.id),
    );
    if (!busless) throw new Error('the demo data has no performance of the family without a bus');
    const closedBus = expectStatus(
      await api<{ id: string }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        body: {
          performanceId: busless.id,
          vehicle: `Minibus ${randomUUID().slice(0, 6)}`,
          seats: 16,
          outboundDepartsAt: new Date(Date.parse(busless.startsAt) - 75 * 60_000).toISOString(),
          bookingsCloseAt: new Date(Date.now() + 2_000).toISOString(),
          stops: [
            {
              name: 'Faith Street Primary',
              place: 'Shaw Street, Liverpool L6',
              pickupAt: new Date(Date.parse(busless.startsAt) - 60 * 60_000).toISOString(),
            },
          ],
        },
      }),
      201,
    );
    await waitFor(async () => (await runsNow()).find((run) => run.id === closedBus.id)?.bookingOpen === false, {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'the closed bus’s cut-off to pass',
    });
    // A bus whose cut-off passes while the parent has its form open.
    const at = (minutesBefore: number) => new Date(Date.parse(performance.startsAt) - minutesBefore * 60_000).toISOString();
    const closing = expectStatus(
      await api<{ id: string; bookingOpen: boolean }>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        body: {
          performanceId: performance.id,
          vehicle: `Minibus ${randomUUID().slice(0, 6)}`,
          seats: 16,
          outboundDepartsAt: at(75),
          bookingsCloseAt: new Date(Date.now() + 40_000).toISOString(),
          stops: [{ name: 'Faith Street Primary', place: 'Shaw Street, Liverpool L6', pickupAt: at(60) }],
        },
      }),
      201,
    );
    expect(closing.bookingOpen).toBe(true);

    const page = await open(PHONE);
    await page.goto('/sign-in');
    await page.locator('.app-header select').selectOption('pl');
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');
    await page.locator('nav.tabs a[href="/parent/transport"]').click();
    await page.locator('h1', { hasText: 'Darmowy autobus na koncerty' }).waitFor();

    // A closed bus is a line saying so, and opened it has no form.
    const closedTrip = page.locator(`[data-performance-id="${busless.id}"]`);
    await closedTrip.locator('.trip-toggle .badge', { hasText: 'Rezerwacja zamknięta' }).waitFor();
    expect(await closedTrip.getAttribute('data-trip-state')).toBe('closed');
    await closedTrip.locator('.trip-toggle').click();
    await closedTrip.getByText('Nie można już rezerwować miejsc w tym autobusie.').waitFor();
    expect(await closedTrip.locator('form').count()).toBe(0);

    // Opening another performance closes the first: one booking form at a time.
    const closingTrip = page.locator(`[data-performance-id="${performance.id}"]`);
    await closingTrip.locator('.trip-toggle').click();
    expect(await closedTrip.locator('.trip-toggle').getAttribute('aria-expanded')).toBe('false');
    const form = closingTrip.locator('form');
    await form.waitFor();
    expect(await page.locator('main form').count()).toBe(1);
    // The performance may have other buses: this one is chosen.
    if ((await form.locator('input[name=runId]').count()) > 0) await form.locator(`input[name=runId][value="${closing.id}"]`).check();
    expect(await form.getAttribute('data-run-id')).toBe(closing.id);
    // Five adults are over the area's limit of four seats a family: the 409 in Polish, by its code.
    await form.locator('input[name=adults]').fill('5');
    await form.locator('button[type=submit]').click();
    await form.getByText('Rodzina może zarezerwować najwyżej 4 miejsca w jednym autobusie.').waitFor();
    await expectAccessible(page);
    await expectNoEnglish(page);

    // The cut-off passes with the form still open: the refusal says so in Polish, and the form goes.
    await waitFor(async () => (await runsNow()).find((run) => run.id === closing.id)?.bookingOpen === false, {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'the new bus’s cut-off to pass',
    });
    await form.locator('input[name=adults]').fill('1');
    await form.locator('button[type=submit]').click();
    const refused = closingTrip.locator(`[data-run-id="${closing.id}"]`);
    await refused.getByText('Rezerwacja na ten autobus jest już zamknięta: nie można już rezerwować miejsc.').waitFor();
    expect(await refused.getAttribute('data-booking-open')).toBe('no');
    expect(await closingTrip.locator('form').count()).toBe(0);
    await expectAccessible(page);
    await expectNoEnglish(page);
    timings.closedBuses = Date.now() - started;
    await screenshot(page, 'web-parent-closed-bus');
  }, 120_000);
});

describe('a parent’s instrument, workshops, contact preferences and calendar', () => {
  it('sees the instrument on loan with its agreement and due day, signs up for a workshop, sets contact preferences (the page turns Urdu), and adds the calendar', async () => {
    let started = Date.now();
    const adminToken = await system.signIn(admin.email);
    const guardianToken = await system.signIn(guardian.email);
    const asGuardian = { token: guardianToken, headers: { 'x-tutti-role': 'guardian' } };
    const me = expectStatus(await api<{ children: { pupilId: string; schoolId: string }[] }>('GET', '/identity/me', asGuardian), 200);
    const child = me.children[0];
    const loans = expectStatus(
      await api<{ items: { id: string; dueOn: string; instrument: { assetTag: string }; agreement: { agreedByName: string } }[] }>(
        'GET',
        '/api/instrument-loan/loans?state=active&limit=100',
        asGuardian,
      ),
      200,
    ).items;
    // A workshop at the child's school next week, 30 places.
    const startsAt = new Date(Date.now() + 7 * DAY);
    const title = `Play along: strings ${randomUUID().slice(0, 6)}`;
    const session = expectStatus(
      await api<{ id: string }>('POST', '/api/parent-engagement/family-sessions', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          kind: 'workshop',
          title,
          schoolId: child.schoolId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
          capacity: 30,
        },
      }),
      201,
    );
    timings.newPagesSetUp = Date.now() - started;

    started = Date.now();
    const page = await open(PHONE);
    await page.goto('/sign-in');
    await page.locator('.app-header select').selectOption('en');
    await signInThroughPage(page, guardian);
    await page.waitForURL('**/parent');

    // The instrument: every active loan the API holds for her children, with its agreement and due day.
    await page.locator('nav.tabs a[href="/parent/instruments"]').click();
    await page.locator('h1', { hasText: 'Instruments on loan' }).waitFor();
    if (loans.length === 0) await page.getByText('None of your children has an instrument on loan.').waitFor();
    for (const loan of loans) {
      const card = page.locator(`[data-loan-id="${loan.id}"]`);
      await card.waitFor();
      expect(await card.getByTestId('agreement').innerText()).toContain(`Loan agreement accepted by ${loan.agreement.agreedByName}`);
      expect(await card.getByTestId('due-back').innerText()).toMatch(/^(Due back|Overdue since) /);
      expect(await card.innerText()).toContain(loan.instrument.assetTag);
      expect(await card.innerText()).not.toMatch(/_/);
    }
    expect(await page.locator('[data-loan-id]').count()).toBe(loans.length);
    await expectAccessible(page);

    // The workshop: 25 places is refused beside the field, 3 places and the child go through.
    await page.locator('nav.tabs a[href="/parent/sessions"]').click();
    await page.locator('h1', { hasText: 'Family sessions and workshops' }).waitFor();
    const card = page.locator(`[data-session-id="${session.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('Workshop');
    expect(await card.innerText()).toContain('30 places left');
    await card.getByRole('button', { name: /Sign up/ }).click();
    await card.getByLabel('How many of you are coming (adults and children)?').fill('25');
    await card.getByRole('button', { name: 'Sign us up' }).click();
    await card
      .locator('.field-invalid', { has: page.locator('input[name=places]') })
      .getByText('Enter a number from 1 to 20.')
      .waitFor();
    await expectAccessible(page);
    await card.getByLabel('How many of you are coming (adults and children)?').fill('3');
    const childBox = card.locator(`input[name=pupilIds][value="${child.pupilId}"]`);
    if ((await childBox.count()) > 0) await childBox.check();
    await card.getByRole('button', { name: 'Sign us up' }).click();
    await page.getByText('You are signed up. See you there!').waitFor();
    await card.getByText('Signed up: 3 places').waitFor();
    const signUps = async () =>
      expectStatus(
        await api<{ items: { id: string; places: number; status: string; attended?: boolean | null }[] }>(
          'GET',
          `/api/parent-engagement/family-sessions/${session.id}/sign-ups`,
          { token: adminToken },
        ),
        200,
      ).items;
    const [signUp] = await signUps();
    expect(signUp).toMatchObject({ places: 3, status: 'signed_up' });
    // The school takes the register: she sees that she came.
    expectStatus(
      await api('POST', `/api/parent-engagement/session-sign-ups/${signUp.id}/attendance`, {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { attended: true },
      }),
      200,
    );
    await page.reload();
    await card.getByText('You came: thank you!').waitFor();
    await expectAccessible(page);
    timings.instrumentAndWorkshop = Date.now() - started;

    // Contact preferences: a mistyped email is named beside its field; then Urdu, a mobile and quiet hours.
    started = Date.now();
    await page.locator('nav.tabs a[href="/parent/preferences"]').click();
    await page.locator('h1', { hasText: 'Contact preferences' }).waitFor();
    const form = page.locator('main form');
    await form.locator('input[name=email]').fill('jo-at-home');
    await form.getByRole('button', { name: 'Save my preferences' }).click();
    await form
      .locator('.field-invalid', { has: page.locator('input[name=email]') })
      .getByText('Enter an email address, e.g. name@example.com.')
      .waitFor();
    await expectAccessible(page);
    await form.locator('input[name=email]').fill('jo.parent@example.org');
    await form.locator('input[name=phone]').fill('+447700900123');
    await form.locator('input[name=smsEnabled]').check();
    await form.locator('input[name=quietHoursStart]').fill('21:00');
    await form.locator('input[name=quietHoursEnd]').fill('07:30');
    await form.locator('select[name=language]').selectOption('ur');
    await form.getByRole('button', { name: 'Save my preferences' }).click();
    // Saved, and the pages turn to Urdu, right to left.
    await page.locator('h1', { hasText: 'رابطے کی ترجیحات' }).waitFor();
    await page.getByText('آپ کی ترجیحات محفوظ ہو گئیں۔').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ur');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const family = expectStatus(
      await api<{ language: string; email: string; phone: string; smsEnabled: boolean; quietHoursStart: string; quietHoursEnd: string }>(
        'GET',
        '/api/parent-engagement/families/me',
        asGuardian,
      ),
      200,
    );
    expect(family).toMatchObject({
      language: 'ur',
      email: 'jo.parent@example.org',
      phone: '+447700900123',
      smsEnabled: true,
      quietHoursStart: '21:00',
      quietHoursEnd: '07:30',
    });
    await expectAccessible(page);
    timings.preferences = Date.now() - started;

    // The calendar: a webcal:// link and Google, Apple and Outlook buttons instead of an address to copy.
    started = Date.now();
    await page.locator('.app-header select').selectOption('en');
    await page.locator('nav.tabs a[href="/parent"]').click();
    await page.getByRole('button', { name: 'Subscribe to my calendar' }).click();
    const links = page.getByTestId('calendar-links');
    await links.waitFor();
    const webcal = (await links.locator('[data-calendar=webcal]').getAttribute('href')) ?? '';
    expect(webcal).toMatch(/^webcal:\/\/.+\/api\/parent-engagement\/calendar\/.+/);
    expect(await links.locator('[data-calendar=apple]').getAttribute('href')).toBe(webcal);
    const https = webcal.replace(/^webcal:\/\//, 'http://');
    expect(await links.locator('[data-calendar=google]').getAttribute('href')).toBe(
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    );
    expect(await links.locator('[data-calendar=outlook]').getAttribute('href')).toBe(
      `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}`,
    );
    expect(await page.locator('main input[readonly]').count()).toBe(0);
    // The address is the family's live feed.
    const feed = await fetch(https);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectAccessible(page);
    timings.calendar = Date.now() - started;
    await screenshot(page, 'web-parent-calendar-links');

    // Back to English for the family, as the demo had it.
    await page.locator('nav.tabs a[href="/parent/preferences"]').click();
    await page.locator('main form select[name=language]').selectOption('en');
    await page.locator('main form').getByRole('button', { name: 'Save my preferences' }).click();
    await page.getByText('Your preferences are saved.').waitFor();
  }, 150_000);
});
