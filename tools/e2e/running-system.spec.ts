/**
 * End to end: the whole system started as `npm start` starts it, driven over HTTP through the
 * gateway only. One start for the file; the blocks run in order.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@tutti/seeds';
import { waitFor } from '@tutti/testing';
import { apiOf, expectStatus, mailTo, type Api } from './http';
import { startRunningSystem, type RunningSystem } from './running-system';

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);
const demo = (area: string, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === area && candidate.key === key);
  if (!account) throw new Error(`no demo ${key} in ${area}`);
  return account;
};
const admin = demo('liverpool', 'programme_admin');
const guardian = demo('liverpool', 'guardian');
const tutorGuardian = demo('liverpool', 'tutor_guardian');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Performance {
  id: string;
  status: string;
  startsAt: string;
  version: number;
}
interface Stop {
  id: string;
  pickupAt: string;
}
interface TransportRun {
  id: string;
  status: string;
  outboundDepartsAt: string;
  performance: { id: string; startsAt: string; status: string };
  stops: Stop[];
}
interface Booking {
  id: string;
  status: string;
  seats: number;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let system: RunningSystem;
let api: Api;
let adminToken: string;

beforeAll(async () => {
  system = await startRunningSystem({ log: process.env.TUTTI_E2E_VERBOSE ? say : undefined });
  say(`system started in ${(system.startupMs / 1000).toFixed(1)} s: ${system.startupSummary} (gateway ${system.baseUrl})`);
  api = apiOf(system.baseUrl);
  adminToken = await system.signIn(admin.email);
}, 150_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

/** Every page of a list, following nextCursor. */
async function allOf<T>(path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Page<T> = expectStatus(
      await api<Page<T>>('GET', `${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token }),
      200,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('a performance, its bus and a family, across services', () => {
  const title = `E2E Gala ${randomUUID().slice(0, 8)}`;
  const startsAt = new Date(Math.ceil(Date.now() / DAY) * DAY + 21 * DAY + 18 * HOUR);
  const pickupAt = new Date(startsAt.getTime() - 90 * 60_000);
  let performanceId: string;
  let run: TransportRun;
  let bookingId: string;
  let guardianToken: string;

  it('is planned and published in performance-event, and parent-engagement learns of it through the event bus', async () => {
    const venue = expectStatus(
      await api<{ id: string }>('POST', '/api/performance-event/venues', {
        token: adminToken,
        body: { name: `E2E Hall ${title}`, kind: 'concert_hall', address: 'Hope Street, Liverpool L1 9BP', capacity: 800 },
      }),
      201,
    );
    const draft = expectStatus(
      await api<Performance>('POST', '/api/performance-event/performances', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          title,
          venueId: venue.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
          audience: 'public',
        },
      }),
      201,
    );
    expect(draft.status).toBe('draft');
    performanceId = draft.id;
    const published = expectStatus(
      await api<Performance>('POST', `/api/performance-event/performances/${performanceId}/publish`, { token: adminToken }),
      200,
    );
    expect(published.status).toBe('published');

    const seen = await waitFor(
      async () => (await allOf<Performance>('/api/parent-engagement/performances', adminToken)).find((p) => p.id === performanceId),
      {
        timeoutMs: 15_000,
        intervalMs: 200,
        description: 'parent-engagement to list the published performance',
      },
    );
    expect(seen.startsAt).toBe(startsAt.toISOString());
  });

  it('gets a bus, and a guardian books seats for their child and is emailed a confirmation', async () => {
    run = expectStatus(
      await api<TransportRun>('POST', '/api/parent-engagement/transport-runs', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          performanceId,
          vehicle: '53-seat coach',
          seats: 53,
          outboundDepartsAt: pickupAt.toISOString(),
          stops: [{ name: 'Faith Primary, front gate', place: 'Shaw Street, Liverpool L6', pickupAt: pickupAt.toISOString() }],
        },
      }),
      201,
    );
    expect(run.stops[0].pickupAt).toBe(pickupAt.toISOString());

    guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(
      await api<{ children: { pupilId: string; canBookTransport: boolean }[] }>('GET', '/identity/me', { token: guardianToken }),
      200,
    );
    const child = me.children.find((candidate) => candidate.canBookTransport);
    if (!child) throw new Error('the demo guardian has no child whose transport they may book');

    const request = {
      token: guardianToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [child.pupilId] },
    };
    const booking = expectStatus(await api<Booking>('POST', '/api/parent-engagement/transport-bookings', request), 201);
    expect(booking).toMatchObject({ status: 'confirmed', seats: 2 });
    bookingId = booking.id;
    const retried = expectStatus(await api<Booking>('POST', '/api/parent-engagement/transport-bookings', request), 201);
    expect(retried.id).toBe(bookingId);

    const mail = await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Przejazd zarezerwowany: ${title}$`));
    expect(mail.text).toContain('Faith Primary, front gate');
  });

  it('moves: the bus, its pick-up times and the family’s reminders move with it, and the family is told', async () => {
    const current = await api<Performance>('GET', `/api/performance-event/performances/${performanceId}`, { token: adminToken });
    const etag = current.headers.get('etag');
    expect(etag).toBeTruthy();
    const newStart = new Date(startsAt.getTime() + DAY);
    const move = {
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 2 * HOUR).toISOString(),
      reason: 'The hall flooded',
    };

    const stale = await api('POST', `/api/performance-event/performances/${performanceId}/move`, {
      token: adminToken,
      headers: { 'if-match': '"999"' },
      body: move,
    });
    expect(stale.status).toBe(412);
    const moved = expectStatus(
      await api<Performance>('POST', `/api/performance-event/performances/${performanceId}/move`, {
        token: adminToken,
        headers: { 'if-match': etag as string },
        body: move,
      }),
      200,
    );
    expect(moved.startsAt).toBe(newStart.toISOString());

    const newPickup = new Date(pickupAt.getTime() + DAY).toISOString();
    const movedRun = await waitFor(
      async () => {
        const seen = expectStatus(
          await api<TransportRun>('GET', `/api/parent-engagement/transport-runs/${run.id}`, { token: guardianToken }),
          200,
        );
        return seen.stops[0].pickupAt === newPickup && seen;
      },
      { timeoutMs: 15_000, intervalMs: 200, description: 'the bus to move with the performance' },
    );
    expect(movedRun.performance.startsAt).toBe(newStart.toISOString());
    expect(movedRun.outboundDepartsAt).toBe(newPickup);

    const mail = await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Zmiana terminu występu: ${title}$`));
    expect(mail.text).toContain('Rezerwacje autobusu i przypomnienia zostały przeniesione razem z nim.');
    const booking = expectStatus(
      await api<Booking>('GET', `/api/parent-engagement/transport-bookings/${bookingId}`, { token: guardianToken }),
      200,
    );
    expect(booking.status).toBe('confirmed');
  });

  it('is cancelled: the booking is cancelled and the family is told', async () => {
    const cancelled = expectStatus(
      await api<Performance>('POST', `/api/performance-event/performances/${performanceId}/cancel`, {
        token: adminToken,
        body: { reason: 'The orchestra is snowed in.' },
      }),
      200,
    );
    expect(cancelled.status).toBe('cancelled');

    const mail = await mailTo(system.mail.apiUrl, guardian.email, new RegExp(`^Występ odwołany: ${title}$`));
    expect(mail.text).toContain('The orchestra is snowed in.');
    const booking = expectStatus(
      await api<Booking>('GET', `/api/parent-engagement/transport-bookings/${bookingId}`, { token: guardianToken }),
      200,
    );
    expect(booking.status).toBe('cancelled');
    const seen = expectStatus(
      await api<TransportRun>('GET', `/api/parent-engagement/transport-runs/${run.id}`, { token: guardianToken }),
      200,
    );
    expect(seen.performance.status).toBe('cancelled');
  });
});

describe('identity takes effect in every service', () => {
  it('a removed guardian link hides that child from the guardian within a minute', async () => {
    const token = await system.signIn(guardian.email);
    const me = expectStatus(await api<{ children: { pupilId: string }[] }>('GET', '/identity/me', { token }), 200);
    const pupilId = me.children[me.children.length - 1].pupilId;
    const consents = `/api/parent-engagement/pupils/${pupilId}/consents`;
    expectStatus(await api('GET', consents, { token }), 200);

    const links = expectStatus(
      await api<Page<{ id: string }>>('GET', `/identity/guardian-links?accountId=${guardian.id}&pupilId=${pupilId}`, { token: adminToken }),
      200,
    );
    expect(links.items).toHaveLength(1);
    expectStatus(await api('DELETE', `/identity/guardian-links/${links.items[0].id}`, { token: adminToken }), 204);
    const since = Date.now();

    const refused = await waitFor(
      async () => {
        const answer = await api('GET', consents, { token });
        return [401, 403, 404].includes(answer.status) && answer;
      },
      { timeoutMs: 65_000, intervalMs: 500, description: 'the guardian to lose sight of the child' },
    );
    say(`unlinked child hidden after ${((Date.now() - since) / 1000).toFixed(1)} s (${refused.status})`);
    expect(refused.status).toBe(404);
  }, 80_000);

  it('a disabled account’s token stops working at the services within a minute', async () => {
    const token = await system.signIn(tutorGuardian.email);
    expectStatus(await api('GET', '/api/parent-engagement/transport-bookings', { token }), 200);

    const read = await api('GET', `/identity/accounts/${tutorGuardian.id}`, { token: adminToken });
    const disabled = await api<{ status: string }>('PATCH', `/identity/accounts/${tutorGuardian.id}`, {
      token: adminToken,
      headers: { 'if-match': read.headers.get('etag') as string },
      body: { status: 'disabled' },
    });
    expect(expectStatus(disabled, 200).status).toBe('disabled');
    const since = Date.now();

    const refused = await waitFor(
      async () => {
        const answer = await api('GET', '/api/parent-engagement/transport-bookings', { token });
        return [401, 403, 404].includes(answer.status) && answer;
      },
      { timeoutMs: 65_000, intervalMs: 500, description: 'the disabled guardian to be refused' },
    );
    say(`disabled account refused after ${((Date.now() - since) / 1000).toFixed(1)} s (${refused.status})`);
    expect(refused.status).toBe(401);
    expect(
      (await api('POST', '/auth/sign-in', { body: { area: 'liverpool', email: tutorGuardian.email, password: tutorGuardian.password } }))
        .status,
    ).toBe(401);
  }, 80_000);
});

describe('a service that is down', () => {
  const service = 'instrument-loan';
  const path = '/api/instrument-loan/instruments?limit=1';

  it('gets a fast 503 problem from the gateway, is named by /health, and is green again once back', async () => {
    expectStatus(await api('GET', path, { token: adminToken }), 200);
    await system.stopService(service);

    const down = await api<{ status: number; service: string }>('GET', path, { token: adminToken });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, service });
    expect(down.ms).toBeLessThan(2_000);
    const health = await api<{ status: string; services: Record<string, { status: string }> }>('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('error');
    expect(health.body.services[service]).toMatchObject({ status: 'error', error: expect.stringMatching(/not answering/) });
    expect(health.body.services['performance-event'].status).toBe('ok');

    await system.startService(service);
    // Generous: a restarted service runs its migrations check and reconnects; on a loaded CI machine that took over 15 s.
    await waitFor(async () => (await api('GET', '/health')).status === 200, {
      timeoutMs: 45_000,
      intervalMs: 200,
      description: 'a green /health',
    });
    expectStatus(await api('GET', path, { token: adminToken }), 200);
  }, 90_000);
});
