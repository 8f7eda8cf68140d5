/**
 * The web app in a real browser against the whole running system (demo data): a tutor's register
 * on a phone, two parents and one bus with a waiting list, a headteacher's dashboard and timetable.
 * Every page visited is checked with axe-core; each journey's last step is saved as a screenshot.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@tutti/testing';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus, mailTo } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, DESKTOP, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const headteacher = demoAccount('headteacher');
const tutor = demoAccount('tutor');
const guardian = demoAccount('guardian');
const secondParent = demoAccount('tutor_guardian');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Booking {
  id: string;
  status: string;
  pupilIds: string[];
}
interface PlannedSession {
  recurrence: 'weekly' | 'once';
  termId: string | null;
  weekday: number | null;
  startTime: string;
  durationMinutes: number;
  tutorIds: string[];
}
interface Register {
  submissionId: string | null;
  entries: { name: string; status: string | null }[];
}

const { system, api, open, timed } = browserSuite('web e2e');
let invitedEmail = '';

describe('the web app, journey by journey', () => {
  it(
    '(a) a tutor takes a register on a 360 × 740 phone: marks kept through no signal and a reload, a lost answer retried without a double count',
    timed('tutorRegister', async () => {
      const page = await open(PHONE);
      // A mistyped email is named beside the email field, from the API's problem+json.
      await page.goto('/');
      await page.locator('select[name=area]').selectOption(tutor.area);
      await page.locator('input[name=email]').fill('rosa-at-school');
      await page.locator('input[name=password]').fill('x');
      await page.locator('form button[type=submit]').click();
      await page
        .locator('.field-invalid', { has: page.locator('input[name=email]') })
        .getByText('email must be an email address')
        .waitFor();
      await expectAccessible(page);
      await signInThroughPage(page, tutor);
      await page.waitForURL('**/tutor');
      await page.locator('h1', { hasText: 'My sessions' }).waitFor();
      await expectAccessible(page);

      // A session whose register is still to take: today's, else this week's; at a weekend (the week's registers all
      // taken by the demo data), the first of next week's, opened from its link.
      const untaken = page.locator('.card-link', { hasText: 'Register not taken' });
      await page.locator('.card-link, .empty').first().waitFor();
      if ((await untaken.count()) === 0) {
        await page.getByRole('button', { name: 'This week' }).click();
        await page.locator('.card-link, .empty').first().waitFor();
      }
      if ((await untaken.count()) > 0) {
        await untaken.first().click();
      } else {
        const token = await system.signIn(tutor.email);
        const nextWeek = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
        const week = expectStatus(
          await api<{ items: { id: string; status: string; registerTaken: boolean }[] }>(
            'GET',
            `/api/scheduling/me/occurrences?period=week&date=${nextWeek}`,
            { token },
          ),
          200,
        );
        const next = week.items.find((occurrence) => occurrence.status !== 'cancelled' && !occurrence.registerTaken);
        if (!next) throw new Error('the demo tutor has no session without a register this week or next');
        await page.goto(`/tutor/sessions/${next.id}`);
      }
      await page.waitForURL('**/tutor/sessions/*');
      const occurrenceId = page.url().split('/').pop() ?? '';
      const rows = page.locator('fieldset.register-row');
      await rows.first().waitFor();
      await expectAccessible(page);

      // Everyone present in one tap, then one child absent in one more.
      await page.getByRole('button', { name: 'Mark everyone present' }).click();
      const firstName = (await rows.first().getAttribute('data-name')) ?? '';
      await rows.first().getByRole('radio', { name: 'Absent' }).check();

      // No signal: the save fails, the marks are kept on the phone and survive a reload.
      const offline: string[] = [];
      await page.route('**/register', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        offline.push((route.request().postDataJSON() as { submissionId: string }).submissionId);
        return route.abort('internetdisconnected');
      });
      await page.getByRole('button', { name: 'Save the register' }).click();
      await page.getByText('Could not reach Tutti').waitFor();
      await page.unrouteAll();
      await page.reload();
      await rows.first().getByRole('radio', { name: 'Absent' }).waitFor();
      expect(await rows.first().getByRole('radio', { name: 'Absent' }).isChecked()).toBe(true);
      expect(await rows.nth(1).getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);

      // Back online, but the first answer is lost on the way back: the app sends the same submission again.
      const submissions: string[] = [];
      await page.route('**/register', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        submissions.push((route.request().postDataJSON() as { submissionId: string }).submissionId);
        if (submissions.length === 1) {
          await route.fetch();
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await page.getByRole('button', { name: 'Save the register' }).click();
      await page.getByText('Register saved.').waitFor();
      expect(submissions).toHaveLength(2);
      expect(submissions[1]).toBe(submissions[0]);
      expect(submissions[0]).toBe(offline[0]);

      const token = await system.signIn(tutor.email);
      const register = expectStatus(await api<Register>('GET', `/api/scheduling/occurrences/${occurrenceId}/register`, { token }), 200);
      expect(register.submissionId).toBe(submissions[0]);
      expect(register.entries.every((entry) => entry.status !== null)).toBe(true);
      expect(register.entries.find((entry) => entry.name === firstName)?.status).toBe('absent');
      expect(register.entries.filter((entry) => entry.status === 'absent')).toHaveLength(1);

      // The rehearsal note, in the same place.
      await page.getByLabel('Pieces worked on (one per line)').fill('Ode to Joy\nSkye Boat Song');
      await page.getByLabel('What the session concentrated on').fill('Bow holds');
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.getByText('Note saved.').waitFor();
      const noteUrl = `/api/scheduling/occurrences/${occurrenceId}/rehearsal-note`;
      const saved = expectStatus(await api<{ repertoire: string[]; focus: string; version: number }>('GET', noteUrl, { token }), 200);
      expect(saved).toMatchObject({ repertoire: ['Ode to Joy', 'Skye Boat Song'], focus: 'Bow holds' });

      // A co-teaching colleague saves the note from another phone meanwhile (here the same account): the next save
      // from this page is refused rather than overwriting theirs; the page shows their note, keeps the tutor's words in sight.
      const colleague = await api('PUT', noteUrl, {
        token,
        body: { repertoire: saved.repertoire, focus: 'Bow holds', notes: 'Cy led the round' },
        headers: { 'if-match': `"${saved.version}"` },
      });
      expect(colleague.status).toBe(200);
      const notesField = page.getByLabel('Notes', { exact: true });
      await notesField.fill('Ada is ready for a solo');
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.getByText('A colleague saved this note while you were writing').waitFor();
      await page.getByTestId('unsaved-note').getByText('Ada is ready for a solo').waitFor();
      await waitFor(async () => (await notesField.inputValue()) === 'Cy led the round', { timeoutMs: 5_000 });
      await expectAccessible(page);
      await notesField.fill('Cy led the round. Ada is ready for a solo');
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.getByText('Note saved.').waitFor();
      const note = expectStatus(await api<{ repertoire: string[]; focus: string; notes: string }>('GET', noteUrl, { token }), 200);
      expect(note).toMatchObject({
        repertoire: ['Ode to Joy', 'Skye Boat Song'],
        focus: 'Bow holds',
        notes: 'Cy led the round. Ada is ready for a solo',
      });
      await expectAccessible(page);
      await screenshot(page, 'web-a-tutor-register');
    }),
    90_000,
  );

  // One small bus for (b) and (c): two seats, so that the second family waits.
  let runId: string;
  let performanceId: string;
  let title: string;
  let mariaPage: Page;
  let kwamePage: Page;
  let cancelledBookingId: string;
  let waitingBookingId: string;

  it(
    '(b) a parent books two seats, finds the confirmation email, and cancels the booking',
    timed('parentBooks', async () => {
      const adminToken = await system.signIn(admin.email);
      const performances = expectStatus(
        await api<{ items: { id: string; title: string; startsAt: string }[] }>('GET', '/api/parent-engagement/performances?limit=50', {
          token: adminToken,
        }),
        200,
      );
      const performance = performances.items.find((candidate) => Date.parse(candidate.startsAt) > Date.now() + 3 * DAY);
      if (!performance) throw new Error('the demo data has no performance more than three days ahead');
      title = performance.title;
      performanceId = performance.id;
      const pickupAt = new Date(Date.parse(performance.startsAt) - HOUR).toISOString();
      const vehicle = `Minibus ${randomUUID().slice(0, 6)}`;
      const run = expectStatus(
        await api<{ id: string }>('POST', '/api/parent-engagement/transport-runs', {
          token: adminToken,
          headers: { 'idempotency-key': randomUUID() },
          body: {
            performanceId: performance.id,
            vehicle,
            seats: 2,
            outboundDepartsAt: pickupAt,
            stops: [{ name: 'Faith Street Primary, front gate', place: 'Shaw Street, Liverpool L6', pickupAt }],
          },
        }),
        201,
      );
      runId = run.id;
      const guardianToken = await system.signIn(guardian.email);
      const [first, second] = expectStatus(
        await api<{ children: { pupilId: string }[] }>('GET', '/identity/me', { token: guardianToken }),
        200,
      ).children;

      mariaPage = await open(PHONE);
      await signInThroughPage(mariaPage, guardian);
      await mariaPage.waitForURL('**/parent');
      // Her account prefers Polish: the parent pages speak it.
      await mariaPage.locator('h1', { hasText: 'Moje dzieci' }).waitFor();
      expect(await mariaPage.getAttribute('html', 'lang')).toBe('pl');
      await mariaPage.locator('.cards .card').first().waitFor();
      await expectAccessible(mariaPage);
      await mariaPage.locator('nav.tabs a[href="/parent/transport"]').click();
      const bus = await openBookingForm(mariaPage, performanceId, runId);
      await expectAccessible(mariaPage);

      // One booking for both children: the two-seat bus is then full. (A family already on a bus changes
      // that booking rather than booking the bus again, so the page offers no second booking of it.)
      for (const child of [first, second]) await bus.locator(`input[name=pupilIds][value="${child.pupilId}"]`).check();
      await bus.locator('button[type=submit]').click();
      await waitFor(
        async () =>
          (await bookingsOf(guardianToken, runId)).some((booking) => booking.pupilIds.length === 2 && booking.status === 'confirmed'),
        { timeoutMs: 10_000, description: 'the booking' },
      );
      await mariaPage.locator('.notice[role=status]').waitFor();
      const bookings = await bookingsOf(guardianToken, runId);
      expect(bookings.map((booking) => booking.status)).toEqual(['confirmed']);
      await mariaPage.locator(`[data-booking-id="${bookings[0].id}"][data-status=confirmed]`).waitFor();

      // This bus's stop: the demo family may also have booked other buses to the same performance.
      // Her account prefers Polish, so the email speaks it too, with Polish's plural for two seats.
      const mail = await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Przejazd zarezerwowany: ${escapeRegExp(title)}$`), {
        containing: 'Faith Street Primary, front gate',
      });
      expect(mail.text).toContain('Potwierdzamy rezerwację: 2 miejsca w bezpłatnym autobusie');

      // The second family joins the waiting list now, so that the cancelled seat goes to them.
      kwamePage = await open(PHONE);
      await signInThroughPage(kwamePage, secondParent);
      await kwamePage.locator('.app-header select').first().selectOption('guardian');
      await kwamePage.waitForURL('**/parent');
      await kwamePage.locator('nav.tabs a[href="/parent/transport"]').click();
      const kwameBus = await openBookingForm(kwamePage, performanceId, runId);
      await kwameBus.getByText('The bus is full').waitFor();
      await kwameBus.locator('input[name=pupilIds]').first().check();
      await kwameBus.getByRole('button', { name: 'Join the waiting list' }).click();
      await kwamePage.getByText(/on the waiting list \(place 1\)/).waitFor();
      const [waiting] = await bookingsOf(await system.signIn(secondParent.email), runId);
      expect(waiting.status).toBe('waitlisted');
      waitingBookingId = waiting.id;
      await kwamePage.locator(`[data-booking-id="${waitingBookingId}"][data-status=waitlisted]`).waitFor();
      await expectAccessible(kwamePage);

      // The first parent cancels her booking: its seats go to the waiting list.
      cancelledBookingId = bookings[0].id;
      await mariaPage.locator(`[data-booking-id="${cancelledBookingId}"] button.danger`).click();
      await mariaPage.locator(`[data-booking-id="${cancelledBookingId}"]`).waitFor({ state: 'detached' });
      expect((await bookingsOf(guardianToken, runId)).find((booking) => booking.id === cancelledBookingId)?.status).toBe('cancelled');
      await expectAccessible(mariaPage);
      await screenshot(mariaPage, 'web-b-parent-cancelled');
    }),
    90_000,
  );

  it(
    '(c) the parent on the waiting list is offered the freed seat and accepts it',
    timed('waitlistAccepts', async () => {
      const offered = kwamePage.locator(`[data-booking-id="${waitingBookingId}"][data-status=offered]`);
      await waitFor(
        async () => {
          await kwamePage.reload();
          await (await openTrip(kwamePage, performanceId)).locator(`[data-booking-id="${waitingBookingId}"]`).waitFor();
          return (await offered.count()) === 1;
        },
        { timeoutMs: 20_000, intervalMs: 500, description: 'the seat offer on the page' },
      );
      await expectAccessible(kwamePage);
      await offered.getByRole('button', { name: 'Accept the seat' }).click();
      await kwamePage.getByText('Seat accepted').waitFor();
      await kwamePage.locator(`[data-booking-id="${waitingBookingId}"][data-status=confirmed]`).waitFor();
      const token = await system.signIn(secondParent.email);
      expect((await bookingsOf(token, runId)).map((booking) => booking.status)).toEqual(['confirmed']);
      await expectAccessible(kwamePage);
      await screenshot(kwamePage, 'web-c-waitlist-accepted');
    }),
    60_000,
  );

  it(
    '(h) a parent subscribes to their calendar and gets a private address that serves the calendar',
    timed('calendarFeed', async () => {
      await kwamePage.locator('nav.tabs a[href="/parent"]').click();
      await kwamePage.getByRole('button', { name: 'Subscribe to my calendar' }).click();
      const webcal = (await kwamePage.getByTestId('calendar-links').locator('[data-calendar=webcal]').getAttribute('href')) ?? '';
      expect(webcal).toMatch(/^webcal:\/\/.+\/api\/parent-engagement\/calendar\/.+/);
      const url = webcal.replace(/^webcal:/, new URL(system.baseUrl).protocol);
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      await expectAccessible(kwamePage);
      await screenshot(kwamePage, 'web-h-parent-calendar-feed');
    }),
    30_000,
  );

  it(
    '(d) a headteacher sees the school dashboard and the week’s timetable',
    timed('headteacher', async () => {
      const page = await open(DESKTOP);
      await signInThroughPage(page, headteacher);
      await page.waitForURL('**/head');
      await page.locator('.dashboard h2').first().waitFor();
      await page.locator('figure.chart svg[role=img]').first().waitFor();
      await page.getByText(/Average minutes of music per pupil/).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-d-headteacher-dashboard');

      await page.locator('nav.tabs a[href="/head/timetable"]').click();
      await page.locator('h1', { hasText: 'This week’s timetable' }).waitFor();
      await page.locator('table.timetable tbody tr').first().waitFor();
      expect(await page.locator('table.timetable tbody tr').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await screenshot(page, 'web-d-headteacher-timetable');
    }),
    60_000,
  );

  it(
    '(f) a headteacher plans an ensemble’s week: a tutor clash is shown, booked anyway, and the session shows in the timetable',
    timed('headteacherPlans', async () => {
      // An existing weekly session with a tutor: the new one takes the same tutor at the same time.
      const token = await system.signIn(headteacher.email);
      const sessions = expectStatus(
        await api<{ items: PlannedSession[] }>('GET', '/api/scheduling/sessions?limit=100', {
          token,
          headers: { 'x-tutti-role': 'headteacher' },
        }),
        200,
      );
      const busy = sessions.items.find((session) => session.recurrence === 'weekly' && session.termId && session.tutorIds.length > 0);
      if (!busy) throw new Error('no weekly session with a tutor in the demo data');
      const startTime = busy.startTime.slice(0, 5);
      const endMinutes = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) + busy.durationMinutes;
      const endTime = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;

      const page = await open(DESKTOP);
      await signInThroughPage(page, headteacher);
      await page.waitForURL('**/head');
      await page.locator('nav.tabs a[href="/head/timetable"]').click();
      const form = page.locator('form[data-testid=plan-session]');
      await form.waitFor();
      await page.locator('table.timetable tbody tr, .empty').first().waitFor();
      const rowsBefore = await page.locator('table.timetable tbody tr').count();
      await form.locator('select[name=ensembleId]').selectOption({ index: 1 });
      await form.locator('select[name=termId]').selectOption(busy.termId as string);
      await form.locator('select[name=weekday]').selectOption(String(busy.weekday));
      await form.locator('input[name=startTime]').fill(startTime);
      await form.locator('input[name=endTime]').fill(endTime);
      await form.locator('select[name=tutorId]').selectOption(busy.tutorIds[0]);
      await form.getByRole('button', { name: 'Add the session' }).click();
      const clashes = form.locator('.clashes');
      await clashes.getByText('Tutor already teaching').first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-f-headteacher-clash');

      await clashes.getByRole('button', { name: 'Book anyway' }).click();
      await form.getByText(/^Session added/).waitFor();
      await waitFor(async () => (await page.locator('table.timetable tbody tr').count()) > rowsBefore, {
        timeoutMs: 10_000,
        intervalMs: 200,
        description: 'the new session in the timetable',
      });
      await page.locator('table.timetable tbody tr', { hasText: startTime }).first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-f-headteacher-planned');
    }),
    60_000,
  );
});

describe('the programme admin', () => {
  it(
    '(e) invites a tutor (errors beside their fields first), and sees schools and instrument stock',
    timed('admin', async () => {
      const page = await open(PHONE);
      await signInThroughPage(page, admin);
      await page.waitForURL('**/admin');
      await page.locator('.cards .card').first().waitFor();
      await expectAccessible(page);

      await page.locator('nav.tabs a[href="/admin/accounts"]').click();
      await page.locator('table tbody tr').first().waitFor();
      await page.getByLabel('Email').fill('tom-at-example');
      await page.getByLabel('Name').fill('Tom Reilly');
      await page.getByLabel('Role').selectOption('tutor');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page
        .locator('.field-invalid', { has: page.locator('input[name=email]') })
        .getByText('email must be an email address')
        .waitFor();
      await page
        .locator('.field-invalid', { has: page.locator('select[name=schoolId]') })
        .locator('.field-error')
        .waitFor();
      await expectAccessible(page);

      const email = `tom.${randomUUID().slice(0, 8)}@example.org`;
      invitedEmail = email;
      await page.getByLabel('Email').fill(email);
      await page.locator('select[name=schoolId]').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(`Invitation sent to ${email}.`).waitFor();
      await page.locator('table tbody tr', { hasText: email }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'web-e-admin-invited');

      await page.locator('nav.tabs a[href="/admin/instruments"]').click();
      await page.locator('h1', { hasText: 'Instruments' }).waitFor();
      await page.locator('table tbody tr, .empty').first().waitFor();
      await expectAccessible(page);
    }),
    60_000,
  );

  it(
    '(g) the invited tutor opens the link from the email, chooses a password (policy errors beside it), signs in; then resets a forgotten password',
    timed('invitedTutor', async () => {
      const page = await open(PHONE);
      await page.goto(await linkInMail(invitedEmail, 'accept-invitation'));
      await page.locator('h1', { hasText: 'Welcome to Tutti' }).waitFor();
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Set my password and sign in' }).click();
      await page
        .locator('.field-invalid', { has: page.locator('input[name=password]') })
        .locator('.field-error')
        .waitFor();
      await expectAccessible(page);
      const firstPassword = `violin ${randomUUID().slice(0, 8)} harbour lantern`;
      await page.getByLabel('New password').fill(firstPassword);
      await page.getByRole('button', { name: 'Set my password and sign in' }).click();
      await page.locator('.app-header .who', { hasText: 'Tom Reilly' }).waitFor();
      await page.waitForURL('**/tutor');

      // Signed out, the new tutor has forgotten the password and resets it from the sign-in page.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.locator('select[name=area]').selectOption(admin.area);
      await page.locator('input[name=email]').fill(invitedEmail);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByText(/a password-reset link is on its way/).waitFor();
      await expectAccessible(page);
      await page.goto(await linkInMail(invitedEmail, 'reset-password'));
      const newPassword = `cello ${randomUUID().slice(0, 8)} meadow copper`;
      await page.getByLabel('New password').fill(newPassword);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText('Your password is changed').waitFor();
      await expectAccessible(page);
      await signInThroughPage(page, { area: admin.area, email: invitedEmail, password: newPassword, displayName: 'Tom Reilly' });
      await page.waitForURL('**/tutor');
      await expectAccessible(page);
      await screenshot(page, 'web-g-invited-tutor-signed-in');
    }),
    60_000,
  );
});

async function bookingsOf(token: string, runId: string): Promise<Booking[]> {
  const page = expectStatus(
    await api<{ items: (Booking & { runId: string })[] }>('GET', `/api/parent-engagement/transport-bookings?runId=${runId}&limit=50`, {
      token,
      headers: { 'x-tutti-role': 'guardian' },
    }),
    200,
  );
  return page.items.filter((booking) => booking.runId === runId).sort((a, b) => a.id.localeCompare(b.id));
}

/** The page path and token of the link (`/accept-invitation?token=…`) in the newest mail to `address` that has one. */
async function linkInMail(address: string, pagePath: 'accept-invitation' | 'reset-password'): Promise<string> {
  const pattern = new RegExp(`/${pagePath}\\?token=[A-Za-z0-9._%-]+`);
  return waitFor(
    async () => {
      const mails = (await (await fetch(`${system.mail.apiUrl}/email`)).json()) as { text: string; to: { address: string }[] }[];
      const mail = mails
        .reverse()
        .find((candidate) => candidate.to.some((to) => to.address.toLowerCase() === address.toLowerCase()) && pattern.test(candidate.text));
      return mail ? pattern.exec(mail.text)?.[0] : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 200, description: `a ${pagePath} mail to ${address}` },
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The bus page lists the family's coming performances; a tap opens one, with one booking form for its
 * buses that still take bookings (a choice of bus when there are several). Answers that form, on `runId`.
 */
async function openBookingForm(page: Page, performanceId: string, runId: string) {
  const trip = await openTrip(page, performanceId);
  const choice = trip.locator(`input[name=runId][value="${runId}"]`);
  await trip.locator('form, [data-run-id]').first().waitFor();
  if ((await choice.count()) > 0) await choice.check();
  const form = trip.locator(`[data-run-id="${runId}"]`);
  await form.waitFor();
  return form;
}

/** Opens a performance's line on the bus page (the family's bookings there and a form for the buses they are not on). */
async function openTrip(page: Page, performanceId: string) {
  const trip = page.locator(`[data-performance-id="${performanceId}"]`);
  const toggle = trip.locator('.trip-toggle');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await trip.locator('.trip-panel').waitFor();
  return trip;
}
