import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { schemaOf, type ServiceName } from '@tutti/contracts';
import { createServiceApp, loadConfig, provisionServiceDatabase, type ServiceBootstrapOptions, type ServiceConfig } from '@tutti/platform';
import { requiredTestEnv } from './test-env';
import { uniqueTestId } from './unique-names';

/** The service's own database role on the test PostgreSQL (created once, idempotently). */
export function provisionTestDatabase(service: ServiceName): Promise<string> {
  return provisionServiceDatabase(requiredTestEnv().databaseUrl, service, `test-${schemaOf(service)}`);
}

/** A service's validated config for tests: its own role, the test Redis, an ephemeral port. */
export async function testServiceConfig<C extends ServiceConfig>(
  service: ServiceName,
  configClass: new () => C,
  overrides: Record<string, string> = {},
): Promise<C> {
  const env = requiredTestEnv();
  return loadConfig(configClass, {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: await provisionTestDatabase(service),
    REDIS_URL: env.redisUrl,
    IDENTITY_PUBLIC_KEY: process.env.IDENTITY_PUBLIC_KEY ?? '',
    // Read only by the configs that ask for them (the gateway's).
    IDENTITY_PRIVATE_KEY: process.env.IDENTITY_PRIVATE_KEY ?? '',
    SMTP_URL: process.env.SMTP_URL ?? '',
    // Each spec file gets its own queues, so that its workers never pick up another file's jobs.
    QUEUE_PREFIX: uniqueTestId('q'),
    ...overrides,
  });
}

/** Builds the service exactly as in production (pipes, filters, guards, OpenAPI) and makes it ready for inject(). */
export async function startTestService(options: ServiceBootstrapOptions): Promise<NestFastifyApplication> {
  const app = await createServiceApp(options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
