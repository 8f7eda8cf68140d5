import { addDays, todayIn, zonedDateTime } from '@tutti/platform';
import { expecting, ifMatch, type ApiRow } from '../testing/api';
import { adminOf, headteacherOf, newTenantId, tutorOf } from '../testing/identities';
import { clearToWorkWithChildren, dbsNumberFor } from '../testing/safeguarding';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { announceTenant } from '../testing/tenants';
import { flagExpiry } from './safeguarding-flags';

interface Refusal {
  detail: string;
  conflicts: { rule: string; staffId: string; reasons: string[] }[];
}
interface ReminderDue {
  kind: string;
  dueAt: Date;
  status: string;
  payload: { expiresOn: string };
}

const TODAY = todayIn('Europe/London');
const EXPIRED_NUMBER = dbsNumberFor(7001);
const CLEARED_NUMBER = dbsNumberFor(7002);

describe('safeguarding: DBS checks and training decide who may work with children', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  let ensemble: string;
  let expiredTutor: string;
  let clearedTutor: string;

  const record = (staffId: string, body: unknown, headers: Record<string, string> = { 'if-match': '"0"' }) =>
    kit.call<ApiRow & Refusal>(admin, 'PUT', `/safeguarding/staff/${staffId}`, body, headers);
  const newTutor = async (displayName: string): Promise<string> =>
    (await call(admin, 'POST', '/staff', { kind: 'tutor', displayName, schoolIds: [school] }, 201)).id;
  /** A one-off session of the ensemble on the first school day from `from`, with these tutors; the response as it came. */
  async function sessionFrom(from: string, tutorIds: string[]) {
    for (let day = 0; day < 30; day++) {
      const created = await kit.call<ApiRow & Refusal>(
        admin,
        'POST',
        '/sessions',
        { ensembleId: ensemble, recurrence: 'once', firstOn: addDays(from, day), startTime: '16:00', durationMinutes: 60, tutorIds },
        { 'idempotency-key': `${from}-${day}-${tutorIds.join()}-${Math.random()}` },
      );
      if (created.status !== 400) return created;
    }
    throw new Error(`no school day in the 30 days from ${from}`);
  }
  const remindersOf = (staffId: string) =>
    kit.db.query<ReminderDue[]>(
      `SELECT kind, due_at AS "dueAt", status, payload FROM reminders WHERE tenant_id = $1 AND subject_id = $2 ORDER BY due_at, kind`,
      [tenantId, staffId],
    );
  const eventsOf = (type: string, staffId: string) =>
    kit.db
      .query<{ payload: Record<string, unknown> }[]>(
        `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = $2 AND payload->>'staffId' = $3 ORDER BY occurred_at, id`,
        [tenantId, type, staffId],
      )
      .then((found) => found.map((row) => row.payload));

  beforeAll(async () => {
    call = expecting(kit);
    await announceTenant(kit.app, tenantId, { timeZone: 'Europe/London' });
    school = (await call(admin, 'POST', '/schools', { name: 'Safe Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Other Primary', phase: 'primary' }, 201)).id;
    ensemble = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Y4 Brass', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    expiredTutor = await newTutor('Ed Expired');
    clearedTutor = await newTutor('Clara Cleared');
    // Issued three years and ten days ago, never checked on the Update Service since: expired ten days ago.
    const expired = await record(expiredTutor, {
      dbs: { number: EXPIRED_NUMBER, level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -3 * 365 - 10) },
      training: { completedOn: addDays(TODAY, -100), level: 'Level 2', expiresOn: addDays(TODAY, 600) },
    });
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ status: 'not_cleared', reasons: ['dbs-expired'], expiresOn: null, version: 1 });
    await clearToWorkWithChildren(kit, admin, clearedTutor);
  });

  it('refuses a tutor with an expired DBS on a session, naming why (409), and accepts a cleared one', async () => {
    const refused = await sessionFrom(addDays(TODAY, 7), [clearedTutor, expiredTutor]);
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([{ rule: 'safeguarding-not-cleared', staffId: expiredTutor, reasons: ['dbs-expired'] }]);
    expect(refused.body.detail).toContain('Ed Expired has a DBS check that has expired');

    const accepted = await sessionFrom(addDays(TODAY, 7), [clearedTutor]);
    expect(accepted.status).toBe(201);
    const [occurrence] = (await call<{ items: ApiRow[] }>(admin, 'GET', `/occurrences?sessionId=${accepted.body.id}`, undefined, 200))
      .items;
    const swap = await kit.call<Refusal>(
      admin,
      'PUT',
      `/occurrences/${occurrence.id}/tutors`,
      { staffIds: [expiredTutor] },
      ifMatch(occurrence),
    );
    expect(swap.status).toBe(409);
    expect(swap.body.conflicts[0]).toMatchObject({ rule: 'safeguarding-not-cleared', staffId: expiredTutor, reasons: ['dbs-expired'] });
    const unchanged = await call<{ tutorIds: string[] }>(admin, 'GET', `/occurrences/${occurrence.id}`, undefined, 200);
    expect(unchanged.tutorIds).toEqual([clearedTutor]);
  });

  it('refuses a member of staff on an ensemble without a check, below enhanced with barred list, or with training expired', async () => {
    const unrecorded = await newTutor('Nora None');
    const basic = await newTutor('Bea Basic');
    const untrained = await newTutor('Tom Lapsed');
    expect(
      (
        await record(basic, {
          dbs: { number: dbsNumberFor(7003), level: 'enhanced', issuedOn: addDays(TODAY, -30) },
          training: { completedOn: addDays(TODAY, -30), level: 'Level 2', expiresOn: addDays(TODAY, 700) },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await record(untrained, {
          dbs: { number: dbsNumberFor(7004), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -30) },
          training: { completedOn: addDays(TODAY, -800), level: 'Level 2', expiresOn: addDays(TODAY, -1) },
        })
      ).status,
    ).toBe(200);
    const add = (staffId: string) =>
      kit.call<Refusal>(admin, 'POST', `/ensembles/${ensemble}/members`, { staffId }, { 'idempotency-key': `member-${staffId}` });
    const cases: [string, string[]][] = [
      [unrecorded, ['dbs-missing', 'training-missing']],
      [basic, ['dbs-level-too-low']],
      [untrained, ['training-expired']],
      [expiredTutor, ['dbs-expired']],
    ];
    for (const [staffId, reasons] of cases) {
      const refused = await add(staffId);
      expect(refused.status).toBe(409);
      expect(refused.body.conflicts).toEqual([{ rule: 'safeguarding-not-cleared', staffId, reasons }]);
    }
    expect((await add(clearedTutor)).status).toBe(201);
  });

  it('flags an assigned tutor to the programme admin 30 days before the check runs out and on the day it does', async () => {
    const soon = await newTutor('Sam Soon');
    const runsOut = addDays(TODAY, 45);
    // Cleared today: the DBS check is valid for years, the training runs out in 45 days.
    const written = await record(soon, {
      dbs: { number: dbsNumberFor(7005), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -200) },
      training: { completedOn: addDays(TODAY, -1000), level: 'Level 2', expiresOn: runsOut },
    });
    expect(written.body).toMatchObject({ status: 'cleared', reasons: [], expiresOn: runsOut });
    expect((await sessionFrom(addDays(TODAY, 7), [soon])).status).toBe(201);

    // Two reminders, at 08:00 London time 30 days before and on the day.
    const reminders = await remindersOf(soon);
    expect(reminders.map((reminder) => [reminder.kind, reminder.dueAt.toISOString(), reminder.status, reminder.payload.expiresOn])).toEqual(
      [
        ['safeguarding.expiring', zonedDateTime(addDays(runsOut, -30), '08:00', 'Europe/London').toISOString(), 'scheduled', runsOut],
        ['safeguarding.expired', zonedDateTime(runsOut, '08:00', 'Europe/London').toISOString(), 'scheduled', runsOut],
      ],
    );
    // Not on the dashboard yet: 45 days is further off than 30.
    const before = await call<{ items: { staffId: string }[] }>(admin, 'GET', '/safeguarding/alerts', undefined, 200);
    expect(before.items.map((item) => item.staffId)).not.toContain(soon);

    // The reminders fire (the worker's deliverer): flagged in advance, then on expiry.
    for (const reminder of reminders) expect(await flagExpiry(kit.db, { tenantId, subjectId: soon, ...reminder })).toBe(true);
    const flags = await eventsOf('scheduling.safeguarding.flagged', soon);
    expect(flags).toEqual([
      expect.objectContaining({ stage: 'expiring', expiresOn: runsOut, reasons: [], upcomingSessions: 1, displayName: 'Sam Soon' }),
      expect.objectContaining({ stage: 'expired', expiresOn: runsOut, reasons: ['training-expired'], upcomingSessions: 1 }),
    ]);
    const statuses = await eventsOf('scheduling.safeguarding.changed', soon);
    expect(statuses.map((status) => [status.status, status.asOf])).toEqual([
      ['cleared', TODAY],
      ['not_cleared', runsOut],
    ]);
    expect(JSON.stringify(statuses)).not.toContain(dbsNumberFor(7005));

    // Renewed training: the old reminders are cancelled, new ones planned, and a stale one that fires anyway does nothing.
    const current = await call<ApiRow>(admin, 'GET', `/safeguarding/staff/${soon}`, undefined, 200);
    const renewed = await record(
      soon,
      {
        dbs: { number: dbsNumberFor(7005), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -200) },
        training: { completedOn: TODAY, level: 'Level 3', expiresOn: addDays(TODAY, 1000) },
      },
      ifMatch(current),
    );
    expect(renewed.status).toBe(200);
    const after = await remindersOf(soon);
    expect(after.filter((reminder) => reminder.status === 'cancelled')).toHaveLength(2);
    // Now the DBS check (3 years from its issue, 200 days ago) runs out first.
    const renewedOn = (renewed.body as unknown as { expiresOn: string; dbs: { expiresOn: string } }).expiresOn;
    expect(renewedOn).toBe((renewed.body as unknown as { dbs: { expiresOn: string } }).dbs.expiresOn);
    expect(after.filter((reminder) => reminder.status === 'scheduled').map((reminder) => reminder.payload.expiresOn)).toEqual([
      renewedOn,
      renewedOn,
    ]);
    expect(await flagExpiry(kit.db, { tenantId, subjectId: soon, ...reminders[1] })).toBe(false);
  });

  it('lists on the dashboard the assigned staff whose check runs out within 30 days or has run out', async () => {
    const within = await newTutor('Wendy Within');
    const lapsed = await newTutor('Larry Lapsed');
    await record(within, {
      dbs: { number: dbsNumberFor(7006), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -3 * 365 + 20) },
      training: { completedOn: addDays(TODAY, -10), level: 'Level 2', expiresOn: addDays(TODAY, 700) },
    });
    await clearToWorkWithChildren(kit, admin, lapsed);
    expect((await sessionFrom(addDays(TODAY, 8), [within, lapsed])).status).toBe(201);
    // Larry's certificate turns out to be older than recorded: now expired, while already rostered.
    const current = await call<ApiRow>(admin, 'GET', `/safeguarding/staff/${lapsed}`, undefined, 200);
    await call(
      admin,
      'PUT',
      `/safeguarding/staff/${lapsed}`,
      {
        dbs: { number: dbsNumberFor(7007), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -4 * 365) },
        training: { completedOn: addDays(TODAY, -10), level: 'Level 2', expiresOn: addDays(TODAY, 700) },
      },
      200,
      ifMatch(current),
    );
    const alerts = await call<{ asOf: string; items: ApiRow[] }>(admin, 'GET', '/safeguarding/alerts', undefined, 200);
    expect(alerts.asOf).toBe(TODAY);
    const byId = new Map(alerts.items.map((item) => [item.staffId, item]));
    expect(byId.get(within)).toMatchObject({ status: 'expiring', reasons: [], upcomingSessions: 1 });
    expect(byId.get(lapsed)).toMatchObject({ status: 'not_cleared', reasons: ['dbs-expired'], upcomingSessions: 1 });
    expect(byId.has(clearedTutor)).toBe(false);
    expect(JSON.stringify(alerts)).not.toMatch(/\d{12}/);
    // Each record listed is an audited read.
    const audited = await kit.db.query<{ subject: string }[]>(
      `SELECT payload->>'subjectId' AS subject FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded'
         AND payload->>'subjectType' = 'safeguarding_record' AND payload->>'action' = 'read'`,
      [tenantId],
    );
    expect(audited.map((row) => row.subject)).toEqual(expect.arrayContaining([within, lapsed]));
  });

  it('shows the DBS number to programme admins only: a headteacher sees the status and expiry', async () => {
    const head = headteacherOf(tenantId, [school]);
    const otherHead = headteacherOf(tenantId, [otherSchool]);
    const asAdmin = await call<ApiRow>(admin, 'GET', `/safeguarding/staff/${clearedTutor}`, undefined, 200);
    expect(asAdmin.dbs).toMatchObject({ level: 'enhanced_barred_list', number: expect.stringMatching(/^\d{12}$/) });
    const expiredAsAdmin = await call<ApiRow>(admin, 'GET', `/safeguarding/staff/${expiredTutor}`, undefined, 200);
    expect(expiredAsAdmin.dbs).toMatchObject({ number: EXPIRED_NUMBER });

    const asHead = await kit.call<ApiRow>(head, 'GET', `/safeguarding/staff/${expiredTutor}`);
    expect(asHead.status).toBe(200);
    expect(asHead.body).toEqual({
      staffId: expiredTutor,
      displayName: 'Ed Expired',
      kind: 'tutor',
      status: 'not_cleared',
      reasons: ['dbs-expired'],
      expiresOn: null,
      version: 1,
    });
    expect(JSON.stringify(asHead.body)).not.toContain(EXPIRED_NUMBER);
    expect(JSON.stringify((await kit.call(head, 'GET', `/safeguarding/staff/${clearedTutor}`)).body)).not.toContain(CLEARED_NUMBER);
    expect(JSON.stringify((await kit.call(head, 'GET', `/safeguarding/staff/${clearedTutor}`)).body)).not.toMatch(/\d{12}/);
    expect((await kit.call(tutorOf(tenantId, [school]), 'GET', `/safeguarding/staff/${expiredTutor}`)).body).not.toHaveProperty('dbs');

    expect((await kit.call(otherHead, 'GET', `/safeguarding/staff/${expiredTutor}`)).status).toBe(404);
    expect((await kit.call(adminOf(newTenantId()), 'GET', `/safeguarding/staff/${expiredTutor}`)).status).toBe(404);
    expect((await kit.call(head, 'PUT', `/safeguarding/staff/${expiredTutor}`, {}, { 'if-match': '"1"' })).status).toBe(403);
    expect((await kit.call(head, 'GET', '/safeguarding/alerts')).status).toBe(403);
    // The headteacher's read is audited, saying the number was not shown.
    const [read] = await kit.db.query<{ detail: Record<string, unknown> }[]>(
      `SELECT payload->'detail' AS detail FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded'
         AND payload->>'subjectId' = $2 AND payload->>'actorUserId' = $3`,
      [tenantId, expiredTutor, head.userId],
    );
    expect(read.detail).toEqual({ dbsNumberShown: false });
  });

  it('edits with If-Match only (428 without, 412 when stale) and names bad fields (400)', async () => {
    const staffId = await newTutor('Ida Edit');
    const body = { dbs: { number: dbsNumberFor(7008), level: 'enhanced_barred_list', issuedOn: addDays(TODAY, -10) } };
    expect((await record(staffId, body, {})).status).toBe(428);
    expect((await record(staffId, body, { 'if-match': '"3"' })).status).toBe(412);
    const first = await record(staffId, body);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.body).toMatchObject({ status: 'not_cleared', reasons: ['training-missing'], training: null });
    const stale = await record(staffId, body, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect((stale.body as unknown as { currentETag: string }).currentETag).toBe('"1"');

    const bad = await record(staffId, { dbs: { number: '12AB', level: 'gold', issuedOn: '2026-02-30' } }, { 'if-match': '"1"' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/number/);
    expect(JSON.stringify(bad.body)).toMatch(/level/);
    const backwards = await record(
      staffId,
      { training: { completedOn: TODAY, level: 'Level 2', expiresOn: addDays(TODAY, -1) } },
      { 'if-match': '"1"' },
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('training.expiresOn');
    expect((await kit.call(admin, 'PUT', `/safeguarding/staff/${newTenantId()}`, body, { 'if-match': '"0"' })).status).toBe(404);
  });
});
