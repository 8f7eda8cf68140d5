import { reminderJobId, reminderQueueOf } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { Queue } from 'bullmq';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { useEngagementTestKit } from '../testing/engagement-test-kit';

describe('the queue dashboard for programme admins', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  let reminderQueue: Queue;
  const [tenantId, otherTenantId] = [newTenantId(), newTenantId()];
  const admin = personas.programmeAdmin(tenantId);
  const otherAdmin = personas.programmeAdmin(otherTenantId);

  beforeAll(async () => {
    // API only: no worker picks up a retried reminder before the test looks at its job.
    const config = kit.app.get<typeof PARENT_ENGAGEMENT_CONFIG, ParentEngagementConfig>(PARENT_ENGAGEMENT_CONFIG, { strict: false });
    reminderQueue = new Queue(reminderQueueOf('parent-engagement'), { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await reminderQueue?.close();
  });

  async function failedReminder(tenant: string, dueInHours = -1, lastError = 'SMTP said <550> no'): Promise<string> {
    const id = newId();
    await kit.db.query(
      `INSERT INTO reminders (id, tenant_id, kind, recipient_id, subject_type, subject_id, due_at, status, attempts, last_error)
       VALUES ($1, $2, 'loan.overdue', $3, 'instrument-loan', $4, now() + make_interval(hours => $5), 'failed', 5, $6)`,
      [id, tenant, newId(), newId(), dueInHours, lastError],
    );
    return id;
  }

  it('counts the jobs of both of its queues per state', async () => {
    const response = await kit.call(admin, 'GET', '/admin/queues');
    expect(response.statusCode).toBe(200);
    const { queues } = response.json();
    expect(queues.map((queue: { name: string }) => queue.name)).toEqual(['events.parent-engagement', 'reminders.parent-engagement']);
    for (const queue of queues) {
      expect(Object.keys(queue.counts).sort()).toEqual([
        'active',
        'completed',
        'delayed',
        'failed',
        'prioritized',
        'waiting',
        'waiting-children',
      ]);
      expect(Object.values(queue.counts).every((count) => typeof count === 'number')).toBe(true);
    }
  });

  it("lists only the caller's tenant's failed reminders, a page at a time", async () => {
    const ours = [await failedReminder(tenantId, -3), await failedReminder(tenantId, -2)];
    const theirs = await failedReminder(otherTenantId);
    const first = (await kit.call(admin, 'GET', '/admin/queues?limit=1')).json().failedReminders;
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      kind: 'loan.overdue',
      due: expect.any(String),
      attempts: 5,
      lastError: 'SMTP said <550> no',
    });
    const rest = (await kit.call(admin, 'GET', `/admin/queues?limit=100&cursor=${first.nextCursor}`)).json().failedReminders;
    const seen = [...first.items, ...rest.items].map((item: { id: string }) => item.id);
    expect(seen).toEqual(expect.arrayContaining(ours));
    expect(seen).not.toContain(theirs);
    const otherSeen = (await kit.call(otherAdmin, 'GET', '/admin/queues'))
      .json()
      .failedReminders.items.map((item: { id: string }) => item.id);
    expect(otherSeen).toContain(theirs);
    expect(otherSeen).not.toContain(ours[0]);
  });

  it('retries a failed reminder: scheduled again, due now, its job queued; another tenant gets 404', async () => {
    const id = await failedReminder(tenantId);
    expect((await kit.call(otherAdmin, 'POST', `/admin/reminders/${id}/retry`)).statusCode).toBe(404);
    expect((await kit.call(admin, 'POST', `/admin/reminders/${newId()}/retry`)).statusCode).toBe(404);
    const before = Date.now();
    const response = await kit.call(admin, 'POST', `/admin/reminders/${id}/retry`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'scheduled' });
    const [row] = await kit.db.query('SELECT status, due_at FROM reminders WHERE id = $1', [id]);
    expect(row.status).toBe('scheduled');
    expect((row.due_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(await reminderQueue.getJob(reminderJobId(id, row.due_at as Date))).toBeDefined();
    const again = await kit.call(admin, 'POST', `/admin/reminders/${id}/retry`);
    expect(again.statusCode).toBe(409);
  });

  it('renders the same as an accessible HTML page, escaping what reminders say', async () => {
    const id = await failedReminder(tenantId, -1, '<script>alert(1)</script>');
    const response = await kit.call(admin, 'GET', '/admin/queues.html?limit=100');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('<caption>Jobs per state</caption>');
    expect(response.body).toContain('<th scope="row">reminders.parent-engagement</th>');
    expect(response.body).toContain(id);
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toContain('<script>');
  });

  it('refuses guardians and other staff', async () => {
    const guardian = personas.guardian(tenantId, [{ pupilId: newId(), schoolId: newId() }]);
    const headteacher = personas.headteacher(tenantId, newId());
    const id = await failedReminder(tenantId);
    for (const who of [guardian, headteacher]) {
      expect((await kit.call(who, 'GET', '/admin/queues')).statusCode).toBe(403);
      expect((await kit.call(who, 'GET', '/admin/queues.html')).statusCode).toBe(403);
      expect((await kit.call(who, 'POST', `/admin/reminders/${id}/retry`)).statusCode).toBe(403);
    }
  });
});
