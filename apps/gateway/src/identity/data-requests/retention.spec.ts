import { newId } from '@tutti/platform';
import type { TestTenant } from '../testing/identity-fixtures';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { DataRequestDto } from './dto/data-request.dto';
import type { RetentionScheduleDto } from './dto/retention-schedule.dto';

describe('retention: the area’s schedule and its runs', () => {
  let t: IdentityTestApp;
  let area: TestTenant;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    area = await t.fixtures.tenant();
    admin = await t.fixtures.bearer(await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] }));
  });
  afterAll(() => t?.close());

  const schedule = () => t.app.inject({ method: 'GET', url: '/identity/retention-schedule', headers: admin });
  const patch = (body: object, ifMatch?: string) =>
    t.app.inject({
      method: 'PATCH',
      url: '/identity/retention-schedule',
      headers: { ...admin, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      payload: body,
    });

  it('starts from the IRMS toolkit defaults and takes partial edits guarded by If-Match', async () => {
    const read = await schedule();
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json<RetentionScheduleDto>()).toEqual({
      attendanceYears: 3,
      familyContactMonthsAfterLeaving: 12,
      pupilRecordYearsAfterLeaving: 6,
      loanYearsAfterReturn: 6,
      messageMonths: 24,
      auditYears: 6,
    });
    expect((await patch({ messageMonths: 18 })).statusCode).toBe(428);
    const edited = await patch({ messageMonths: 18 }, '"0"');
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"1"');
    expect(edited.json<RetentionScheduleDto>()).toMatchObject({ messageMonths: 18, auditYears: 6, attendanceYears: 3 });
    const stale = await patch({ auditYears: 7 }, '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ currentETag: '"1"' });
    const wrong = await patch({ auditYears: 0, attendanceYears: 'three' }, '"1"');
    expect(wrong.statusCode).toBe(400);
    const fields = new Set(wrong.json<{ errors: { field: string }[] }>().errors.map((error) => error.field));
    expect([...fields].sort()).toEqual(['attendanceYears', 'auditYears']);
    expect((await schedule()).json<RetentionScheduleDto>().messageMonths).toBe(18);
    const [entry] = await t.dataSource.query<{ detail: Record<string, unknown> }[]>(
      `SELECT detail FROM audit_log WHERE tenant_id = $1 AND subject_type = 'retention_schedule'`,
      [area.id],
    );
    expect(entry.detail).toEqual({ changed: ['messageMonths'], before: { messageMonths: 24 } });
  });

  it('a run deletes audit entries older than the audit period (a dry run only counts them); younger ones and other areas’ stay', async () => {
    const other = await t.fixtures.tenant();
    const insert = (tenantId: string, occurredAt: string) =>
      t.dataSource.query(
        `INSERT INTO audit_log (id, tenant_id, occurred_at, service, action, subject_type, subject_id) VALUES ($1, $2, $3, 'scheduling', 'read', 'pupil', $4)`,
        [newId(), tenantId, occurredAt, newId()],
      );
    // As of today, the audit period (6 years) starts on today's date six years ago.
    const asOf = new Date().toISOString().slice(0, 10);
    const [year, month, date] = asOf.split('-').map(Number);
    const cutoff = new Date(Date.UTC(year - 6, month - 1, date)).toISOString().slice(0, 10);
    const day = 86_400_000;
    const around = (days: number) => new Date(Date.parse(`${cutoff}T00:00:00Z`) + days * day + 10 * 3_600_000).toISOString();
    await insert(area.id, around(-600));
    await insert(area.id, around(-1));
    await insert(area.id, around(0));
    await insert(other.id, around(-600));
    const countOld = async (tenantId: string) =>
      (
        await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND occurred_at < '2021-01-01'`,
          [tenantId],
        )
      )[0].n;

    const run = (body: object) => t.app.inject({ method: 'POST', url: '/identity/retention-runs', headers: admin, payload: body });
    const dry = await run({ dryRun: true, asOf });
    expect(dry.statusCode).toBe(201);
    const dryRun = dry.json<DataRequestDto>();
    expect(dryRun).toMatchObject({
      kind: 'retention',
      subject: null,
      retentionRun: { asOf, dryRun: true },
      progress: { received: 1 },
    });
    expect(dryRun.parts[0].actions).toEqual([
      { what: 'audit entries', rows: 2, action: 'deleted', reason: `older than 6 years (before ${cutoff}): dry run, nothing deleted` },
    ]);
    expect(await countOld(area.id)).toBe(3);
    const [opened] = await t.dataSource.query<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'identity.data-request.opened' AND payload->>'requestId' = $2`,
      [area.id, dryRun.id],
    );
    expect(opened.payload).toEqual({
      version: 1,
      requestId: dryRun.id,
      kind: 'retention',
      subject: null,
      pseudonym: null,
      retention: {
        attendanceYears: 3,
        familyContactMonthsAfterLeaving: 12,
        pupilRecordYearsAfterLeaving: 6,
        loanYearsAfterReturn: 6,
        messageMonths: 18,
        auditYears: 6,
        asOf,
        dryRun: true,
      },
    });

    const real = (await run({ dryRun: false, asOf })).json<DataRequestDto>();
    expect(real.parts[0].actions[0]).toMatchObject({ rows: 2, action: 'deleted' });
    expect(await countOld(area.id)).toBe(1);
    expect(await countOld(other.id)).toBe(1);
    expect((await run({ dryRun: false, asOf })).json<DataRequestDto>().parts[0].actions[0].rows).toBe(0);

    // Outside a retention run the audit log is still append-only (UPDATE is not even granted).
    await expect(t.dataSource.query('DELETE FROM audit_log WHERE tenant_id = $1', [other.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x' WHERE tenant_id = $1`, [other.id])).rejects.toThrow(
      /append-only|permission denied/,
    );
    // Nor can a run be made to reach entries under a year old.
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('tutti.audit_expiry_before', $1, true)`, [new Date().toISOString()]);
        await manager.query(`DELETE FROM audit_log WHERE tenant_id = $1`, [other.id]);
      }),
    ).rejects.toThrow(/append-only/);

    const future = await run({ dryRun: true, asOf: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ errors: { field: string }[] }>().errors[0].field).toBe('asOf');
  });
});
