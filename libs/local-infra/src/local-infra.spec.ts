import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { isPortOpen, startLocalInfra, type LocalInfra } from './index';

jest.setTimeout(60_000);

const repoRoot = resolve(__dirname, '../../..');

interface MailDevEmail {
  subject: string;
  to: { address: string }[];
}

async function findMail(apiUrl: string, subject: string): Promise<MailDevEmail | undefined> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(`${apiUrl}/email`);
    const mails = (await response.json()) as MailDevEmail[];
    const found = mails.find((m) => m.subject === subject);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

describe('startLocalInfra (test profile, private servers)', () => {
  const lines: string[] = [];
  let dataDir: string;
  let infra: LocalInfra;
  let ports: number[];

  beforeAll(async () => {
    mkdirSync(join(repoRoot, '.tutti'), { recursive: true });
    dataDir = mkdtempSync(join(repoRoot, '.tutti', 'spec-local-infra-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres OS user when we are root
    // env: {} — never the URLs of the global set-up; these servers are ours alone.
    infra = await startLocalInfra({ dataDir, profile: 'test', withMail: true, env: {}, log: (l) => lines.push(l) });
    const mail = infra.mail;
    if (!mail || !infra.redis) throw new Error('mail and redis handles expected');
    ports = [Number(new URL(infra.databaseUrl).port), infra.redis.port, mail.smtpPort, Number(new URL(mail.webUrl).port)];
  });

  afterAll(async () => {
    await infra?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs progress with timings', () => {
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^PostgreSQL ready in \d+\.\d s$/)]));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Redis ready in \d+\.\d s$/)]));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^MailDev ready in \d+\.\d s$/)]));
  });

  it('serves PostgreSQL with the test settings and the tutti database', async () => {
    expect(infra.databaseUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/tutti$/);
    const client = new pg.Client({ connectionString: infra.databaseUrl });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect((await client.query('SHOW fsync')).rows[0]).toEqual({ fsync: 'off' });
      expect((await client.query('SHOW max_connections')).rows[0]).toEqual({ max_connections: '300' });
      expect((await client.query('SELECT current_database() AS db')).rows[0]).toEqual({ db: 'tutti' });
    } finally {
      await client.end();
    }
  });

  it('serves Redis and survives stop()/start() on the same port', async () => {
    const redisHandle = infra.redis;
    if (!redisHandle) throw new Error('redis handle expected');
    const client = new Redis(infra.redisUrl, { retryStrategy: () => 100 });
    client.on('error', () => undefined); // reconnect noise while the server is down
    try {
      expect(await client.ping()).toBe('PONG');
      await client.set('survives-restart', 'yes');
      await redisHandle.stop();
      expect(await isPortOpen(redisHandle.port)).toBe(false);
      await redisHandle.start();
      expect(await client.ping()).toBe('PONG');
      expect(await client.get('survives-restart')).toBe('yes'); // AOF on
    } finally {
      client.disconnect();
    }
  });

  it('catches mail sent over SMTP and shows it in the MailDev REST API', async () => {
    const mail = infra.mail;
    if (!mail) throw new Error('mail expected');
    const transport = nodemailer.createTransport({ host: mail.smtpHost, port: mail.smtpPort, secure: false, ignoreTLS: true });
    const subject = `local-infra spec ${Date.now()}`;
    await transport.sendMail({ from: 'tutti@example.test', to: 'parent@example.test', subject, text: 'Rehearsal moved to 5 pm.' });
    transport.close();
    const found = await findMail(mail.apiUrl, subject);
    expect(found?.to).toEqual([expect.objectContaining({ address: 'parent@example.test' })]);
  });

  it('stops everything, idempotently, and closes the ports', async () => {
    await infra.stop();
    await infra.stop();
    for (const port of ports) expect(await isPortOpen(port)).toBe(false);
  });
});
