import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { ReminderRow } from '@tutti/messaging';
import { createGatewayApp } from '../../gateway-app';
import { gatewayTestConfig } from '../../testing/gateway-test-config';
import { IdentityFixtures, type TestTenant } from '../testing/identity-fixtures';
import { nextRetentionRunAt, RETENTION_RUN_KIND, RetentionDailyRun } from './retention-daily-run';

describe('the daily retention run of every area', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let area: TestTenant;

  beforeAll(async () => {
    const config = await gatewayTestConfig();
    app = await createGatewayApp(config);
    db = app.get(DataSource);
    area = await new IdentityFixtures(app, db).tenant();
    await app.init();
  });
  afterAll(() => app?.close());

  const pending = () =>
    db.query<ReminderRow[]>(
      `SELECT id, tenant_id AS "tenantId", kind, recipient_id AS "recipientId", subject_type AS "subjectType", subject_id AS "subjectId",
              due_at AS "dueAt", status, payload, attempts, last_error AS "lastError", claimed_until AS "claimedUntil", sent_at AS "sentAt",
              created_at AS "createdAt", updated_at AS "updatedAt" FROM reminders WHERE tenant_id = $1 AND kind = $2 AND status = 'scheduled'`,
      [area.id, RETENTION_RUN_KIND],
    );

  it('runs at 02:30 UTC, today if that is still ahead, else tomorrow', () => {
    expect(nextRetentionRunAt(new Date('2026-12-05T01:00:00Z')).toISOString()).toBe('2026-12-05T02:30:00.000Z');
    expect(nextRetentionRunAt(new Date('2026-12-05T02:30:00Z')).toISOString()).toBe('2026-12-06T02:30:00.000Z');
    expect(nextRetentionRunAt(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-01T02:30:00.000Z');
  });

  it('gives each area one pending run at start-up, however often the gateway starts', async () => {
    const runs = await pending();
    expect(runs).toHaveLength(1);
    expect(runs[0].dueAt.toISOString()).toBe(nextRetentionRunAt(runs[0].createdAt).toISOString());
    await app.get(RetentionDailyRun).onApplicationBootstrap();
    expect(await pending()).toHaveLength(1);
  });

  it('opens a real retention run as of today when it fires, once however often it is delivered, and writes the next day’s', async () => {
    const [record] = await pending();
    // As the reminder worker does: the row is claimed (no longer scheduled) while it is delivered.
    await db.query(`UPDATE reminders SET status = 'sending' WHERE id = $1`, [record.id]);
    const reminder: ReminderRow = { ...record, status: 'sending' };
    const daily = app.get(RetentionDailyRun);
    await daily.deliver(reminder);
    await daily.deliver(reminder);

    const requests = await db.query<{ kind: string; requested_by: string | null; dry_run: boolean; as_of: string }[]>(
      `SELECT kind, requested_by, dry_run, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM data_requests WHERE tenant_id = $1`,
      [area.id],
    );
    expect(requests).toEqual([{ kind: 'retention', requested_by: null, dry_run: false, as_of: new Date().toISOString().slice(0, 10) }]);
    const opened = await db.query(`SELECT 1 FROM outbox_events WHERE tenant_id = $1 AND type = 'identity.data-request.opened'`, [area.id]);
    expect(opened).toHaveLength(1);
    const next = await pending();
    expect(next).toHaveLength(1);
    expect(next[0].id).not.toBe(record.id);
    expect(next[0].dueAt.getTime()).toBeGreaterThan(record.dueAt.getTime());
  });
});
