/**
 * A worker killed mid-send (issue 15, §7): parent-engagement's worker runs as a process of its own
 * (SERVICE_MODE=worker, as in production) and is SIGKILLed during a burst of 24-hour reminders,
 * after the SMTP server has accepted some of them but before it could mark them sent (an SMTP
 * proxy holds back the server's "250 accepted"). Redis then goes down for 10 s and comes back, and
 * the worker is started again. Within 90 s every family has its reminder, once by Message-ID: the
 * reminders the server had accepted are sent a second time, as the same message (same Message-ID),
 * which is all a crash between the server's accept and the row's 'sent' can leave.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '@tutti/auth';
import { findFreePort, startRedis, type RedisServerHandle } from '@tutti/local-infra';
import { newId } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor, type ReceivedMail } from '@tutti/testing';
import type { ParentEngagementConfig } from '../config';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import { HOUR, publishPerformance, runBody, useEngagementTestKit } from '../testing/engagement-test-kit';

const ROOT = join(__dirname, '..', '..', '..', '..');
const FAMILIES = 12;
const REDIS_DOWN_MS = 10_000;
const RECOVERY_BUDGET_MS = 90_000;
/** How far ahead the 24-hour reminders fall due: time to book and confirm twelve families first. */
const LEAD_MS = 15_000;
const REMINDER_SUBJECT = /^Tomorrow: bus to /;

/**
 * Forwards SMTP to MailDev. While `holding`, a connection whose message matches `holds` gets no
 * answer once its DATA is complete: the server has accepted the message, the sender never hears so.
 */
class SmtpReplyHold {
  holding = true;
  /** Connections whose message the server accepted and whose sender is still waiting. */
  accepted = 0;
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  constructor(
    private readonly upstream: { host: string; port: number },
    private readonly holds: (message: string) => boolean,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private connect(client: Socket): void {
    const server = createConnection(this.upstream);
    this.sockets.add(client).add(server);
    let sent = '';
    let held = false;
    let answeredWhileHeld = false;
    client.on('data', (chunk: Buffer) => {
      sent += chunk.toString('latin1');
      if (this.holding && !held && sent.includes('\r\n.\r\n') && this.holds(sent)) held = true;
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!held) {
        client.write(chunk);
      } else if (!answeredWhileHeld) {
        answeredWhileHeld = true;
        this.accepted += 1;
      }
    });
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    for (const socket of [client, server]) {
      socket.on('close', close);
      socket.on('error', close);
    }
  }
}

/** parent-engagement's main.ts as a worker-only process, as a deployment runs its worker replicas. */
class WorkerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const port = await findFreePort();
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'tools/runtime/register.js'), join(ROOT, 'apps/parent-engagement/src/main.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, PORT: String(port), SERVICE_MODE: 'worker', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}):\n${this.output}`);
        return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) })).status === 200;
      },
      { timeoutMs: 60_000, intervalMs: 200, description: 'the worker process to answer /health' },
    );
  }

  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  get log(): string {
    return this.output;
  }
}

interface Family {
  guardian: Identity;
  pupilId: string;
  email: string;
}

interface ReminderState {
  id: string;
  recipient_id: string;
  due_at: Date;
  status: string;
}

describe('reminders when the worker dies mid-send (a worker process, Redis and SMTP)', () => {
  const tenantId = newTenantId();
  const schoolId = newId();
  let redisDir: string;
  let redis: RedisServerHandle;
  let smtp: SmtpReplyHold;
  let smtpUrl: string;
  let worker: WorkerProcess;

  // Hooks run in the order written, the after-alls too: Redis and the SMTP hold start before the
  // service and stop after it, and the worker process is killed before the service closes.
  beforeAll(async () => {
    redisDir = mkdtempSync(join(tmpdir(), 'tutti-worker-death-'));
    redis = await startRedis({ dir: redisDir });
    const mailDev = new URL(process.env.SMTP_URL ?? '');
    smtp = new SmtpReplyHold({ host: mailDev.hostname, port: Number(mailDev.port) }, (message) =>
      /\r\nSubject: Tomorrow: bus to /.test(message),
    );
    smtpUrl = await smtp.start();
  }, 60_000);
  afterAll(() => worker?.kill('SIGTERM'), 60_000);

  // This process answers the API only; the worker process sends.
  const kit = useEngagementTestKit(() => ({ REDIS_URL: redis.url, SMTP_URL: smtpUrl, SERVICE_MODE: 'api' }));

  beforeAll(async () => {
    const config = kit.app.get<symbol, ParentEngagementConfig>(PARENT_ENGAGEMENT_CONFIG);
    worker = new WorkerProcess({
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: redis.url,
      SMTP_URL: smtpUrl,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      IDENTITY_PUBLIC_KEY: config.IDENTITY_PUBLIC_KEY,
    });
    await worker.start();
  }, 120_000);
  afterAll(async () => {
    await smtp?.stop();
    await redis?.stop();
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
  }, 60_000);

  async function newFamilies(): Promise<Family[]> {
    return Promise.all(
      Array.from({ length: FAMILIES }, async () => {
        const pupilId = newId();
        const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
        const email = `worker-death-${guardian.userId}@example.org`;
        const saved = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
          email,
          language: 'en',
          emailEnabled: true,
          smsEnabled: false,
        });
        expect(saved.statusCode).toBe(200);
        return { guardian, pupilId, email };
      }),
    );
  }

  const remindersOf = (): Promise<ReminderState[]> =>
    kit.db.query(
      `SELECT id, recipient_id, due_at, status FROM reminders WHERE tenant_id = $1 AND kind = 'transport.pickup-24h' ORDER BY id`,
      [tenantId],
    );

  const reminderMailsTo = (families: Family[]): Promise<ReceivedMail[][]> =>
    Promise.all(families.map((family) => mailsTo(family.email, REMINDER_SUBJECT)));

  it('sends every reminder within 90 s of recovery, each family once by Message-ID', async () => {
    const families = await newFamilies();
    // Pick-ups an hour before the start: the 24-hour reminders all fall due LEAD_MS from now.
    const { performanceId, startsAt } = await publishPerformance(kit, tenantId, 25 + LEAD_MS / HOUR, 'Night Before Concert');
    const run = await kit.call(personas.programmeAdmin(tenantId), 'POST', '/transport-runs', runBody(performanceId, startsAt, 40));
    expect(run.statusCode).toBe(201);
    const { id: runId, stops } = run.json<{ id: string; stops: { id: string }[] }>();
    const booked = await Promise.all(
      families.map((family) =>
        kit.call(family.guardian, 'POST', '/transport-bookings', { runId, stopId: stops[0].id, adults: 1, pupilIds: [family.pupilId] }),
      ),
    );
    expect(booked.map((answer) => answer.statusCode)).toEqual(families.map(() => 201));
    expect(await remindersOf()).toHaveLength(FAMILIES);

    // The burst: the server accepts reminders whose sender never hears it; then the worker dies.
    await waitFor(() => smtp.accepted >= FAMILIES / 2, {
      timeoutMs: 60_000,
      intervalMs: 20,
      description: 'the SMTP server to accept half of the reminders',
    });
    await worker.kill('SIGKILL');
    smtp.holding = false;
    const acceptedBeforeDeath = smtp.accepted;
    const leftSending = (await remindersOf()).filter((reminder) => reminder.status === 'sending');
    // Every reminder the server accepted is still 'sending': the worker never heard back.
    expect(leftSending.length).toBeGreaterThanOrEqual(acceptedBeforeDeath);
    expect((await remindersOf()).filter((reminder) => reminder.status === 'sent')).toEqual([]);
    const firstCopies = await waitFor(
      async () => {
        const mails = await reminderMailsTo(families);
        return mails.flat().length === acceptedBeforeDeath && mails;
      },
      { description: 'the accepted reminders in the mailbox' },
    );

    await redis.stop();
    // The outage itself, not a wait for something to happen.
    await new Promise((resolve) => setTimeout(resolve, REDIS_DOWN_MS));
    await redis.start();
    await worker.start();
    const recoveredAt = Date.now();

    await waitFor(
      async () => {
        const reminders = await remindersOf();
        const mails = await reminderMailsTo(families);
        return reminders.every((reminder) => reminder.status === 'sent') && mails.every((copies) => copies.length >= 1);
      },
      { timeoutMs: RECOVERY_BUDGET_MS, intervalMs: 500, description: `every reminder sent (worker log:\n${worker.log})` },
    );
    process.stdout.write(
      `[worker-death] ${acceptedBeforeDeath} accepted before the kill, ${leftSending.length} left sending; all sent ${((Date.now() - recoveredAt) / 1000).toFixed(1)} s after recovery\n`,
    );

    const reminders = await remindersOf();
    const mails = await reminderMailsTo(families);
    families.forEach((family, index) => {
      const reminder = reminders.find((candidate) => candidate.recipient_id === family.guardian.userId);
      const messageIds = new Set(mails[index].map((mail) => mail.messageId.replace(/^<|>$/g, '')));
      // One message per family, named by the reminder and its due time…
      expect([...messageIds]).toEqual([`reminder-${reminder?.id}-${reminder?.due_at.getTime()}@parent-engagement.tutti`]);
      // …whose copies are two exactly when the server had accepted it before the worker died.
      expect(mails[index]).toHaveLength(firstCopies[index].length === 1 ? 2 : 1);
    });
  }, 240_000);
});
