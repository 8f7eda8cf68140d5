import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { newTestRun, useEngagementTestKit } from '../testing/engagement-test-kit';

type Guardian = ReturnType<typeof personas.guardian>;
interface Run {
  id: string;
  stops: { id: string }[];
}

/**
 * Bookings that arrive together are decided together (BookingDesk). Each still gets the answer it
 * would get alone: one family's rules hold across the batch, every request its own refusal, and an
 * Idempotency-Key its single booking.
 */
describe('bookings decided together', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();

  const newRun = (seats: number): Promise<Run> => newTestRun(kit, tenantId, seats);

  const book = (guardian: Guardian, run: Run, body: Record<string, unknown>, key: string = newId()) =>
    kit
      .call(
        guardian,
        'POST',
        '/transport-bookings',
        { runId: run.id, stopId: run.stops[0].id, adults: 0, ...body },
        { 'idempotency-key': key },
      )
      .then((response) => ({ status: response.statusCode, body: response.json() }));

  /** Families who each book one child, all at once, around the requests under test. */
  const crowd = (run: Run, count: number) =>
    Array.from({ length: count }, () => {
      const pupilId = newId();
      return book(personas.guardian(tenantId, [{ pupilId, schoolId }]), run, { pupilIds: [pupilId] });
    });

  const bookingsOn = async (runId: string): Promise<{ guardian_id: string; status: string; seats: number }[]> =>
    kit.db.query(`SELECT guardian_id, status, seats FROM transport_bookings WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);

  it('books a child once when both of its guardians book at the same moment', async () => {
    const run = await newRun(100);
    const child = newId();
    const [mum, dad] = [
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
    ];
    const answers = await Promise.all([
      ...crowd(run, 10),
      book(mum, run, { pupilIds: [child] }),
      book(dad, run, { pupilIds: [child] }),
      ...crowd(run, 10),
    ]);
    const theirs = answers.slice(10, 12);
    expect(theirs.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(theirs.find((answer) => answer.status === 409)?.body.conflicts[0]).toMatchObject({
      rule: 'pupil-already-booked',
      pupilIds: [child],
    });
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(21);
  });

  it('holds the family seat limit across two guardians booking at the same moment', async () => {
    const run = await newRun(100);
    const child = newId();
    const [mum, dad] = [
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
    ];
    const answers = await Promise.all([
      ...crowd(run, 8),
      book(mum, run, { adults: 2, pupilIds: [child] }),
      book(dad, run, { adults: 2, pupilIds: [] }),
      ...crowd(run, 8),
    ]);
    const theirs = answers.slice(8, 10);
    expect(theirs.map((answer) => answer.status).sort()).toEqual([201, 409]);
    // Whichever request the batch decides first wins; the refusal counts the winner's seats (mum's 3, dad's 2).
    const [mumsAnswer] = theirs;
    const alreadyBooked = mumsAnswer.status === 201 ? 3 : 2;
    expect(theirs.find((answer) => answer.status === 409)?.body.conflicts[0]).toMatchObject({
      rule: 'family-seat-limit',
      limit: 4,
      alreadyBooked,
    });
  });

  it("counts the other guardian's booking of adults only against the family seat limit", async () => {
    const run = await newRun(100);
    const child = newId();
    const [mum, dad] = [
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
      personas.guardian(tenantId, [{ pupilId: child, schoolId }]),
    ];
    expect((await book(dad, run, { adults: 2, pupilIds: [] })).status).toBe(201);
    const mums = await book(mum, run, { adults: 2, pupilIds: [child] });
    expect(mums.status).toBe(409);
    expect(mums.body.conflicts[0]).toMatchObject({ rule: 'family-seat-limit', limit: 4, alreadyBooked: 2, requested: 3 });
  });

  it("does not count the other guardian's booking of a child of another family (his step-child) against the family seat limit", async () => {
    const run = await newRun(100);
    const [child, stepChild] = [newId(), newId()];
    const mum = personas.guardian(tenantId, [{ pupilId: child, schoolId }]);
    const dad = personas.guardian(tenantId, [
      { pupilId: child, schoolId },
      { pupilId: stepChild, schoolId },
    ]);
    expect((await book(dad, run, { adults: 2, pupilIds: [stepChild] })).status).toBe(201);
    expect((await book(mum, run, { adults: 3, pupilIds: [child] })).status).toBe(201);
  });

  it('lets one family book several buses at once', async () => {
    const runs = await Promise.all([newRun(10), newRun(10), newRun(10)]);
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const answers = await Promise.all(runs.map((run) => book(guardian, run, { adults: 1, pupilIds: [pupilId] })));
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(runs.map(() => [201, 'confirmed']));
  });

  it('makes one booking for a key sent five times at once, and refuses the key with another body', async () => {
    const run = await newRun(100);
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const key = newId();
    const answers = await Promise.all([
      ...crowd(run, 5),
      ...Array.from({ length: 5 }, () => book(guardian, run, { adults: 1, pupilIds: [pupilId] }, key)),
      ...crowd(run, 5),
    ]);
    const retries = answers.slice(5, 10);
    expect(retries.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(retries.map((answer) => answer.body.id)).size).toBe(1);
    expect((await bookingsOn(run.id)).filter((booking) => booking.guardian_id === guardian.userId)).toHaveLength(1);
    const [sameKeyOtherBody, again] = await Promise.all([
      book(guardian, run, { adults: 2, pupilIds: [pupilId] }, key),
      book(guardian, run, { adults: 1, pupilIds: [pupilId] }, key),
    ]);
    expect(sameKeyOtherBody.status).toBe(422);
    expect(again.body).toEqual(retries[0].body);
  });

  it('gives each request in a batch its own answer, and a refused request’s key back for a corrected retry', async () => {
    const run = await newRun(100);
    const otherRun = await newRun(100);
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const [refusedKey, unknownRunKey] = [newId(), newId()];
    const answers = await Promise.all([
      ...crowd(run, 6),
      book(guardian, run, { pupilIds: [pupilId], stopId: otherRun.stops[0].id }, refusedKey),
      book(
        personas.guardian(tenantId, [{ pupilId: newId(), schoolId }]),
        { id: newId(), stops: run.stops },
        { adults: 1, pupilIds: [] },
        unknownRunKey,
      ),
      ...crowd(run, 6),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([...Array(6).fill(201), 400, 404, ...Array(6).fill(201)]);
    expect(answers[6].body.errors[0]).toMatchObject({ field: 'stopId', rule: 'stopOfRun' });
    const corrected = await book(guardian, run, { pupilIds: [pupilId] }, refusedKey);
    expect(corrected).toMatchObject({ status: 201, body: { status: 'confirmed' } });
  });

  it('confirms while seats last and gives the rest places 1, 2, 3 … in the order of the queue', async () => {
    const run = await newRun(5);
    const answers = await Promise.all(crowd(run, 12));
    expect(answers.filter((answer) => answer.body.status === 'confirmed')).toHaveLength(5);
    const placeOf = new Map(
      answers
        .filter((answer) => answer.body.status === 'waitlisted')
        .map((answer) => [answer.body.id as string, answer.body.waitlistPlace as number]),
    );
    const queue: { id: string }[] = await kit.db.query(
      `SELECT id FROM transport_bookings WHERE tenant_id = $1 AND run_id = $2 AND status = 'waitlisted' ORDER BY waitlist_position`,
      [tenantId, run.id],
    );
    expect(queue.map((booking) => placeOf.get(booking.id))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [state] = await kit.db.query(`SELECT seats_taken FROM transport_runs WHERE tenant_id = $1 AND id = $2`, [tenantId, run.id]);
    expect(state.seats_taken).toBe(5);
  });
});
