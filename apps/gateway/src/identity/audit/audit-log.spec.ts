import { Client } from 'pg';
import type { EventEnvelope } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import { IdentityEventHandlers } from '../events/identity-event-handlers';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';
import { AuditLogService, InvalidAuditEntry } from './audit-log.service';
import type { AuditEntryPageDto } from './dto/audit-entry.dto';

describe('audit log', () => {
  let t: IdentityTestApp;
  let area: TestTenant;
  let admin: TestAccount;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    area = await t.fixtures.tenant();
    admin = await t.fixtures.account(area, { grants: [{ role: 'programme_admin' }] });
    adminHeaders = await t.fixtures.bearer(admin);
  });
  afterAll(() => t?.close());

  const auditLog = (query = '', headers = adminHeaders) => t.app.inject({ method: 'GET', url: `/audit-log${query}`, headers });

  /** Straight to the database as the gateway's own role, the owner of the table. */
  async function asGatewayRole<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: t.config.DATABASE_URL });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }

  it('is append-only: the database refuses UPDATE and DELETE, even to the gateway’s own role (DELETE by trigger: the role holds it for the retention run)', async () => {
    await t.app.get(AuditLogService).record(t.dataSource.manager, {
      tenantId: area.id,
      actorId: admin.id,
      actorRole: 'programme_admin',
      action: 'read',
      subjectType: 'account',
      subjectId: admin.id,
    });
    await asGatewayRole(async (db) => {
      await expect(db.query(`UPDATE audit_log SET action = 'nothing' WHERE tenant_id = $1`, [area.id])).rejects.toThrow(
        /permission denied/,
      );
      await expect(db.query(`DELETE FROM audit_log WHERE tenant_id = $1`, [area.id])).rejects.toThrow(/append-only: DELETE refused/);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'read'`, [area.id]);
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });

  it('refuses UPDATE and DELETE by trigger even if someone grants the rights back', async () => {
    await asGatewayRole(async (db) => {
      await db.query('BEGIN');
      try {
        await db.query('GRANT UPDATE, DELETE ON audit_log TO CURRENT_USER');
        await db.query('SAVEPOINT attempt');
        await expect(db.query(`UPDATE audit_log SET action = 'nothing' WHERE tenant_id = $1`, [area.id])).rejects.toThrow(
          /append-only: UPDATE refused/,
        );
        await db.query('ROLLBACK TO SAVEPOINT attempt');
        await expect(db.query(`DELETE FROM audit_log WHERE tenant_id = $1`, [area.id])).rejects.toThrow(/append-only: DELETE refused/);
      } finally {
        await db.query('ROLLBACK');
      }
    });
  });

  it('records reads and changes of accounts, grants and guardian links, with who, when and from where', async () => {
    const person = await t.fixtures.account(area);
    const school = await t.fixtures.school(area);
    await t.app.inject({ method: 'GET', url: `/identity/accounts/${person.id}`, remoteAddress: '192.0.2.7', headers: adminHeaders });
    await t.app.inject({
      method: 'POST',
      url: `/identity/accounts/${person.id}/grants`,
      headers: adminHeaders,
      payload: { role: 'school_staff', schoolIds: [school] },
    });
    await t.app.inject({
      method: 'POST',
      url: '/identity/guardian-links',
      headers: adminHeaders,
      payload: {
        accountId: person.id,
        pupilId: newId(),
        schoolId: school,
        relationship: 'carer',
        canBookTransport: false,
        canGiveConsent: true,
      },
    });

    const read = (await auditLog(`?subjectType=account&subjectId=${person.id}`)).json<AuditEntryPageDto>();
    expect(read.items).toEqual([
      expect.objectContaining({ action: 'read', actorId: admin.id, actorRole: 'programme_admin', ip: '192.0.2.7', service: 'gateway' }),
    ]);
    const grants = (await auditLog('?subjectType=grant')).json<AuditEntryPageDto>();
    expect(grants.items.map((item) => item.detail)).toContainEqual(
      expect.objectContaining({ accountId: person.id, role: 'school_staff', schoolId: school }),
    );
    const links = (await auditLog('?subjectType=guardian_link')).json<AuditEntryPageDto>();
    expect(links.items).toEqual([
      expect.objectContaining({ action: 'create', detail: expect.objectContaining({ accountId: person.id, relationship: 'carer' }) }),
    ]);
  });

  it('filters by actor and time, pages newest first, and shows an admin only their own area', async () => {
    const other = await t.fixtures.tenant();
    const otherAdmin = await t.fixtures.account(other, { grants: [{ role: 'programme_admin' }] });
    const service = t.app.get(AuditLogService);
    const actor = newId();
    const base = Date.parse('2026-02-01T09:00:00Z');
    for (let i = 0; i < 5; i++) {
      await service.recordFromService({
        id: newId(),
        tenantId: area.id,
        service: 'scheduling',
        occurredAt: new Date(base + i * 60_000).toISOString(),
        actorId: actor,
        actorRole: 'tutor',
        action: 'read',
        subjectType: 'pupil',
        subjectId: newId(),
        ip: '198.51.100.1',
        requestId: `req-${i}`,
      });
    }
    const window = `&from=${encodeURIComponent('2026-02-01T09:01:00Z')}&to=${encodeURIComponent('2026-02-01T10:04:00+01:00')}`;
    const first = (await auditLog(`?actorId=${actor}&limit=2${window}`)).json<AuditEntryPageDto>();
    expect(first.items.map((item) => item.requestId)).toEqual(['req-3', 'req-2']);
    const second = (await auditLog(`?actorId=${actor}&limit=2${window}&cursor=${first.nextCursor}`)).json<AuditEntryPageDto>();
    expect(second.items.map((item) => item.requestId)).toEqual(['req-1']);
    expect(second.nextCursor).toBeNull();

    const otherView = (await auditLog(`?actorId=${actor}`, await t.fixtures.bearer(otherAdmin))).json<AuditEntryPageDto>();
    expect(otherView.items).toEqual([]);
  });

  it('records another service’s entry once, however often it is delivered, and refuses malformed ones', async () => {
    const service = t.app.get(AuditLogService);
    const entry = {
      id: newId(),
      tenantId: area.id,
      service: 'parent-engagement',
      occurredAt: new Date().toISOString(),
      actorId: null,
      actorRole: null,
      action: 'read',
      subjectType: 'family',
      subjectId: newId(),
      ip: null,
      requestId: null,
      detail: { fields: ['contacts'] },
    };
    await expect(service.recordFromService(entry)).resolves.toBe('recorded');
    await expect(service.recordFromService(entry)).resolves.toBe('already-recorded');
    await expect(service.recordFromService({ ...entry, id: newId(), service: 'not-a-service', subjectType: 'Family!' })).rejects.toThrow(
      InvalidAuditEntry,
    );
    await expect(service.recordFromService({ ...entry, id: newId(), extra: 'field' })).rejects.toThrow(/extra/);
  });

  it('records an audit.entry.recorded event from another service once, for the admin to see', async () => {
    const handlers = t.app.get(IdentityEventHandlers);
    const tutor = newId();
    const pupil = newId();
    const event: EventEnvelope<'audit.entry.recorded'> = {
      id: newId(),
      type: 'audit.entry.recorded',
      tenantId: area.id,
      occurredAt: new Date().toISOString(),
      source: 'scheduling',
      payload: {
        version: 1,
        entryId: newId(),
        actorUserId: tutor,
        actorRole: 'tutor',
        action: 'read',
        subjectType: 'pupil',
        subjectId: pupil,
        service: 'scheduling',
        requestId: 'req-event',
        ip: '203.0.113.9',
        at: new Date().toISOString(),
        detail: { withFlags: false },
      },
    };
    const apply = () => t.dataSource.transaction((manager) => handlers.applyAuditEntry(event, manager));
    await apply();
    await apply();
    const seen = (await auditLog(`?subjectType=pupil&subjectId=${pupil}`)).json<AuditEntryPageDto>();
    expect(seen.items).toEqual([
      expect.objectContaining({
        id: event.payload.entryId,
        service: 'scheduling',
        actorId: tutor,
        actorRole: 'tutor',
        action: 'read',
        ip: '203.0.113.9',
        requestId: 'req-event',
        detail: { withFlags: false },
      }),
    ]);
  });

  it('is for programme admins only', async () => {
    const evaluator = await t.fixtures.account(area, { grants: [{ role: 'evaluator' }] });
    expect((await auditLog('', await t.fixtures.bearer(evaluator))).statusCode).toBe(403);
  });
});
