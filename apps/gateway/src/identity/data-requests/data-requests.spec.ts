import type { DataRequestAnsweredV1, EventEnvelope, EventType, ServiceName } from '@tutti/contracts';
import { applyEvent } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { pdfText, zipEntries } from '@tutti/testing';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import { DataRequestAnswers } from './data-request-answers';
import { DataRequestsService, type DataRequestAnsweredEvent } from './data-requests.service';
import type { DataRequestDto } from './dto/data-request.dto';

const ANSWERED: Record<Exclude<ServiceName, 'gateway'>, DataRequestAnsweredEvent> = {
  scheduling: 'scheduling.data-request.answered',
  'instrument-loan': 'loan.data-request.answered',
  'performance-event': 'performance.data-request.answered',
  'parent-engagement': 'engagement.data-request.answered',
};

/** What the four services might hold about Amelia, as they would answer an export. */
const AMELIA_RECORDS: Record<Exclude<ServiceName, 'gateway'>, Record<string, unknown[]>> = {
  scheduling: {
    pupil: [{ firstName: 'Amelia', lastName: 'Okafor', yearGroup: 5 }],
    attendance: [
      { sessionDate: '2026-09-08', status: 'present' },
      { sessionDate: '2026-09-15', status: 'absent', reason: 'ill' },
    ],
    notes: [{ text: 'Amelia led the cello section today', writtenAt: '2026-10-01T15:00:00.000Z' }],
  },
  'instrument-loan': { loans: [{ assetTag: 'VC-0042', startedOn: '2026-09-01', returnedOn: null }], agreements: [], damageReports: [] },
  'performance-event': { rosters: [{ performance: 'Winter concert', part: 'cello' }] },
  'parent-engagement': { consents: [{ kind: 'photos', granted: true, at: '2026-09-02T10:00:00.000Z' }], messages: [] },
};

describe('data requests: subject access export and erasure', () => {
  let t: IdentityTestApp;
  let area: TestTenant;
  let school: string;
  let admin: Record<string, string>;
  let adminAccount: TestAccount;
  let guardianAccount: TestAccount;
  let guardian: Record<string, string>;
  const amelia = newId();
  const otherChild = newId();

  beforeAll(async () => {
    t = await startIdentityTestApp();
    area = await t.fixtures.tenant();
    school = await t.fixtures.school(area);
    adminAccount = await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] });
    admin = await t.fixtures.bearer(adminAccount);
    guardianAccount = await t.fixtures.account(area, {
      displayName: 'Grace Okafor',
      grants: [{ role: 'guardian' }],
      pupils: [{ pupilId: amelia, schoolId: school, relationship: 'parent', canBookTransport: true }],
    });
    guardian = await t.fixtures.bearer(guardianAccount);
  });
  afterAll(() => t?.close());

  const open = (headers: Record<string, string>, body: object, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/identity/data-requests', headers: { ...headers, ...extra }, payload: body });
  const get = (headers: Record<string, string>, url: string) => t.app.inject({ method: 'GET', url, headers });

  /** Applies a service's answer exactly as the gateway's consumer would (remembering the event id). */
  async function answer(
    request: Pick<DataRequestDto, 'id' | 'kind'>,
    service: Exclude<ServiceName, 'gateway'>,
    part: Partial<Pick<DataRequestAnsweredV1, 'records' | 'actions'>>,
    eventId = newId(),
    tenantId = area.id,
  ): Promise<string> {
    const envelope: EventEnvelope<DataRequestAnsweredEvent> = {
      id: eventId,
      type: ANSWERED[service],
      tenantId,
      occurredAt: new Date().toISOString(),
      source: service,
      payload: { version: 1, requestId: request.id, kind: request.kind, service, records: part.records ?? {}, actions: part.actions ?? [] },
    };
    const answers = t.app.get(DataRequestAnswers);
    await applyEvent(
      t.dataSource,
      'gateway',
      Object.fromEntries(
        Object.values(ANSWERED).map((type) => [
          type,
          (event: EventEnvelope<EventType>, manager: never) => answers.applyAnswer(event as never, manager),
        ]),
      ),
      envelope as EventEnvelope,
    );
    return eventId;
  }

  const outbox = (requestId: string) =>
    t.dataSource.query<{ type: string; source: string; payload: Record<string, unknown> }[]>(
      `SELECT type, source, payload FROM outbox_events WHERE tenant_id = $1 AND payload->>'requestId' = $2 ORDER BY id`,
      [area.id, requestId],
    );
  const auditAbout = (subjectId: string) =>
    t.dataSource.query<{ action: string; actor_id: string | null; detail: Record<string, unknown> }[]>(
      `SELECT action, actor_id, detail FROM audit_log WHERE tenant_id = $1 AND subject_id = $2 ORDER BY occurred_at, id`,
      [area.id, subjectId],
    );

  it('opens an export: the row, the gateway’s own part and identity.data-request.opened together; progress 1 of 5; audited', async () => {
    const response = await open(
      admin,
      { kind: 'export', subjectType: 'pupil', subjectId: amelia },
      { 'idempotency-key': 'export-amelia-1' },
    );
    expect(response.statusCode).toBe(201);
    const request = response.json<DataRequestDto>();
    expect(response.headers.location).toBe(`/identity/data-requests/${request.id}`);
    expect(request).toMatchObject({
      kind: 'export',
      subject: { type: 'pupil', id: amelia },
      state: 'collecting',
      requestedBy: adminAccount.id,
      pseudonym: null,
      progress: {
        received: 1,
        of: 5,
        answered: ['gateway'],
        missing: ['scheduling', 'instrument-loan', 'performance-event', 'parent-engagement'],
      },
      zipUrl: null,
      pdfUrl: null,
    });
    expect(request.parts).toEqual([expect.objectContaining({ service: 'gateway', records: { guardianLinks: 1, auditEntries: 0 } })]);
    expect(await outbox(request.id)).toEqual([
      {
        type: 'identity.data-request.opened',
        source: 'gateway',
        payload: {
          version: 1,
          requestId: request.id,
          kind: 'export',
          subject: { type: 'pupil', pupilId: amelia },
          retention: null,
          pseudonym: null,
        },
      },
    ]);
    expect(await auditAbout(amelia)).toEqual([
      { action: 'export', actor_id: adminAccount.id, detail: { requestId: request.id, stage: 'opened' } },
    ]);

    const replay = await open(admin, { kind: 'export', subjectType: 'pupil', subjectId: amelia }, { 'idempotency-key': 'export-amelia-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<DataRequestDto>().id).toBe(request.id);
    expect(await outbox(request.id)).toHaveLength(1);
  });

  it('collects the four answers in any order, each once (a redelivery or a second answer changes nothing), then is done with its report', async () => {
    const request = (await open(admin, { kind: 'export', subjectType: 'pupil', subjectId: amelia })).json<DataRequestDto>();
    const progress = async () => (await get(admin, `/identity/data-requests/${request.id}`)).json<DataRequestDto>();

    await answer(request, 'parent-engagement', { records: AMELIA_RECORDS['parent-engagement'] });
    const loanEvent = await answer(request, 'instrument-loan', { records: AMELIA_RECORDS['instrument-loan'] });
    await answer(request, 'instrument-loan', { records: AMELIA_RECORDS['instrument-loan'] }, loanEvent);
    await answer(request, 'instrument-loan', { records: { loans: [] } });
    expect((await progress()).progress).toEqual({
      received: 3,
      of: 5,
      answered: ['gateway', 'instrument-loan', 'parent-engagement'],
      missing: ['scheduling', 'performance-event'],
    });
    expect((await progress()).parts.find((part) => part.service === 'instrument-loan')?.records).toEqual({
      loans: 1,
      agreements: 0,
      damageReports: 0,
    });

    const early = await get(admin, `/identity/data-requests/${request.id}/export.zip`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ conflicts: [{ field: 'state', missing: ['scheduling', 'performance-event'] }] });

    await answer(request, 'performance-event', { records: AMELIA_RECORDS['performance-event'] });
    await answer(request, 'scheduling', { records: AMELIA_RECORDS.scheduling });
    const done = await progress();
    expect(done).toMatchObject({
      state: 'done',
      progress: { received: 5, missing: [] },
      zipUrl: `/identity/data-requests/${request.id}/export.zip`,
      pdfUrl: `/identity/data-requests/${request.id}/summary.pdf`,
    });
    expect(done.finishedAt).not.toBeNull();
    const [{ report }] = await t.dataSource.query<{ report: { services: { service: string; records: Record<string, number> }[] } }[]>(
      'SELECT report FROM data_requests WHERE tenant_id = $1 AND id = $2',
      [area.id, request.id],
    );
    expect(report.services.map((entry) => entry.service).sort()).toEqual([
      'gateway',
      'instrument-loan',
      'parent-engagement',
      'performance-event',
      'scheduling',
    ]);
    expect(report.services.find((entry) => entry.service === 'scheduling')?.records).toEqual({ pupil: 1, attendance: 2, notes: 1 });

    // A late repeat after it is done changes nothing, and "done" is audited once.
    await answer(request, 'scheduling', { records: { pupil: [] } });
    expect((await progress()).parts.find((part) => part.service === 'scheduling')?.records).toEqual({ pupil: 1, attendance: 2, notes: 1 });
    const doneEntries = (await auditAbout(amelia)).filter(
      (entry) => entry.detail.requestId === request.id && entry.detail.stage === 'done',
    );
    expect(doneEntries).toEqual([{ action: 'export', actor_id: null, detail: { requestId: request.id, stage: 'done' } }]);
  });

  it('ignores an answer about another area’s request or of the wrong kind', async () => {
    const request = (await open(admin, { kind: 'export', subjectType: 'pupil', subjectId: newId() })).json<DataRequestDto>();
    const elsewhere = await t.fixtures.tenant();
    await answer(request, 'scheduling', { records: { pupil: [{ firstName: 'Nobody' }] } }, newId(), elsewhere.id);
    await answer({ id: request.id, kind: 'erasure' }, 'scheduling', { actions: [] });
    expect((await get(admin, `/identity/data-requests/${request.id}`)).json<DataRequestDto>().progress.received).toBe(1);
  });

  it('gives a finished export as a ZIP of JSON (one file per service, the records as each service sent them) and a PDF naming the child', async () => {
    const request = await finishedExportOfAmelia(admin);
    const zip = await get(admin, `/identity/data-requests/${request.id}/export.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toBe(`attachment; filename="subject-access-${request.id}.zip"`);
    const files = zipEntries(zip.rawPayload);
    expect(Object.keys(files).sort()).toEqual([
      'gateway.json',
      'instrument-loan.json',
      'parent-engagement.json',
      'performance-event.json',
      'request.json',
      'scheduling.json',
    ]);
    for (const service of Object.keys(AMELIA_RECORDS) as (keyof typeof AMELIA_RECORDS)[]) {
      expect(JSON.parse(files[`${service}.json`])).toEqual({ service, receivedAt: expect.any(String), records: AMELIA_RECORDS[service] });
    }
    const gateway = JSON.parse(files['gateway.json']) as { records: { guardianLinks: Record<string, unknown>[]; auditEntries: unknown[] } };
    expect(gateway.records.guardianLinks).toEqual([
      expect.objectContaining({ accountId: guardianAccount.id, guardianName: 'Grace Okafor', pupilId: amelia, relationship: 'parent' }),
    ]);
    expect(gateway.records.auditEntries.length).toBeGreaterThan(0);
    expect(JSON.parse(files['request.json'])).toMatchObject({ requestId: request.id, subject: { type: 'pupil', id: amelia } });

    const pdf = await get(admin, `/identity/data-requests/${request.id}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const readable = await t.app
      .get(DataRequestsService)
      .pdf(
        { userId: adminAccount.id, tenantId: area.id, displayName: 'Admin', activeRole: null, grants: [{ role: 'programme_admin' }] },
        { tenantId: area.id, actorId: adminAccount.id, actorRole: 'programme_admin', ip: '127.0.0.1', requestId: 'spec' },
        request.id,
        { compress: false },
      );
    const text = pdfText(readable.body).join('\n');
    expect(text).toContain('Subject access export: Amelia Okafor');
    expect(text).toContain('attendance: 2 records');
    expect(text).toContain('VC-0042');

    const downloads = (await auditAbout(amelia)).filter((entry) => entry.action === 'download' && entry.detail.requestId === request.id);
    expect(downloads.map((entry) => entry.detail.format)).toEqual(['zip', 'pdf', 'pdf']);
  });

  it('lets a guardian ask for an export of their own child only, and see only their own requests', async () => {
    const own = await open(guardian, { kind: 'export', subjectType: 'pupil', subjectId: amelia });
    expect(own.statusCode).toBe(201);
    const request = own.json<DataRequestDto>();
    expect(request.requestedBy).toBe(guardianAccount.id);

    expect((await open(guardian, { kind: 'export', subjectType: 'pupil', subjectId: otherChild })).statusCode).toBe(404);
    expect((await open(guardian, { kind: 'export', subjectType: 'guardian', subjectId: guardianAccount.id })).statusCode).toBe(404);
    expect((await open(guardian, { kind: 'erasure', subjectType: 'pupil', subjectId: amelia })).statusCode).toBe(403);

    const listed = (await get(guardian, '/identity/data-requests')).json<{ items: DataRequestDto[] }>();
    expect(listed.items.map((item) => item.id)).toEqual([request.id]);
    const adminsOwn = (await get(admin, '/identity/data-requests?kind=export')).json<{ items: DataRequestDto[] }>().items[1];
    expect((await get(guardian, `/identity/data-requests/${adminsOwn.id}`)).statusCode).toBe(404);
    expect((await get(guardian, `/identity/data-requests/${request.id}`)).statusCode).toBe(200);

    const otherArea = await t.fixtures.tenant();
    const otherAdmin = await t.fixtures.bearer(await t.fixtures.account(otherArea, { grants: [{ role: 'programme_admin' }] }));
    expect((await get(otherAdmin, `/identity/data-requests/${request.id}`)).statusCode).toBe(404);
    expect((await get(otherAdmin, `/identity/data-requests/${request.id}/summary.pdf`)).statusCode).toBe(404);
    expect((await open(otherAdmin, { kind: 'export', subjectType: 'guardian', subjectId: guardianAccount.id })).statusCode).toBe(404);
  });

  it('refuses a body that is not a request, naming the field', async () => {
    const bad = await open(admin, { kind: 'retention', subjectType: 'child', subjectId: 'amelia' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((error) => error.field)
        .sort(),
    ).toEqual(['kind', 'subjectId', 'subjectType']);
  });

  it('erases a guardian: a pseudonym fixed once, name and contacts gone, password gone, links and audit entries kept (and why); one at a time', async () => {
    const parent = await t.fixtures.account(area, {
      displayName: 'Olusegun Adeyemi',
      grants: [{ role: 'guardian' }],
      pupils: [{ pupilId: newId(), schoolId: school, relationship: 'parent', canBookTransport: false }],
    });
    await t.fixtures.bearer(parent);
    const opened = await open(admin, { kind: 'erasure', subjectType: 'guardian', subjectId: parent.id });
    expect(opened.statusCode).toBe(201);
    const request = opened.json<DataRequestDto>();
    expect(request.pseudonym).toMatch(/^Guardian [0-9A-F]{4}$/);
    const [account] = await t.dataSource.query<{ display_name: string; email: string; mobile: string | null; status: string }[]>(
      'SELECT display_name, email, mobile, status FROM accounts WHERE tenant_id = $1 AND id = $2',
      [area.id, parent.id],
    );
    expect(account).toEqual({
      display_name: request.pseudonym,
      email: `erased-${parent.id}@erased.invalid`,
      mobile: null,
      status: 'disabled',
    });
    expect(await t.dataSource.query('SELECT 1 FROM credentials WHERE account_id = $1', [parent.id])).toEqual([]);
    expect(
      await t.dataSource.query('SELECT 1 FROM sessions WHERE account_id = $1 AND (ip IS NOT NULL OR revoked_at IS NULL)', [parent.id]),
    ).toEqual([]);
    expect(await t.dataSource.query('SELECT 1 FROM guardian_links WHERE account_id = $1', [parent.id])).toHaveLength(1);
    const gatewayActions = request.parts[0].actions;
    expect(gatewayActions).toEqual(
      expect.arrayContaining([
        { what: 'account name, email address and mobile number', rows: 1, action: 'anonymised', reason: null },
        { what: 'password', rows: 1, action: 'deleted', reason: null },
        expect.objectContaining({ what: 'guardian links', rows: 1, action: 'kept', reason: expect.stringContaining('Keys only') }),
        expect.objectContaining({ what: 'audit entries', action: 'kept', reason: expect.stringContaining('accountability') }),
      ]),
    );
    const events = await t.dataSource.query<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM outbox_events WHERE tenant_id = $1 AND (payload->>'requestId' = $2 OR payload->>'accountId' = $3) ORDER BY id`,
      [area.id, request.id, parent.id],
    );
    expect(events.map((event) => event.type)).toEqual(['identity.account.updated', 'identity.data-request.opened']);
    expect(events[0].payload).toMatchObject({
      displayName: request.pseudonym,
      email: `erased-${parent.id}@erased.invalid`,
      status: 'disabled',
    });
    expect(events[1].payload).toMatchObject({
      kind: 'erasure',
      subject: { type: 'guardian', accountId: parent.id },
      pseudonym: request.pseudonym,
    });
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM accounts WHERE id = $1', [parent.id]))).not.toContain('Adeyemi');

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { area: area.slug, email: parent.email, password: parent.password },
    });
    expect(signIn.statusCode).toBe(401);

    const twice = await open(admin, { kind: 'erasure', subjectType: 'guardian', subjectId: parent.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ conflicts: [{ field: 'subjectId', requestId: request.id }] });

    for (const service of Object.keys(ANSWERED) as (keyof typeof ANSWERED)[]) await answer(request, service, { actions: [] });
    const again = await open(admin, { kind: 'erasure', subjectType: 'guardian', subjectId: parent.id });
    expect(again.statusCode).toBe(201);
    expect(again.json<DataRequestDto>().pseudonym).toBe(request.pseudonym);
    expect(
      again
        .json<DataRequestDto>()
        .parts[0].actions.filter((action) => action.action !== 'kept')
        .map((action) => action.rows),
    ).toEqual([0, 0, 0, 0]);
    expect((await get(admin, `/identity/data-requests/${request.id}/export.zip`)).statusCode).toBe(404);
  });

  it('gives an erased pupil "Pupil XXXX", another pupil whose four characters are taken the next ones, and the same one on a second erasure', async () => {
    const pupil = newId();
    const exported = (await open(admin, { kind: 'export', subjectType: 'pupil', subjectId: pupil })).json<DataRequestDto>();
    await answer(exported, 'scheduling', { records: { pupil: [{ firstName: 'Zofia', lastName: 'Kowalczyk' }] } });
    const first = (await open(admin, { kind: 'erasure', subjectType: 'pupil', subjectId: pupil })).json<DataRequestDto>();
    expect(first.pseudonym).toMatch(/^Pupil [0-9A-F]{4}$/);
    // What an earlier export collected for download goes with the name.
    expect(
      JSON.stringify(await t.dataSource.query('SELECT records FROM data_request_parts WHERE request_id = $1', [exported.id])),
    ).not.toContain('Kowalczyk');
    expect(first.parts[0].actions).toEqual([
      { what: 'earlier exports kept for download', rows: 2, action: 'deleted', reason: null },
      expect.objectContaining({ what: 'guardian links', rows: 0, action: 'kept' }),
      expect.objectContaining({ what: 'audit entries', action: 'kept' }),
    ]);

    // Another pupil whose first candidate is taken gets another four characters.
    const rival = newId();
    const { createHash } = await import('node:crypto');
    const rivalFirst = `Pupil ${createHash('sha256').update(rival).digest('hex').toUpperCase().slice(0, 4)}`;
    await t.dataSource.query(
      `INSERT INTO data_subject_pseudonyms (tenant_id, subject_type, subject_id, pseudonym) VALUES ($1, 'pupil', $2, $3)`,
      [area.id, newId(), rivalFirst],
    );
    const second = (await open(admin, { kind: 'erasure', subjectType: 'pupil', subjectId: rival })).json<DataRequestDto>();
    expect(second.pseudonym).toMatch(/^Pupil [0-9A-F]{4}$/);
    expect(second.pseudonym).not.toBe(rivalFirst);

    for (const service of Object.keys(ANSWERED) as (keyof typeof ANSWERED)[]) await answer(first, service, { actions: [] });
    const repeat = (await open(admin, { kind: 'erasure', subjectType: 'pupil', subjectId: pupil })).json<DataRequestDto>();
    expect(repeat.pseudonym).toBe(first.pseudonym);
  });

  async function finishedExportOfAmelia(headers: Record<string, string>): Promise<DataRequestDto> {
    const request = (await open(headers, { kind: 'export', subjectType: 'pupil', subjectId: amelia })).json<DataRequestDto>();
    for (const service of Object.keys(AMELIA_RECORDS) as (keyof typeof AMELIA_RECORDS)[])
      await answer(request, service, { records: AMELIA_RECORDS[service] });
    return request;
  }
});
