import type { DataRequestAnsweredV1, DataRequestOpenedV1 } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { answerDataRequest, newTenantId, personas } from '@tutti/testing';
import { HOUR, announceSchool, newTestRun, publishPerformance, useEngagementTestKit } from '../testing/engagement-test-kit';

type Row = Record<string, unknown>;

const RETENTION = {
  attendanceYears: 3,
  familyContactMonthsAfterLeaving: 12,
  pupilRecordYearsAfterLeaving: 25,
  loanYearsAfterReturn: 6,
  messageMonths: 24,
  auditYears: 6,
};

describe('data requests: parent-engagement’s export, erasure and retention (issue 19)', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();
  const classId = newId();
  const pupilId = newId();
  const guardianId = newId();
  const tag = newId().slice(-6);
  // Names and contacts of this spec only, so that the search below finds nothing of other specs.
  const surname = `Quarrington${tag}`;
  const guardianName = `Gwendolyn ${surname}`;
  const childName = `Amira ${surname}`;
  const email = `gwendolyn.${surname.toLowerCase()}@example.org`;
  const phone = `+447700${String(Math.floor(Math.random() * 900000) + 100000)}`;
  const guardian = { ...personas.guardian(tenantId, [{ pupilId, schoolId }]), userId: guardianId, displayName: guardianName };
  const admin = personas.programmeAdmin(tenantId);
  const staff = personas.schoolStaff(tenantId, schoolId);
  const other = { pupilId: newId(), name: 'Bartholomew Other' };
  const otherGuardian = { ...personas.guardian(tenantId, [{ pupilId: other.pupilId, schoolId }]), displayName: other.name };
  const ids: { bookingId?: string; pastRsvpId?: string; announcementId?: string; signUpId?: string } = {};

  async function ok(response: { statusCode: number; body: string; json(): unknown }, status = [200, 201, 204]): Promise<Row> {
    if (!status.includes(response.statusCode)) throw new Error(`answered ${response.statusCode}: ${response.body}`);
    return (response.body ? response.json() : {}) as Row;
  }

  const ask = (tenant: string, request: Omit<DataRequestOpenedV1, 'version' | 'requestId'>) =>
    answerDataRequest(kit, tenant, 'engagement.data-request.answered', request);

  /** Every row of the tenant in every table of the service's schema, as text (what "holds" means below). */
  async function tenantRows(tenant: string, except: (table: string, row: Row) => boolean = () => false): Promise<Record<string, string[]>> {
    const tables: { table_name: string }[] = await kit.db.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'tenant_id' ORDER BY table_name`,
    );
    const held: Record<string, string[]> = {};
    for (const { table_name: table } of tables) {
      const found: { row: Row }[] = await kit.db.query(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE tenant_id = $1`, [tenant]);
      held[table] = found
        .filter(({ row }) => !except(table, row))
        .map(({ row }) => JSON.stringify(row))
        .sort();
    }
    return held;
  }

  /** Where any text or JSON column of the tenant's rows, in any table of the schema, contains `needle`. */
  async function traces(needle: string): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await kit.db.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
          AND EXISTS (SELECT 1 FROM information_schema.columns t WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.column_name = 'tenant_id')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await kit.db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1 AND strpos(lower("${column}"::text), lower($2)) > 0`,
        [tenantId, needle],
      );
      if (n > 0) found.push(`${table}.${column} (${n})`);
    }
    return found;
  }

  beforeAll(async () => {
    await announceSchool(kit, tenantId, schoolId);
    await kit.applyEvent(tenantId, 'scheduling.pupil.enrolled', {
      version: 1,
      pupilId,
      schoolId,
      classId,
      yearGroup: 5,
      firstName: 'Amira',
      lastName: surname,
    });
    for (const [accountId, child, displayName, address] of [
      [guardianId, pupilId, guardianName, email],
      [otherGuardian.userId, other.pupilId, other.name, 'bartholomew@example.org'],
    ]) {
      await kit.applyEvent(tenantId, 'identity.guardian.linked', {
        version: 1,
        guardianLinkId: newId(),
        pupilId: child,
        schoolId,
        accountId,
        email: address,
        displayName,
        preferredLanguage: 'en',
      });
    }
    await ok(
      await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
        email,
        phone,
        language: 'en',
        emailEnabled: true,
        smsEnabled: false,
      }),
    );
    // Consents with a history: granted with a note naming the child, then withdrawn with a reason.
    await ok(
      await kit.call(guardian, 'PUT', `/pupils/${pupilId}/consents/photo_film`, {
        granted: true,
        note: `${childName}: not on social media`,
      }),
    );
    await ok(
      await kit.call(guardian, 'PUT', `/pupils/${pupilId}/consents/photo_film`, {
        granted: false,
        reason: `${childName} is anxious about cameras`,
      }),
    );
    await ok(await kit.call(otherGuardian, 'PUT', `/pupils/${other.pupilId}/consents/trips`, { granted: true, note: 'Fine by us' }));
    // A bus still to leave (booked with an Idempotency-Key: the answer is kept, with the guardian's name).
    const run = await newTestRun(kit, tenantId, 10, { title: 'Spring Gala' });
    ids.bookingId = String(
      (
        await ok(
          await kit.call(
            guardian,
            'POST',
            '/transport-bookings',
            { runId: run.id, stopId: run.stops[0].id, adults: 1, pupilIds: [pupilId] },
            { 'idempotency-key': `book-${tag}` },
          ),
        )
      ).id,
    );
    await ok(
      await kit.call(otherGuardian, 'POST', '/transport-bookings', {
        runId: run.id,
        stopId: run.stops[0].id,
        adults: 0,
        pupilIds: [other.pupilId],
      }),
    );
    const { performanceId } = await publishPerformance(kit, tenantId, 96, 'Summer Prom');
    ids.pastRsvpId = String(
      (
        await ok(
          await kit.call(guardian, 'PUT', `/performances/${performanceId}/rsvp`, { attending: true, adults: 2, pupilIds: [pupilId] }),
        )
      ).id,
    );
    const session = await ok(
      await kit.call(staff, 'POST', '/family-sessions', {
        kind: 'workshop',
        title: 'Make a drum',
        schoolId,
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
        capacity: 5,
      }),
    );
    ids.signUpId = String(
      (await ok(await kit.call(guardian, 'POST', `/family-sessions/${session.id}/sign-ups`, { places: 2, pupilIds: [pupilId] }))).id,
    );
    ids.announcementId = String(
      (
        await ok(
          await kit.call(admin, 'POST', '/announcements', {
            audience: 'school',
            schoolId,
            subject: 'Thank you',
            body: `Thanks to ${guardianName} for the cakes.`,
          }),
        )
      ).id,
    );
    await ok(await kit.call(guardian, 'POST', `/announcements/${ids.announcementId}/read`));
    await ok(await kit.call(guardian, 'POST', '/calendar-feed'));
    // An instrument loan flagged, with the reason staff wrote (it names the child): a notice to the family.
    await kit.applyEvent(tenantId, 'loan.loan.flagged', {
      version: 1,
      loanId: newId(),
      instrumentId: newId(),
      pupilId,
      ensembleId: null,
      reason: `${childName} missed three rehearsals in a row`,
      missedInARow: 3,
    });
  }, 120_000);

  it('exports a guardian’s family: every row it holds about them, field by field', async () => {
    const answer = await ask(tenantId, {
      kind: 'export',
      subject: { type: 'guardian', accountId: guardianId },
      retention: null,
      pseudonym: null,
    });
    expect(answer).toMatchObject({ kind: 'export', service: 'parent-engagement', actions: [] });
    const { records } = answer;
    const held = async (sql: string, params: unknown[]) => ((await kit.db.query(sql, params)) as { row: Row }[]).map(({ row }) => row);
    const expectSame = (exported: unknown[], rowsHeld: Row[]) => {
      expect(exported).toHaveLength(rowsHeld.length);
      const byId = (row: Row) => String(row.id ?? row.guardian_id ?? row.announcement_id ?? row.pupil_id);
      const sorted = [...(exported as Row[])].sort((a, b) => byId(a).localeCompare(byId(b)));
      [...rowsHeld]
        .sort((a, b) => byId(a).localeCompare(byId(b)))
        .forEach((row, i) => {
          for (const [field, value] of Object.entries(row)) {
            if (field === 'tenant_id' || field === 'claimed_until') continue;
            expect({ field, value: sorted[i][field] }).toEqual({ field, value });
          }
        });
    };
    const [family] = records.family as Row[];
    expect(family).toMatchObject({ guardian_id: guardianId, display_name: guardianName, email, phone, account_email: email });
    expectSame(
      records.family,
      await held(`SELECT to_jsonb(f) AS row FROM families f WHERE tenant_id = $1 AND guardian_id = $2`, [tenantId, guardianId]),
    );
    expectSame(records.children, [{ guardian_id: guardianId, pupil_id: pupilId, school_id: schoolId }]);
    // Consents with their history: granted with a note, then withdrawn with a reason.
    expect((records.consents as Row[]).map((row) => [row.decision, row.note, row.reason])).toEqual([
      ['granted', `${childName}: not on social media`, null],
      ['withdrawn', null, `${childName} is anxious about cameras`],
    ]);
    expectSame(
      records.consents,
      await held(`SELECT to_jsonb(c) AS row FROM consent_records c WHERE tenant_id = $1 AND pupil_id = $2`, [tenantId, pupilId]),
    );
    expect((records.bookings as Row[]).map((row) => row.id)).toEqual([ids.bookingId]);
    expectSame(
      records.bookings,
      await held(`SELECT to_jsonb(b) AS row FROM transport_bookings b WHERE tenant_id = $1 AND guardian_id = $2`, [tenantId, guardianId]),
    );
    expect(records.waitlist).toEqual([]);
    expect((records.rsvps as Row[]).map((row) => row.id)).toEqual([ids.pastRsvpId]);
    expectSame(
      records.rsvps,
      await held(`SELECT to_jsonb(r) AS row FROM rsvps r WHERE tenant_id = $1 AND guardian_id = $2`, [tenantId, guardianId]),
    );
    expect((records.familySessionSignUps as Row[]).map((row) => [row.id, row.places])).toEqual([[ids.signUpId, 2]]);
    // Messages and their delivery: the booking's confirmation and reminders, the loan notice about the child.
    const messages = records.messages as Row[];
    expect(messages.map((row) => row.kind)).toEqual(expect.arrayContaining(['transport.booking-confirmed', 'loan.flagged']));
    expectSame(
      messages,
      await held(`SELECT to_jsonb(r) AS row FROM reminders r WHERE tenant_id = $1 AND recipient_id = ANY($2::uuid[])`, [
        tenantId,
        [guardianId, pupilId],
      ]),
    );
    const [announcement] = records.announcements as Row[];
    expect(announcement).toMatchObject({ announcement_id: ids.announcementId, guardian_id: guardianId });
    expect(announcement.read_at).toEqual(expect.any(String));
    expect((announcement.announcement as Row).body).toBe(`Thanks to ${guardianName} for the cakes.`);
    expect(records.calendarFeed).toEqual([{ guardian_id: guardianId, created_at: expect.any(String) }]);
    // Nothing of the other family.
    expect(JSON.stringify(records)).not.toContain(other.pupilId);
    expect(JSON.stringify(records)).not.toContain(other.name);
  });

  it('exports a child: their family’s contacts, their consents, what names them; a child it never heard of answers empty', async () => {
    const { records } = await ask(tenantId, { kind: 'export', subject: { type: 'pupil', pupilId }, retention: null, pseudonym: null });
    expect((records.families as Row[]).map((row) => row.display_name)).toEqual([guardianName]);
    expect(records.roster).toEqual([expect.objectContaining({ pupil_id: pupilId, class_id: classId, ensembleIds: [] })]);
    expect(records.consents).toHaveLength(2);
    expect((records.bookings as Row[]).map((row) => row.id)).toEqual([ids.bookingId]);
    expect((records.rsvps as Row[]).map((row) => row.id)).toEqual([ids.pastRsvpId]);
    expect((records.messages as Row[]).map((row) => row.kind)).toEqual(
      expect.arrayContaining(['loan.flagged', 'transport.booking-confirmed']),
    );
    expect((records.announcements as Row[]).map((row) => row.announcement_id)).toEqual([ids.announcementId]);
    expect(JSON.stringify(records)).not.toContain(other.pupilId);

    const unknown = await ask(tenantId, { kind: 'export', subject: { type: 'pupil', pupilId: newId() }, retention: null, pseudonym: null });
    expect(Object.values(unknown.records).every((list) => list.length === 0)).toBe(true);
    const stranger = await ask(tenantId, {
      kind: 'erasure',
      subject: { type: 'guardian', accountId: newId() },
      retention: null,
      pseudonym: 'Guardian 0000',
    });
    expect(stranger).toMatchObject({ records: {}, actions: [] });
  });

  it('erases the guardian and the child: no trace of their names or contacts anywhere in the schema; twice changes nothing more', async () => {
    for (const needle of [surname, 'Gwendolyn', email, phone]) expect(await traces(needle)).not.toEqual([]);
    const otherBefore = await kit.db.query(`SELECT display_name, email FROM families WHERE tenant_id = $1 AND guardian_id = $2`, [
      tenantId,
      otherGuardian.userId,
    ]);

    const guardianErasure = await ask(tenantId, {
      kind: 'erasure',
      subject: { type: 'guardian', accountId: guardianId },
      retention: null,
      pseudonym: 'Guardian 7F3A',
    });
    const pupilErasure = await ask(tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });

    for (const needle of [surname, 'Gwendolyn', email, phone])
      expect({ needle, found: await traces(needle) }).toEqual({ needle, found: [] });
    const actionOf = (answer: DataRequestAnsweredV1, what: RegExp) => answer.actions.find((action) => what.test(action.what));
    expect(actionOf(guardianErasure, /bus bookings .* still to leave/)).toMatchObject({ rows: 1, action: 'deleted' });
    expect(actionOf(guardianErasure, /sign-ups .* still to come/)).toMatchObject({ rows: 1, action: 'deleted' });
    expect(actionOf(guardianErasure, /^contact details/)).toMatchObject({ rows: 1, action: 'anonymised' });
    expect(actionOf(guardianErasure, /consent decisions the guardian gave$/)).toMatchObject({
      rows: 2,
      action: 'kept',
      reason: expect.stringContaining('evidence'),
    });
    expect(actionOf(pupilErasure, /instrument loan notices/)).toMatchObject({ rows: 1, action: 'anonymised' });
    expect(actionOf(pupilErasure, /bus bookings/)).toMatchObject({ action: 'kept', reason: expect.stringContaining('Pupil 7F3A') });

    // Keys kept: the booking (now cancelled) and the RSVP still name the child's id; the seat went back.
    const [booking] = await kit.db.query(
      `SELECT status, guardian_name, pupil_ids FROM transport_bookings WHERE tenant_id = $1 AND id = $2`,
      [tenantId, ids.bookingId],
    );
    expect(booking).toEqual({ status: 'cancelled', guardian_name: 'Guardian 7F3A', pupil_ids: [pupilId] });
    const [family] = await kit.db.query(
      `SELECT display_name, email, phone, account_email FROM families WHERE tenant_id = $1 AND guardian_id = $2`,
      [tenantId, guardianId],
    );
    expect(family).toEqual({ display_name: 'Guardian 7F3A', email: null, phone: null, account_email: null });
    expect(
      await kit.db.query(
        `SELECT decision, given_by_name, note, reason FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY seq`,
        [tenantId, pupilId],
      ),
    ).toEqual([
      { decision: 'granted', given_by_name: 'Guardian 7F3A', note: null, reason: null },
      { decision: 'withdrawn', given_by_name: 'Guardian 7F3A', note: null, reason: null },
    ]);
    // The other family is untouched.
    expect(
      await kit.db.query(`SELECT display_name, email FROM families WHERE tenant_id = $1 AND guardian_id = $2`, [
        tenantId,
        otherGuardian.userId,
      ]),
    ).toEqual(otherBefore);
    expect(await traces('Fine by us')).toEqual(expect.arrayContaining(['consent_records.note (1)', 'outbox_events.payload (1)']));

    // Twice = once: every row of the tenant the same (but for the new answer and the consumer's memory of the event).
    const ownBookkeeping = (table: string, row: Row) =>
      table === 'processed_events' || (table === 'outbox_events' && row.type === 'engagement.data-request.answered');
    const before = await tenantRows(tenantId, ownBookkeeping);
    const again = await ask(tenantId, {
      kind: 'erasure',
      subject: { type: 'guardian', accountId: guardianId },
      retention: null,
      pseudonym: 'Guardian 7F3A',
    });
    const againPupil = await ask(tenantId, {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId },
      retention: null,
      pseudonym: 'Pupil 7F3A',
    });
    expect(await tenantRows(tenantId, ownBookkeeping)).toEqual(before);
    for (const answer of [again, againPupil]) expect(answer.actions.filter((action) => action.action !== 'kept')).toEqual([]);
  });

  it('applies the retention schedule to a fixture spanning years: a dry run counts, the run does it, a second run finds nothing', async () => {
    const area = newTenantId();
    const family = async (name: string, children: { leftOn: string | null; enrolled?: boolean }[]) => {
      const id = newId();
      await kit.db.query(
        `INSERT INTO families (tenant_id, guardian_id, display_name, email, phone) VALUES ($1, $2, $3, $4, '+447700900000')`,
        [area, id, name, `${name.replace(/ /g, '.').toLowerCase()}@example.org`],
      );
      for (const child of children) {
        const pupil = newId();
        await kit.db.query(`INSERT INTO family_children (tenant_id, guardian_id, pupil_id, school_id) VALUES ($1, $2, $3, $4)`, [
          area,
          id,
          pupil,
          schoolId,
        ]);
        if (child.enrolled === false) continue;
        await kit.db.query(
          `INSERT INTO roster_pupils (tenant_id, pupil_id, school_id, left_on, event_at, event_id) VALUES ($1, $2, $3, $4, now(), $5)`,
          [area, pupil, schoolId, child.leftOn, newId()],
        );
      }
      return id;
    };
    // As of 2026-09-01, contact details go 12 months after the last child left (on or before 2025-09-01).
    const leftLongAgo = await family('Left Longago', [{ leftOn: '2023-07-20' }, { leftOn: '2025-07-18' }]);
    const leftRecently = await family('Left Recently', [{ leftOn: '2026-07-20' }]);
    const oneStillIn = await family('One Stillin', [{ leftOn: '2022-07-20' }, { leftOn: null }]);
    const neverEnrolled = await family('Never Enrolled', [{ leftOn: null, enrolled: false }]);
    // Messages: 24 months kept (sent on or after 2024-09-01).
    const reminder = (status: string, at: string) =>
      kit.db.query(
        `INSERT INTO reminders (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at, status, sent_at, created_at, updated_at)
         VALUES ($1, $2, 'transport.booking-confirmed', $3, 'transport-booking', $4, $5, $6, CASE WHEN $6 = 'sent' THEN $5::timestamptz END, $5, $5)`,
        [newId(), area, leftRecently, newId(), at, status],
      );
    await reminder('sent', '2023-05-02T09:00:00Z');
    await reminder('failed', '2021-01-10T09:00:00Z');
    await reminder('sent', '2025-06-01T09:00:00Z');
    await reminder('scheduled', '2023-05-02T09:00:00Z');
    await kit.db.query(
      `INSERT INTO sms_outbox (tenant_id, id, idempotency_key, to_number, body, created_at) VALUES ($1, $2, $3, '+447700900000', 'Bus at 5', '2022-03-01')`,
      [area, newId(), newId()],
    );
    const announcement = async (at: string) => {
      const id = newId();
      await kit.db.query(
        `INSERT INTO announcements (tenant_id, id, sender_id, sender_name, audience, school_id, subject, body, created_at) VALUES ($1, $2, $3, 'Head', 'school', $4, 'News', 'Concert soon', $5)`,
        [area, id, newId(), schoolId, at],
      );
      await kit.db.query(
        `INSERT INTO announcement_deliveries (tenant_id, announcement_id, guardian_id, status) VALUES ($1, $2, $3, 'sent')`,
        [area, id, oneStillIn],
      );
    };
    await announcement('2023-01-15T10:00:00Z');
    await announcement('2026-01-15T10:00:00Z');

    const retention = { ...RETENTION, asOf: '2026-09-01' };
    const counts = (answer: DataRequestAnsweredV1) => Object.fromEntries(answer.actions.map((action) => [action.what, action.rows]));
    const expected = {
      'family contact details': 1,
      'messages to families and their delivery': 2,
      'text messages': 1,
      'announcement deliveries': 1,
      announcements: 1,
    };
    const ownBookkeeping = (table: string) => table === 'processed_events' || table === 'outbox_events';
    const untouched = await tenantRows(area, ownBookkeeping);
    const dryRun = await ask(area, { kind: 'retention', subject: null, retention: { ...retention, dryRun: true }, pseudonym: null });
    expect(counts(dryRun)).toEqual(expected);
    expect(dryRun.actions[0].reason).toContain('2025-09-01');
    expect(await tenantRows(area, ownBookkeeping)).toEqual(untouched);

    const run = await ask(area, { kind: 'retention', subject: null, retention: { ...retention, dryRun: false }, pseudonym: null });
    expect(counts(run)).toMatchObject(expected);
    const families: Row[] = await kit.db.query(
      `SELECT guardian_id, display_name, email, phone FROM families WHERE tenant_id = $1 ORDER BY display_name`,
      [area],
    );
    expect(families).toEqual(
      expect.arrayContaining([
        { guardian_id: leftLongAgo, display_name: 'Former family', email: null, phone: null },
        expect.objectContaining({ guardian_id: leftRecently, display_name: 'Left Recently' }),
        expect.objectContaining({ guardian_id: oneStillIn, display_name: 'One Stillin' }),
        expect.objectContaining({ guardian_id: neverEnrolled, display_name: 'Never Enrolled' }),
      ]),
    );
    const left: Row[] = await kit.db.query(
      `SELECT status, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM reminders WHERE tenant_id = $1 ORDER BY day, status`,
      [area],
    );
    expect(left).toEqual([
      { status: 'scheduled', day: '2023-05-02' },
      { status: 'sent', day: '2025-06-01' },
    ]);
    expect(await kit.db.query(`SELECT count(*)::int AS n FROM announcements WHERE tenant_id = $1`, [area])).toEqual([{ n: 1 }]);
    expect(await kit.db.query(`SELECT count(*)::int AS n FROM sms_outbox WHERE tenant_id = $1`, [area])).toEqual([{ n: 0 }]);

    const second = await ask(area, { kind: 'retention', subject: null, retention: { ...retention, dryRun: false }, pseudonym: null });
    expect(second.actions.every((action) => action.rows === 0)).toBe(true);
  });
});
