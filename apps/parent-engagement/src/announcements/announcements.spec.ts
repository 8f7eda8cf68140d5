import type { Identity } from '@tutti/auth';
import type { ReminderWorker } from '@tutti/messaging';
import { localParts, newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas } from '@tutti/testing';
import { announceSchool, publishPerformance, reminderWorkerOf, useEngagementTestKit } from '../testing/engagement-test-kit';

describe('announcements', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  let worker: ReminderWorker;
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const staffA = personas.headteacher(tenantId, schoolA);

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });

  async function family(
    schoolId: string,
    email: string | null,
    quietHours: { quietHoursStart: string; quietHoursEnd: string } | object = {},
  ): Promise<Identity> {
    const guardian = personas.guardian(tenantId, [{ pupilId: newId(), schoolId }]);
    const response = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
      email,
      language: 'en',
      emailEnabled: true,
      smsEnabled: false,
      ...quietHours,
    });
    expect(response.statusCode).toBe(200);
    return guardian;
  }

  async function deliverAll(announcementId: string): Promise<void> {
    const due = await kit.db.query(`SELECT id, due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2`, [tenantId, announcementId]);
    for (const reminder of due)
      await worker.deliverDue({ reminderId: reminder.id, tenantId, dueAt: new Date(reminder.due_at).toISOString() });
  }

  it('emails a school’s families and records per family whether it was sent or failed', async () => {
    const address = `family-${newId()}@example.org`;
    const withEmail = await family(schoolA, address);
    const withoutEmail = await family(schoolA, null);
    const elsewhere = await family(schoolB, `other-${newId()}@example.org`);
    const created = await kit.call(staffA, 'POST', '/announcements', {
      audience: 'school',
      schoolId: schoolA,
      subject: 'Concert dress',
      body: 'Black and white, please.',
    });
    expect(created.statusCode).toBe(201);
    const announcement = created.json();
    expect(announcement.deliveryCounts).toEqual({ queued: 2, sent: 0, failed: 0 });

    await deliverAll(announcement.id);
    const after = (await kit.call(staffA, 'GET', `/announcements/${announcement.id}`)).json();
    expect(after.deliveryCounts).toEqual({ queued: 0, sent: 1, failed: 1 });
    expect(after.deliveries).toEqual(
      expect.arrayContaining([
        { guardianId: withEmail.userId, familyName: withEmail.displayName, status: 'sent', error: null },
        {
          guardianId: withoutEmail.userId,
          familyName: withoutEmail.displayName,
          status: 'failed',
          error: 'the family has no email address enabled',
        },
      ]),
    );
    const listed = (await kit.call(staffA, 'GET', '/announcements?limit=100'))
      .json()
      .items.find((item: { id: string }) => item.id === announcement.id);
    expect(listed.deliveryCounts).toEqual({ queued: 0, sent: 1, failed: 1 });
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Concert dress', text: expect.stringContaining('Black and white, please.') });
    // Its Message-ID is the reminder's delivery key, as every reminder email's (the same for a resend).
    const [copy] = await kit.db.query('SELECT id, due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND recipient_id = $3', [
      tenantId,
      announcement.id,
      withEmail.userId,
    ]);
    expect(mails[0].messageId).toBe(`reminder-${copy.id}-${copy.due_at.getTime()}@parent-engagement.tutti`);

    const seen = await kit.call(withEmail, 'GET', `/announcements/${announcement.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().deliveries).toBeUndefined();
    expect((await kit.call(elsewhere, 'GET', `/announcements/${announcement.id}`)).statusCode).toBe(404);
    expect((await kit.call(personas.headteacher(tenantId, schoolB), 'GET', `/announcements/${announcement.id}`)).statusCode).toBe(404);
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', `/announcements/${announcement.id}`)).statusCode).toBe(404);
    const familyList = (await kit.call(withEmail, 'GET', '/announcements')).json().items;
    expect(familyList.map((i: { id: string }) => i.id)).toEqual([announcement.id]);
    expect(familyList[0].deliveryCounts).toBeUndefined();
    expect((await kit.call(elsewhere, 'GET', '/announcements')).json().items).toEqual([]);
  });

  it('waits for the end of a family’s quiet hours before emailing them; other families get it at once', async () => {
    const school = newId();
    // Quiet hours from an hour ago to an hour from now, in the area's local time (Europe/London).
    const clock = (offsetMinutes: number) => {
      const { hour, minute } = localParts(new Date(Date.now() + offsetMinutes * 60_000), 'Europe/London');
      return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    };
    const resting = await family(school, `resting-${newId()}@example.org`, { quietHoursStart: clock(-60), quietHoursEnd: clock(60) });
    const awake = await family(school, `awake-${newId()}@example.org`);
    const sentAt = Date.now();
    const created = await kit.call(personas.headteacher(tenantId, school), 'POST', '/announcements', {
      audience: 'school',
      schoolId: school,
      subject: 'Late news',
      body: 'Rehearsal moved.',
    });
    expect(created.statusCode).toBe(201);
    const dueOf = async (guardian: Identity) => {
      const [reminder] = await kit.db.query(`SELECT due_at FROM reminders WHERE tenant_id = $1 AND subject_id = $2 AND recipient_id = $3`, [
        tenantId,
        created.json().id,
        guardian.userId,
      ]);
      return new Date(reminder.due_at).getTime();
    };
    expect(await dueOf(awake)).toBeLessThan(sentAt + 60_000);
    const restingDue = await dueOf(resting);
    expect(restingDue).toBeGreaterThan(sentAt + 58 * 60_000);
    expect(restingDue).toBeLessThan(sentAt + 61 * 60_000);
    expect(created.json().deliveryCounts).toEqual({ queued: 2, sent: 0, failed: 0 });
  });

  it('lists a family’s announcements newest first with its own read state, which only that family can mark', async () => {
    const reader = await family(schoolA, `reader-${newId()}@example.org`);
    const neighbour = await family(schoolA, `neighbour-${newId()}@example.org`);
    const send = async (subject: string) =>
      (
        await kit.call(staffA, 'POST', '/announcements', { audience: 'school', schoolId: schoolA, subject, body: `${subject}: details` })
      ).json();
    const older = await send('Choir practice moved');
    const newer = await send('Bring a water bottle');
    const listOf = async (identity: Identity) =>
      (await kit.call(identity, 'GET', '/announcements?limit=100'))
        .json()
        .items.filter((item: { id: string }) => [older.id, newer.id].includes(item.id));
    expect(await listOf(reader)).toEqual([
      expect.objectContaining({ id: newer.id, subject: 'Bring a water bottle', senderName: staffA.displayName, readAt: null }),
      expect.objectContaining({ id: older.id, readAt: null }),
    ]);

    const marked = await kit.call(reader, 'POST', `/announcements/${older.id}/read`);
    expect(marked.statusCode).toBe(200);
    const readAt = marked.json().readAt;
    expect(Date.parse(readAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(marked.json().deliveries).toBeUndefined();
    // Repeating keeps the first time; the neighbour's copy stays unread.
    expect((await kit.call(reader, 'POST', `/announcements/${older.id}/read`)).json().readAt).toBe(readAt);
    expect((await listOf(reader)).map((item: { readAt: string | null }) => item.readAt)).toEqual([null, readAt]);
    expect((await kit.call(reader, 'GET', `/announcements/${older.id}`)).json().readAt).toBe(readAt);
    expect((await listOf(neighbour)).map((item: { readAt: string | null }) => item.readAt)).toEqual([null, null]);
    // Staff get no read state of their own; another school's family, another tenant and an unknown id get 404; staff cannot mark.
    expect((await kit.call(staffA, 'GET', `/announcements/${older.id}`)).json().readAt).toBeUndefined();
    expect((await kit.call(await family(schoolB, null), 'POST', `/announcements/${older.id}/read`)).statusCode).toBe(404);
    expect(
      (
        await kit.call(
          personas.guardian(newTenantId(), [{ pupilId: newId(), schoolId: schoolA }]),
          'POST',
          `/announcements/${older.id}/read`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await kit.call(reader, 'POST', `/announcements/${newId()}/read`)).statusCode).toBe(404);
    expect((await kit.call(reader, 'POST', '/announcements/not-a-uuid/read')).statusCode).toBe(400);
    expect((await kit.call(staffA, 'POST', `/announcements/${older.id}/read`)).statusCode).toBe(403);
  });

  it('reaches a performance’s families of the sender’s schools only, and refuses bad input', async () => {
    const { performanceId } = await publishPerformance(kit, tenantId);
    const comingA = await family(schoolA, `a-${newId()}@example.org`);
    const comingB = await family(schoolB, `b-${newId()}@example.org`);
    for (const guardian of [comingA, comingB]) {
      expect(
        (await kit.call(guardian, 'PUT', `/performances/${performanceId}/rsvp`, { attending: true, adults: 1, pupilIds: [] })).statusCode,
      ).toBe(200);
    }
    const sent = (
      await kit.call(staffA, 'POST', '/announcements', {
        audience: 'performance',
        performanceId,
        subject: 'Doors open 17:30',
        body: 'See you there.',
      })
    ).json();
    expect(sent.deliveries.map((d: { guardianId: string }) => d.guardianId)).toEqual([comingA.userId]);
    const fromAdmin = (
      await kit.call(personas.programmeAdmin(tenantId), 'POST', '/announcements', {
        audience: 'performance',
        performanceId,
        subject: 'x',
        body: 'y',
      })
    ).json();
    expect(fromAdmin.deliveries).toHaveLength(2);

    const fields = async (payload: object) =>
      (await kit.call(staffA, 'POST', '/announcements', payload)).json().errors.map((e: { field: string }) => e.field);
    expect(await fields({ audience: 'school', subject: 'x', body: 'y' })).toEqual(['schoolId']);
    expect(await fields({ audience: 'everyone', subject: 'x', body: 'y' })).toEqual(['audience']);
    expect(await fields({ audience: 'school', schoolId: schoolA, subject: '', body: 'y' })).toEqual(['subject']);
    expect(
      (await kit.call(staffA, 'POST', '/announcements', { audience: 'school', schoolId: schoolB, subject: 'x', body: 'y' })).statusCode,
    ).toBe(404);
    expect(
      (await kit.call(staffA, 'POST', '/announcements', { audience: 'performance', performanceId: newId(), subject: 'x', body: 'y' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await kit.call(comingA, 'POST', '/announcements', { audience: 'school', schoolId: schoolA, subject: 'x', body: 'y' })).statusCode,
    ).toBe(403);
  });

  it('previews an announcement as written in the frame of the family’s language, right to left in Arabic, with the area’s own greeting; sends nothing', async () => {
    const body = 'Concert dress: black and white.\n\nDoors open at 17:30.';
    const before = (await kit.call(staffA, 'GET', '/announcements')).json().items.length;
    const arabic = await kit.call(staffA, 'POST', '/announcements/preview', {
      language: 'ar',
      subject: 'Concert dress',
      body,
      familyName: 'Khan',
    });
    expect(arabic.statusCode).toBe(200);
    const preview = arabic.json();
    expect(preview).toMatchObject({ language: 'ar', dir: 'rtl', subject: 'Concert dress' });
    expect(preview.html).toContain('<html lang="ar" dir="rtl">');
    // Greeting and links in Arabic, the staff member's words untouched, signed with their name.
    expect(preview.text.split('\n\n')).toEqual([
      'مرحبًا Khan،',
      'Concert dress: black and white.',
      'Doors open at 17:30.',
      `— ${staffA.displayName}`,
      expect.stringMatching(/^كيف يراسلك Tutti وبأي لغة: https?:\/\/\S+\/parent\/preferences\n$/),
    ]);
    // Without a family name, the nameless greeting; an area's own wording of it comes first.
    const admin = personas.programmeAdmin(tenantId);
    expect(
      (await kit.call(admin, 'PUT', '/message-overrides/pl/greetingWithoutName', { message: 'Drodzy Państwo,' }, { 'if-match': '"0"' }))
        .statusCode,
    ).toBe(200);
    const polish = (await kit.call(staffA, 'POST', '/announcements/preview', { language: 'pl', subject: 'x', body: 'y' })).json();
    expect(polish.text.startsWith('Drodzy Państwo,\n\ny\n\n')).toBe(true);
    expect(polish.dir).toBe('ltr');

    const fields = async (payload: object) =>
      (await kit.call(staffA, 'POST', '/announcements/preview', payload)).json().errors.map((e: { field: string }) => e.field);
    expect(await fields({ language: 'Arabic', subject: 'x', body: 'y' })).toEqual(['language']);
    expect(await fields({ language: 'ar', subject: '', body: 'y' })).toEqual(['subject']);
    const guardian = await family(schoolA, `p-${newId()}@example.org`);
    expect((await kit.call(guardian, 'POST', '/announcements/preview', { language: 'ar', subject: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await kit.call(staffA, 'GET', '/announcements')).json().items).toHaveLength(before);
  });

  describe('scope of ids and readers', () => {
    const post = (identity: Identity, payload: object) =>
      kit.call(identity, 'POST', '/announcements', { subject: 'Bus times', body: 'Be at the gate by five.', ...payload });
    const stored = async (subject: string) =>
      Number((await kit.db.query('SELECT count(*)::int AS n FROM announcements WHERE subject = $1', [subject]))[0].n);

    it('refuses another area’s school id from a programme admin with a 404 naming schoolId, and stores nothing', async () => {
      const otherArea = newTenantId();
      const theirSchool = newId();
      await announceSchool(kit, otherArea, theirSchool);
      await kit.call(personas.guardian(otherArea, [{ pupilId: newId(), schoolId: theirSchool }]), 'GET', '/families/me');
      const subject = `Cross-area ${newId()}`;
      for (const schoolId of [theirSchool, newId()]) {
        const response = await post(personas.programmeAdmin(tenantId), { audience: 'school', schoolId, subject });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().errors).toEqual([expect.objectContaining({ field: 'schoolId', rule: 'exists' })]);
      }
      expect(await stored(subject)).toBe(0);
      // Their own area's school (one scheduling told this service of) is fine.
      await announceSchool(kit, tenantId, schoolA);
      expect((await post(personas.programmeAdmin(tenantId), { audience: 'school', schoolId: schoolA })).statusCode).toBe(201);
    });

    it.each([
      [
        'a school announcement carrying a performanceId',
        { audience: 'school', schoolId: schoolA, performanceId: newId() },
        ['performanceId'],
      ],
      [
        'a school announcement carrying a classId and an ensembleId',
        { audience: 'school', schoolId: schoolA, classId: newId(), ensembleId: newId() },
        ['classId', 'ensembleId'],
      ],
      [
        'a performance announcement carrying a schoolId',
        { audience: 'performance', performanceId: newId(), schoolId: schoolA },
        ['schoolId'],
      ],
      [
        'a class announcement carrying a schoolId that is not even a UUID',
        { audience: 'class', classId: newId(), schoolId: 'nope' },
        ['schoolId'],
      ],
    ])('refuses %s with a 400 naming the field the audience ignores, and stores nothing', async (_what, payload, fields) => {
      await family(schoolA, `ignored-${newId()}@example.org`);
      const subject = `Ignored ids ${newId()}`;
      const response = await post(staffA, { ...payload, subject });
      expect(response.statusCode).toBe(400);
      const errors = response.json().errors as { field: string; rule: string }[];
      expect([...new Set(errors.map((e) => e.field))].sort()).toEqual(fields);
      expect(
        errors
          .filter((e) => e.rule === 'onlyWithAudience')
          .map((e) => e.field)
          .sort(),
      ).toEqual(fields);
      expect(await stored(subject)).toBe(0);
    });

    it('takes an explicit null for a field the audience ignores as left out', async () => {
      await family(schoolA, `null-${newId()}@example.org`);
      const response = await post(staffA, { audience: 'school', schoolId: schoolA, performanceId: null, classId: null, ensembleId: null });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ schoolId: schoolA, performanceId: null, classId: null, ensembleId: null });
    });

    it('shows an announcement to the same people by id as in the list: its school’s staff, its sender, the admin and its families; nobody else', async () => {
      const recipient = await family(schoolA, `reader-${newId()}@example.org`);
      const sender = personas.tutor(tenantId, [schoolA]);
      const created = (await post(sender, { audience: 'school', schoolId: schoolA, subject: 'Full text only for its readers' })).json();
      const readers: [string, Identity, boolean][] = [
        ['the programme admin', personas.programmeAdmin(tenantId), true],
        ['the sender', sender, true],
        ['the school’s headteacher', staffA, true],
        ['a tutor of the school', personas.tutor(tenantId, [schoolA, schoolB]), true],
        ['the school’s staff', personas.schoolStaff(tenantId, schoolA), true],
        ['a family that received it', recipient, true],
        ['a tutor not assigned to the school', personas.tutor(tenantId, [schoolB]), false],
        ['another school’s headteacher', personas.headteacher(tenantId, schoolB), false],
        ['another school’s staff', personas.schoolStaff(tenantId, schoolB), false],
        ['a family of another school', await family(schoolB, `b-${newId()}@example.org`), false],
        ['another area’s admin', personas.programmeAdmin(newTenantId()), false],
      ];
      for (const [who, identity, sees] of readers) {
        const byId = await kit.call(identity, 'GET', `/announcements/${created.id}`);
        const listed = ((await kit.call(identity, 'GET', '/announcements?limit=100')).json().items as { id: string }[]).some(
          (item) => item.id === created.id,
        );
        expect({ who, status: byId.statusCode, listed }).toEqual({ who, status: sees ? 200 : 404, listed: sees });
        if (!sees) expect(byId.body).not.toContain('Full text only for its readers');
      }
    });
  });
});
