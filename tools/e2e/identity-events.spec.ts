/**
 * End to end: what the gateway's identity events change in the other services, driven over HTTP
 * through the gateway of the whole system (started as `npm start` starts it). An area's time zone
 * set through PATCH /identity/tenant reaches scheduling and parent engagement; a family invited
 * through the API and linked to a child is emailed without ever saving contact preferences.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@tutti/seeds';
import { mailTo, waitFor } from '@tutti/testing';
import { apiOf, expectStatus, type Api } from './http';
import { startRunningSystem, type RunningSystem } from './running-system';

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);
const demo = (area: string, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === area && candidate.key === key);
  if (!account) throw new Error(`no demo ${key} in ${area}`);
  return account;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface TransportRun {
  id: string;
  stops: { id: string; pickupAt: string }[];
}
interface Session {
  id: string;
  timeZone: string;
}
interface Occurrence {
  startsAt: string;
  localDate: string;
}

let system: RunningSystem;
let api: Api;

beforeAll(async () => {
  system = await startRunningSystem({ log: process.env.TUTTI_E2E_VERBOSE ? say : undefined });
  api = apiOf(system.baseUrl);
}, 240_000); // under a loaded machine, migrations alone can take a minute

afterAll(async () => {
  await system?.stop();
}, 60_000);

/** A published performance that parent engagement knows, with a bus; pick-up 90 minutes before it starts. */
async function performanceWithBus(adminToken: string, title: string, startsAt: Date): Promise<TransportRun> {
  const venue = expectStatus(
    await api<{ id: string }>('POST', '/api/performance-event/venues', {
      token: adminToken,
      body: { name: `Hall for ${title}`, kind: 'concert_hall', address: '1 Hope Street', capacity: 500 },
    }),
    201,
  );
  const draft = expectStatus(
    await api<{ id: string }>('POST', '/api/performance-event/performances', {
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
  expectStatus(await api('POST', `/api/performance-event/performances/${draft.id}/publish`, { token: adminToken }), 200);
  await waitFor(
    async () =>
      (await api<Page<{ id: string }>>('GET', '/api/parent-engagement/performances?limit=100', { token: adminToken })).body.items?.some(
        (p) => p.id === draft.id,
      ),
    {
      timeoutMs: 15_000,
      intervalMs: 200,
      description: 'parent engagement to learn of the performance',
    },
  );
  const pickupAt = new Date(startsAt.getTime() - 90 * 60_000).toISOString();
  return expectStatus(
    await api<TransportRun>('POST', '/api/parent-engagement/transport-runs', {
      token: adminToken,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        performanceId: draft.id,
        vehicle: '53-seat coach',
        seats: 53,
        outboundDepartsAt: pickupAt,
        stops: [{ name: 'School gate', place: 'Front gate', pickupAt }],
      },
    }),
    201,
  );
}

async function book(token: string, run: TransportRun, pupilId: string): Promise<void> {
  const booking = expectStatus(
    await api<{ status: string }>('POST', '/api/parent-engagement/transport-bookings', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [pupilId] },
    }),
    201,
  );
  expect(booking.status).toBe('confirmed');
}

describe('a family invited through the API', () => {
  const admin = demo('liverpool', 'programme_admin');

  it('is emailed its booking confirmation at its account’s address, without saving contact preferences', async () => {
    const adminToken = await system.signIn(admin.email);
    const title = `Invited Family Gala ${randomUUID().slice(0, 8)}`;
    const run = await performanceWithBus(adminToken, title, new Date(Math.ceil(Date.now() / DAY) * DAY + 20 * DAY + 18 * HOUR));

    const email = `invited-${randomUUID().slice(0, 8)}@example.org`;
    const invited = expectStatus(
      await api<{ id: string }>('POST', '/identity/accounts', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { email, displayName: 'Bożena Wiśniewska' },
      }),
      201,
    );
    const [pupil] = expectStatus(
      await api<Page<{ id: string; schoolId: string }>>('GET', '/api/scheduling/pupils?limit=1', { token: adminToken }),
      200,
    ).items;
    expectStatus(
      await api('POST', '/identity/guardian-links', {
        token: adminToken,
        body: {
          accountId: invited.id,
          pupilId: pupil.id,
          schoolId: pupil.schoolId,
          relationship: 'parent',
          canBookTransport: true,
          canGiveConsent: true,
        },
      }),
      201,
    );
    const invitation = await mailTo(email, /invit/i);
    const token = /accept-invitation\?token=([^\s"&<]+)/.exec(invitation.text)?.[1];
    if (!token) throw new Error(`no invitation link in: ${invitation.text}`);
    const session = expectStatus(
      await api<{ accessToken: string }>('POST', '/auth/invitations/accept', {
        body: { token: decodeURIComponent(token), password: 'seven cellos at dawn' },
      }),
      200,
    );

    // The family has its account's address by the time it books (the link's event, not anything the family did).
    const family = await waitFor(
      async () => {
        const seen = expectStatus(
          await api<{ email: string | null; version: number }>('GET', '/api/parent-engagement/families/me', { token: session.accessToken }),
          200,
        );
        return seen.email !== null && seen;
      },
      { timeoutMs: 15_000, intervalMs: 200, description: 'the family to have its account’s address' },
    );
    expect(family).toMatchObject({ email, version: expect.any(Number) });

    await book(session.accessToken, run, pupil.id);
    const confirmation = await mailTo(email, new RegExp(`^Transport booked: ${title}$`));
    expect(confirmation.text).toContain('School gate');
  });
});

describe('an area’s time zone, changed through PATCH /identity/tenant', () => {
  const area = 'lambeth';
  const admin = demo(area, 'programme_admin');
  const guardian = demo(area, 'guardian');
  let adminToken: string;

  /** A one-off session at 16:00 local on the first school day from `from` that scheduling accepts. */
  async function sessionAtFour(from: Date): Promise<{ session: Session; occurrence: Occurrence }> {
    const [ensemble] = expectStatus(
      await api<Page<{ id: string }>>('GET', '/api/scheduling/ensembles?limit=1', { token: adminToken }),
      200,
    ).items;
    for (let day = 0; day < 60; day++) {
      const on = new Date(from.getTime() + day * DAY).toISOString().slice(0, 10);
      const created = await api<Session>('POST', '/api/scheduling/sessions', {
        token: adminToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { ensembleId: ensemble.id, recurrence: 'once', firstOn: on, startTime: '16:00', durationMinutes: 60, override: true },
      });
      if (created.status === 400) continue; // not a school day
      const session = expectStatus(created, 201);
      const [occurrence] = expectStatus(
        await api<Page<Occurrence>>('GET', `/api/scheduling/occurrences?sessionId=${session.id}`, { token: adminToken }),
        200,
      ).items;
      return { session, occurrence };
    }
    throw new Error('no school day in the next 60 days');
  }

  beforeAll(async () => {
    adminToken = await system.signIn(admin.email);
  });

  it('sets when the next session scheduling plans starts, and the local times of the family’s booking messages', async () => {
    const from = new Date(Date.now() + 14 * DAY);
    const before = await sessionAtFour(from);
    expect(before.session.timeZone).toBe('Europe/London');

    const current = await api('GET', '/identity/tenant', { token: adminToken });
    expectStatus(
      await api('PATCH', '/identity/tenant', {
        token: adminToken,
        headers: { 'if-match': current.headers.get('etag') ?? '' },
        body: { timeZone: 'Europe/Berlin' },
      }),
      200,
    );

    // Each try plans a new session; the first after scheduling applied identity.tenant.updated is in Berlin time.
    const after = await waitFor(
      async () => {
        const planned = await sessionAtFour(from);
        return planned.session.timeZone === 'Europe/Berlin' && planned;
      },
      { timeoutMs: 15_000, intervalMs: 250, description: 'scheduling to plan in the new time zone' },
    );
    expect(after.occurrence.localDate).toBe(before.occurrence.localDate);
    // 16:00 in Berlin is an hour before 16:00 in London, winter or summer.
    expect(new Date(before.occurrence.startsAt).getTime() - new Date(after.occurrence.startsAt).getTime()).toBe(HOUR);

    // Parent engagement: the confirmation tells the pick-up time in Berlin time (17:30 UTC in winter or 16:30 UTC in summer is 18:30 there).
    const startsAt = new Date(Math.ceil(Date.now() / DAY) * DAY + 22 * DAY);
    const berlinOffsetHours = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(startsAt),
    );
    startsAt.setUTCHours(20 - berlinOffsetHours); // 20:00 in Berlin: pick-up at 18:30 there
    const title = `Time Zone Gala ${randomUUID().slice(0, 8)}`;
    const run = await performanceWithBus(adminToken, title, startsAt);
    const guardianToken = await system.signIn(guardian.email);
    const me = expectStatus(
      await api<{ children: { pupilId: string; canBookTransport: boolean }[] }>('GET', '/identity/me', { token: guardianToken }),
      200,
    );
    const child = me.children.find((candidate) => candidate.canBookTransport);
    if (!child) throw new Error('the demo guardian has no child whose transport they may book');
    await book(guardianToken, run, child.pupilId);
    const confirmation = await mailTo(guardian.email, new RegExp(`^Transport booked: ${title}$`));
    expect(confirmation.text).toContain('18:30');
    expect(confirmation.text).not.toMatch(/1[67]:30/);
  });
});
