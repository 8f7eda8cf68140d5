import { newId } from '@tutti/platform';
import { auditEntriesAbout, auditLine, newTenantId, pdfText, personas } from '@tutti/testing';
import type { ReminderRow } from '@tutti/messaging';
import {
  HOUR,
  newTestRun,
  publishPerformance,
  runBody,
  useEngagementTestKit,
  type EngagementTestKit,
} from '../testing/engagement-test-kit';
import { ManifestService } from './manifest.service';
import { TransportBookingsService } from './transport-bookings.service';

describe('transport runs and seat bookings', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const admin = personas.programmeAdmin(tenantId);
  const family = (schoolId = schoolA) => personas.guardian(tenantId, [{ pupilId: newId(), schoolId }]);
  const pupilOf = (guardian: ReturnType<typeof family>) => (guardian.grants[0] as { pupils: { pupilId: string }[] }).pupils[0].pupilId;

  const newRun = (seats: number, extra: Record<string, unknown> = {}) => newTestRun(kit, tenantId, seats, { extra });

  const book = (
    guardian: ReturnType<typeof family>,
    run: { id: string; stops: { id: string }[] },
    body: Record<string, unknown> = {},
    key?: string,
  ) =>
    kit.call(
      guardian,
      'POST',
      '/transport-bookings',
      { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [pupilOf(guardian)], ...body },
      key ? { 'idempotency-key': key } : {},
    );

  describe('runs (staff)', () => {
    it('creates a run with its stops for a known performance', async () => {
      const run = await newRun(10);
      const response = await kit.call(admin, 'GET', `/transport-runs/${run.id}`);
      expect(response.json()).toMatchObject({
        seats: 10,
        seatsTaken: 0,
        seatsLeft: 10,
        status: 'open',
        performance: { title: 'Winter Concert' },
      });
      expect(response.json().stops.map((stop: { name: string }) => stop.name)).toEqual(['Faith Street Primary', 'Everton Library']);
      const listed = await kit.call(family(), 'GET', `/transport-runs?performanceId=${run.performance.id}`);
      expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([run.id]);
    });

    it('refuses a guardian (403), an unknown performance (404) and bad input (400 naming the field)', async () => {
      const { performanceId, startsAt } = await publishPerformance(kit, tenantId);
      expect((await kit.call(family(), 'POST', '/transport-runs', runBody(performanceId, startsAt, 5))).statusCode).toBe(403);
      expect((await kit.call(admin, 'POST', '/transport-runs', runBody(newId(), startsAt, 5))).statusCode).toBe(404);
      const bad = await kit.call(
        admin,
        'POST',
        '/transport-runs',
        runBody(performanceId, startsAt, 0, { outboundDepartsAt: '2026-13-01' }),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['seats', 'outboundDepartsAt']),
      );
      const noStops = await kit.call(admin, 'POST', '/transport-runs', runBody(performanceId, startsAt, 5, { stops: [{ name: 'x' }] }));
      expect(noStops.json().errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['stops[0].place', 'stops[0].pickupAt']),
      );
    });
  });

  describe('booking', () => {
    it('confirms while seats last, then waitlists in order (201, not an error)', async () => {
      const run = await newRun(3);
      const first = await book(family(), run, { adults: 1 });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ status: 'confirmed', seats: 2, waitlistPlace: null });
      expect((await book(family(), run, { adults: 0 })).json()).toMatchObject({ status: 'confirmed', seats: 1 });
      const waiting = await book(family(), run, { adults: 0 });
      expect(waiting.statusCode).toBe(201);
      expect(waiting.json()).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
      expect((await book(family(), run, { adults: 0 })).json()).toMatchObject({ status: 'waitlisted', waitlistPlace: 2 });
      expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json()).toMatchObject({
        seatsTaken: 3,
        seatsLeft: 0,
      });
    });

    it('answers a retry with the same Idempotency-Key with the first answer, and refuses the key with another body (422)', async () => {
      const run = await newRun(5);
      const guardian = family();
      const first = await book(guardian, run, {}, 'key-1');
      const retry = await book(guardian, run, {}, 'key-1');
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      expect((await book(guardian, run, { adults: 2 }, 'key-1')).statusCode).toBe(422);
      expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json().seatsTaken).toBe(2);
    });

    it('refuses more than the area’s per-family limit with a 409 saying so', async () => {
      const run = await newRun(20);
      const guardian = family();
      expect((await book(guardian, run, { adults: 2, otherChildren: 1 })).json().status).toBe('confirmed');
      const over = await book(guardian, run, { adults: 1, pupilIds: [] });
      expect(over.statusCode).toBe(409);
      expect(over.json().conflicts).toEqual([{ rule: 'family-seat-limit', limit: 4, alreadyBooked: 4, requested: 1 }]);
    });

    it('follows the tenant’s seat limit from the gateway’s tenant events', async () => {
      const otherTenant = newTenantId();
      await kit.applyEvent(otherTenant, 'identity.tenant.updated', {
        version: 1,
        tenantId: otherTenant,
        name: 'Leeds',
        slug: 'leeds',
        timeZone: 'Europe/London',
        weeklyProvisionTargetMinutes: 240,
        familyLanguages: ['en'],
        familyTransportSeatLimit: 2,
      });
      const { performanceId, startsAt } = await publishPerformance(kit, otherTenant);
      const run = (
        await kit.call(personas.programmeAdmin(otherTenant), 'POST', '/transport-runs', runBody(performanceId, startsAt, 9))
      ).json();
      const guardian = personas.guardian(otherTenant, [{ pupilId: newId(), schoolId: schoolA }]);
      const response = await book(guardian, run, { adults: 2 });
      expect(response.statusCode).toBe(409);
      expect(response.json().conflicts[0]).toMatchObject({ rule: 'family-seat-limit', limit: 2 });
    });

    it('refuses a booking after the cut-off with a 409 saying so, and lists the bus as not taking bookings', async () => {
      const run = await newRun(5);
      const guardian = family();
      const bookingOpenOf = async () =>
        (await kit.call(guardian, 'GET', `/transport-runs?performanceId=${run.performance.id}`)).json().items[0].bookingOpen;
      expect(await bookingOpenOf()).toBe(true);
      await kit.db.query(`UPDATE transport_runs SET bookings_close_at = now() - interval '1 minute' WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        run.id,
      ]);
      expect(await bookingOpenOf()).toBe(false);
      expect((await kit.call(guardian, 'GET', `/transport-runs/${run.id}`)).json()).toMatchObject({
        status: 'open',
        bookingOpen: false,
      });
      const response = await book(guardian, run);
      expect(response.statusCode).toBe(409);
      expect(response.json().conflicts[0].rule).toBe('bookings-closed');
    });

    it('lists the bus of a cancelled performance as not taking bookings', async () => {
      const run = await newRun(5);
      await kit.applyEvent(tenantId, 'performance.performance.cancelled', {
        version: 1,
        performanceId: run.performance.id,
        reason: 'Snow.',
      });
      expect((await kit.call(family(), 'GET', `/transport-runs/${run.id}`)).json()).toMatchObject({
        status: 'cancelled',
        bookingOpen: false,
      });
    });

    it('refuses a child who is not the caller’s, a stop of another run, a child booked twice and an empty booking', async () => {
      const run = await newRun(5);
      const other = await newRun(5);
      const guardian = family();
      const notMine = await book(guardian, run, { pupilIds: [newId()] });
      expect(notMine.statusCode).toBe(400);
      expect(notMine.json().errors[0].field).toBe('pupilIds');
      const wrongStop = await book(guardian, run, { stopId: other.stops[0].id });
      expect(wrongStop.json().errors[0].field).toBe('stopId');
      expect((await book(guardian, run, { adults: 0, pupilIds: [] })).json().errors[0].field).toBe('adults');
      expect((await book(guardian, run)).statusCode).toBe(201);
      const twice = await book(guardian, run, { adults: 0 });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().conflicts[0].rule).toBe('pupil-already-booked');
      expect((await book(guardian, { id: newId(), stops: run.stops })).statusCode).toBe(404);
    });
  });

  describe('who sees a booking', () => {
    it('shows a booking to its family and their school’s staff only; 404 to everyone else', async () => {
      const run = await newRun(5);
      const guardian = family(schoolA);
      const booking = (await book(guardian, run)).json();
      const url = `/transport-bookings/${booking.id}`;
      const status = async (identity: Parameters<EngagementTestKit['call']>[0]) => (await kit.call(identity, 'GET', url)).statusCode;
      expect(await status(guardian)).toBe(200);
      expect(await status(personas.headteacher(tenantId, schoolA))).toBe(200);
      expect(await status(admin)).toBe(200);
      expect(await status(family(schoolA))).toBe(404);
      expect(await status(personas.headteacher(tenantId, schoolB))).toBe(404);
      expect(await status(personas.programmeAdmin(newTenantId()))).toBe(404);
      expect(await status(personas.evaluator(tenantId))).toBe(403);
      expect((await kit.call(family(schoolA), 'POST', `${url}/cancel`)).statusCode).toBe(404);
      const mine = await kit.call(guardian, 'GET', '/transport-bookings');
      expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([booking.id]);
      expect((await kit.call(family(schoolA), 'GET', '/transport-bookings')).json().items).toEqual([]);
    });

    it("shows a guardian the other guardian's booking of adults only, which counts against their family's limit, and lets either cancel it; not his booking of another family's child", async () => {
      const run = await newRun(10);
      const child = newId();
      const [mum, dad] = [
        personas.guardian(tenantId, [{ pupilId: child, schoolId: schoolA }]),
        personas.guardian(tenantId, [{ pupilId: child, schoolId: schoolA }]),
      ];
      const dads = (await book(dad, run, { adults: 2, pupilIds: [] })).json();
      const url = `/transport-bookings/${dads.id}`;
      expect((await kit.call(mum, 'GET', url)).json()).toMatchObject({ id: dads.id, adults: 2 });
      expect((await kit.call(mum, 'GET', '/transport-bookings')).json().items.map((item: { id: string }) => item.id)).toEqual([dads.id]);
      expect((await kit.call(family(schoolA), 'GET', url)).statusCode).toBe(404);
      expect((await kit.call(family(schoolA), 'POST', `${url}/cancel`)).statusCode).toBe(404);
      const cancelled = await kit.call(mum, 'POST', `${url}/cancel`);
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');

      // Dad's booking of his child from another family is not mum's to see.
      const stepChild = newId();
      const dadOfTwo = personas.guardian(tenantId, [
        { pupilId: child, schoolId: schoolA },
        { pupilId: stepChild, schoolId: schoolA },
      ]);
      const stepChildBooking = (await book(dadOfTwo, run, { adults: 1, pupilIds: [stepChild] })).json();
      expect((await kit.call(mum, 'GET', `/transport-bookings/${stepChildBooking.id}`)).statusCode).toBe(404);
    });
  });

  describe('cancellation, offers and expiry', () => {
    it('offers a freed seat to the first on the waitlist, who can accept it', async () => {
      const run = await newRun(1);
      const [holder, first, second] = [family(), family(), family()];
      const held = (await book(holder, run, { adults: 0 })).json();
      const firstBooking = (await book(first, run, { adults: 0 })).json();
      const secondBooking = (await book(second, run, { adults: 0 })).json();
      expect((await kit.call(holder, 'POST', `/transport-bookings/${held.id}/cancel`)).json().status).toBe('cancelled');
      const offered = (await kit.call(first, 'GET', `/transport-bookings/${firstBooking.id}`)).json();
      expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: expect.any(String) });
      expect((await kit.call(second, 'GET', `/transport-bookings/${secondBooking.id}`)).json()).toMatchObject({
        status: 'waitlisted',
        waitlistPlace: 1,
      });
      expect((await book(family(), run, { adults: 0 })).json().status).toBe('waitlisted');
      const accepted = await kit.call(first, 'POST', `/transport-bookings/${firstBooking.id}/accept`);
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().status).toBe('confirmed');
      expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json().seatsTaken).toBe(1);
    });

    it('lets an unanswered offer expire and passes it on to the next family', async () => {
      const run = await newRun(1);
      const [holder, first, second] = [family(), family(), family()];
      const held = (await book(holder, run, { adults: 0 })).json();
      const firstBooking = (await book(first, run, { adults: 0 })).json();
      const secondBooking = (await book(second, run, { adults: 0 })).json();
      await kit.call(holder, 'POST', `/transport-bookings/${held.id}/cancel`);
      await kit.db.query(`UPDATE transport_bookings SET offer_expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        firstBooking.id,
      ]);
      // What the offer's timer reminder does when it fires.
      await kit.app
        .get(TransportBookingsService)
        .expireOffer({ tenantId, payload: { bookingId: firstBooking.id } } as unknown as ReminderRow);
      expect((await kit.call(first, 'GET', `/transport-bookings/${firstBooking.id}`)).json().status).toBe('expired');
      expect((await kit.call(second, 'GET', `/transport-bookings/${secondBooking.id}`)).json().status).toBe('offered');
      const late = await kit.call(first, 'POST', `/transport-bookings/${firstBooking.id}/accept`);
      expect(late.statusCode).toBe(409);
      expect(late.json().conflicts[0].rule).toBe('not-offered');
      const declined = await kit.call(second, 'POST', `/transport-bookings/${secondBooking.id}/decline`);
      expect(declined.json().status).toBe('declined');
      expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json().seatsTaken).toBe(0);
    });

    it('refuses to accept an offer past its expiry even before the timer has run (409 offer-expired)', async () => {
      const run = await newRun(1);
      const [holder, first] = [family(), family()];
      const held = (await book(holder, run, { adults: 0 })).json();
      const firstBooking = (await book(first, run, { adults: 0 })).json();
      await kit.call(holder, 'POST', `/transport-bookings/${held.id}/cancel`);
      await kit.db.query(`UPDATE transport_bookings SET offer_expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        firstBooking.id,
      ]);
      const response = await kit.call(first, 'POST', `/transport-bookings/${firstBooking.id}/accept`);
      expect(response.statusCode).toBe(409);
      expect(response.json().conflicts[0].rule).toBe('offer-expired');
      expect((await kit.call(first, 'GET', `/transport-bookings/${firstBooking.id}`)).json().status).toBe('expired');
    });
  });

  describe('changing a booking', () => {
    const change = (guardian: ReturnType<typeof family>, bookingId: string, payload: Record<string, unknown>) =>
      kit.call(guardian, 'PATCH', `/transport-bookings/${bookingId}`, payload);
    const seatsTaken = async (runId: string) => (await kit.call(admin, 'GET', `/transport-runs/${runId}`)).json().seatsTaken as number;

    it('moves a booking to another stop with more adults while seats are free, and its pick-up reminders with it', async () => {
      const run = await newRun(10);
      const guardian = family();
      const booking = (await book(guardian, run)).json();
      const changed = await change(guardian, booking.id, { stopId: run.stops[1].id, adults: 2 });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ status: 'confirmed', stopId: run.stops[1].id, adults: 2, seats: 3 });
      expect(await seatsTaken(run.id)).toBe(3);
      const stops = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json().stops as {
        id: string;
        pickupAt: string;
      }[];
      const [twoHours]: { due_at: Date }[] = await kit.db.query(
        `SELECT due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND kind = 'transport.pickup-2h' AND status = 'scheduled'`,
        [tenantId, booking.id],
      );
      expect(twoHours.due_at.getTime()).toBe(Date.parse(stops[1].pickupAt) - 2 * HOUR);
    });

    it('gives seats back to the waiting list when a family needs fewer', async () => {
      const run = await newRun(2);
      const [holder, waiting] = [family(), family()];
      const held = (await book(holder, run)).json();
      const queued = (await book(waiting, run, { adults: 0 })).json();
      expect(queued.status).toBe('waitlisted');
      expect((await change(holder, held.id, { adults: 0 })).json()).toMatchObject({ status: 'confirmed', seats: 1 });
      expect((await kit.call(waiting, 'GET', `/transport-bookings/${queued.id}`)).json().status).toBe('offered');
      expect(await seatsTaken(run.id)).toBe(2);
    });

    it('refuses more seats than are free or than the family limit allows (409 saying which), and changes nothing', async () => {
      const run = await newRun(3);
      const guardian = family();
      const booking = (await book(guardian, run)).json();
      const full = await change(guardian, booking.id, { adults: 3 });
      expect(full.statusCode).toBe(409);
      expect(full.json().conflicts[0]).toMatchObject({ rule: 'not-enough-seats', requested: 2, seatsLeft: 1 });
      const roomy = await newRun(20);
      const other = (await book(guardian, roomy)).json();
      const tooMany = await change(guardian, other.id, { adults: 2, otherChildren: 2 });
      expect(tooMany.statusCode).toBe(409);
      expect(tooMany.json().conflicts[0]).toMatchObject({ rule: 'family-seat-limit', limit: 4 });
      expect((await kit.call(guardian, 'GET', `/transport-bookings/${booking.id}`)).json()).toMatchObject({
        adults: 1,
        seats: 2,
      });
      expect(await seatsTaken(run.id)).toBe(2);
    });

    it('answers 400 naming the field, 404 to another family or area, 403 to staff, 409 for an open offer', async () => {
      const run = await newRun(1);
      const [holder, offeredFamily] = [family(), family()];
      const held = (await book(holder, run, { adults: 0 })).json();
      expect((await change(holder, held.id, {})).json().errors[0].field).toBe('stopId');
      expect((await change(holder, held.id, { adults: 21 })).json().errors[0].field).toBe('adults');
      const elsewhere = await newRun(5);
      const wrongStop = await change(holder, held.id, { stopId: elsewhere.stops[0].id });
      expect(wrongStop.statusCode).toBe(400);
      expect(wrongStop.json().errors[0].field).toBe('stopId');
      const adultOnly = (await book(family(), elsewhere, { adults: 1, pupilIds: [] })).json();
      expect(adultOnly.status).toBe('confirmed');
      expect((await change(holder, held.id, { adults: 1 })).statusCode).toBe(409);
      expect((await change(family(), held.id, { adults: 1 })).statusCode).toBe(404);
      expect(
        (await change(personas.guardian(newTenantId(), [{ pupilId: pupilOf(holder), schoolId: schoolA }]), held.id, { adults: 1 }))
          .statusCode,
      ).toBe(404);
      expect((await change(admin as ReturnType<typeof family>, held.id, { adults: 1 })).statusCode).toBe(403);
      const offered = (await book(offeredFamily, run, { adults: 0 })).json();
      await kit.call(holder, 'POST', `/transport-bookings/${held.id}/cancel`);
      const notNow = await change(offeredFamily, offered.id, { adults: 1 });
      expect(notNow.statusCode).toBe(409);
      expect(notNow.json().conflicts[0].rule).toBe('not-changeable');
    });
  });

  describe('on the day', () => {
    it('gives drivers a CSV and a printable manifest per run and stop, and checks families in', async () => {
      const run = await newRun(10);
      const guardian = { ...family(), displayName: 'Ann "Annie" Smith' };
      const booking = (await book(guardian, run, { adults: 2 })).json();
      await book({ ...family(), displayName: 'Łucja Wróbel-Żak' }, run, { stopId: run.stops[1].id, adults: 0 });
      const staff = personas.schoolStaff(tenantId, schoolA);
      expect((await kit.call(staff, 'POST', `/transport-bookings/${booking.id}/check-in`, { present: true })).json().checkedInAt).toEqual(
        expect.any(String),
      );
      const csv = await kit.call(staff, 'GET', `/transport-runs/${run.id}/manifest?stopId=${run.stops[0].id}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('stop,place,pickup_time,booking,family,adults,children,seats,checked_in');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('"Ann ""Annie"" Smith",2,1,3,yes');
      const html = await kit.call(admin, 'GET', `/transport-runs/${run.id}/manifest?format=html`);
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain('Ann &quot;Annie&quot; Smith');
      expect((await kit.call(family(), 'GET', `/transport-runs/${run.id}/manifest`)).statusCode).toBe(403);
      expect((await kit.call(admin, 'GET', `/transport-runs/${run.id}/manifest?format=xlsx`)).json().errors[0].field).toBe('format');
      const pdf = await kit.call(staff, 'GET', `/transport-runs/${run.id}/manifest?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const plain = await kit.app.get(ManifestService).manifest(staff, run.id, run.stops[0].id, 'pdf', { compress: false });
      // Every family's name as written, Polish letters too (an embedded TrueType font, not WinAnsi Helvetica).
      const drawn = pdfText(Buffer.from(plain.body));
      expect(drawn).toEqual(expect.arrayContaining(['Ann "Annie" Smith']));
      const whole = (await kit.app.get(ManifestService).manifest(admin, run.id, undefined, 'pdf', { compress: false })).body;
      expect(pdfText(Buffer.from(whole))).toEqual(expect.arrayContaining(['Ann "Annie" Smith', 'Łucja Wróbel-Żak']));
      expect((await kit.call(family(), 'GET', `/transport-runs/${run.id}/manifest?format=pdf`)).statusCode).toBe(403);
    });
  });

  it('ignores a stale performance event and moves buses when the performance is rescheduled', async () => {
    const run = await newRun(5);
    const performanceId = run.performance.id;
    const before = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    const newStart = new Date(new Date(before.performance.startsAt).getTime() + 24 * HOUR);
    await kit.applyEvent(tenantId, 'performance.performance.rescheduled', {
      version: 1,
      performanceId,
      title: 'Winter Concert',
      startsAt: newStart.toISOString(),
      endsAt: new Date(newStart.getTime() + 2 * HOUR).toISOString(),
      venueName: 'Philharmonic Hall',
    });
    await kit.applyEvent(
      tenantId,
      'performance.performance.published',
      {
        version: 1,
        performanceId,
        title: 'Old',
        startsAt: before.performance.startsAt,
        endsAt: before.performance.startsAt,
        venueName: 'x',
      },
      new Date(Date.now() - HOUR),
    );
    const after = (await kit.call(admin, 'GET', `/transport-runs/${run.id}`)).json();
    expect(after.performance).toMatchObject({ title: 'Winter Concert', startsAt: newStart.toISOString() });
    expect(new Date(after.stops[0].pickupAt).getTime() - new Date(before.stops[0].pickupAt).getTime()).toBe(24 * HOUR);
    expect(new Date(after.bookingsCloseAt).getTime() - new Date(before.bookingsCloseAt).getTime()).toBe(24 * HOUR);
  });

  it('sends a booking and a staff read of it to the audit log, the booking in its own transaction', async () => {
    const run = await newRun(5);
    const guardian = family();
    const booking = (await book(guardian, run)).json() as { id: string };
    const head = personas.headteacher(tenantId, schoolA);
    expect((await kit.call(head, 'GET', `/transport-bookings/${booking.id}`)).statusCode).toBe(200);
    const audit = await auditEntriesAbout(kit, tenantId, booking.id);
    expect(audit.map(auditLine)).toEqual([
      ['parent-engagement', guardian.userId, 'guardian', 'create', 'booking'],
      ['parent-engagement', head.userId, 'headteacher', 'read', 'booking'],
    ]);
    expect(audit[0].payload).toEqual(
      expect.objectContaining({
        service: 'parent-engagement',
        subjectId: booking.id,
        detail: { change: 'create', status: 'confirmed' },
        entryId: expect.any(String),
      }),
    );
  });
});
