import { join } from 'node:path';
import { generateIdentityKeyPair } from '@tutti/auth';
import { startLocalInfra, type LocalInfra } from '@tutti/local-infra';
import { prepareBrowserSpecs } from '../e2e/browser-prerequisites';

declare global {
  // Held between global set-up and tear-down, which run in the same process.
  var tuttiTestInfra: LocalInfra | undefined;
}

/** Starts PostgreSQL, Redis and MailDev once per test run and hands their URLs to every worker. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[test infra] ${line}\n`);
  const [infra] = await Promise.all([
    startLocalInfra({ dataDir: join(__dirname, '..', '..', '.tutti', 'test'), profile: 'test', withMail: true, log }),
    prepareBrowserSpecs(log),
  ]);
  globalThis.tuttiTestInfra = infra;
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.REDIS_URL = infra.redisUrl;
  if (infra.mail) {
    process.env.SMTP_URL = `smtp://${infra.mail.smtpHost}:${infra.mail.smtpPort}`;
    process.env.MAILDEV_API_URL = infra.mail.apiUrl;
  }
  const keys = await generateIdentityKeyPair();
  process.env.IDENTITY_PRIVATE_KEY = keys.privateKey;
  process.env.IDENTITY_PUBLIC_KEY = keys.publicKey;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
