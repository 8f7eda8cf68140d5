import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { generateIdentityKeyPair } from '@tutti/auth';
import { PlatformModule, loadConfig, provisionServiceDatabase } from '@tutti/platform';
import { deleteRedisKeysWithPrefix, requiredTestEnv, startTestService, uniqueTestId } from '@tutti/testing';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../database';
import { IdentityConfig } from '../config/identity-config';
import type { IdentityTuningOverrides } from '../config/identity-tuning';
import { IdentityModule } from '../identity.module';
import { IdentityFixtures } from './identity-fixtures';

/** The identity specs' own database on the test server, so that nothing another spec does to the gateway schema reaches them. */
const SPEC_DATABASE = 'tutti_identity_spec';
/** The password the gateway's specs give its (cluster-wide) role; one value, so that they do not lock each other out. */
const GATEWAY_TEST_PASSWORD = 'gateway-test-password';

/** A clock the identity cache reads; specs move it instead of sleeping. */
export class FakeClock {
  private offsetMs = 0;
  readonly now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface IdentityTestApp {
  app: NestFastifyApplication;
  config: IdentityConfig;
  clock: FakeClock;
  dataSource: DataSource;
  fixtures: IdentityFixtures;
  close(): Promise<void>;
}

/**
 * The identity module as the gateway runs it (platform edge, AccessGuard, validation, problem
 * details, real Postgres, Redis and SMTP), in a database of its own with fresh identity keys.
 */
export async function startIdentityTestApp(
  tuning: IdentityTuningOverrides = {},
  settings: Record<string, string> = {},
): Promise<IdentityTestApp> {
  const env = requiredTestEnv();
  const databaseUrl = await provisionServiceDatabase(await ensureSpecDatabase(env.databaseUrl), 'gateway', GATEWAY_TEST_PASSWORD);
  const smtpUrl = mailServerSmtpUrl();
  const keys = await generateIdentityKeyPair();
  const queuePrefix = uniqueTestId('identity');
  const config = loadConfig(IdentityConfig, {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    IDENTITY_PRIVATE_KEY: keys.privateKey,
    IDENTITY_PUBLIC_KEY: keys.publicKey,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Tutti test <no-reply@tutti.test>',
    PUBLIC_URL: 'https://tutti.test',
    ...settings,
  });
  const clock = new FakeClock();

  @Module({
    imports: [
      PlatformModule.forService({ service: 'gateway', config, entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS, queues: [] }),
      IdentityModule.register(config, { clock: clock.now, ...tuning }),
    ],
  })
  class IdentityTestRoot {}

  const app = await startTestService({ service: 'gateway', description: 'identity under test', config, module: IdentityTestRoot });
  const dataSource = app.get(DataSource);
  return {
    app,
    config,
    clock,
    dataSource,
    fixtures: new IdentityFixtures(app, dataSource),
    async close() {
      await app.close();
      await deleteRedisKeysWithPrefix(env.redisUrl, queuePrefix);
    },
  };
}

async function ensureSpecDatabase(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`tutti:create-database:${SPEC_DATABASE}`]);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [SPEC_DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${SPEC_DATABASE}`);
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`tutti:create-database:${SPEC_DATABASE}`]);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${SPEC_DATABASE}`;
  return url.toString();
}

/** The MailDev the Jest global set-up started (tools/jest/start-test-infra.ts); specs read what it received with mailsTo. */
function mailServerSmtpUrl(): string {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl || !process.env.MAILDEV_API_URL)
    throw new Error(
      'Identity specs need SMTP_URL and MAILDEV_API_URL: run them through the root Jest config (npx jest apps/gateway/src/identity)',
    );
  return smtpUrl;
}
