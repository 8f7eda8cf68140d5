import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateIdentityKeyPair, IDENTITY_HEADER, importIdentityKey, signIdentityToken, type Identity } from '@tutti/auth';
import { createServiceApp, loadConfig, provisionServiceDatabase } from '@tutti/platform';
import type { KeyLike } from 'jose';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SchedulingConfig } from '../config';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  /** Lower-case names, as Fastify answers them (`etag`). */
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SchedulingTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  /** Calls the service as this identity (a token minted as the gateway would). */
  call<T = Record<string, unknown>>(identity: Identity | null, method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** The scheduling app on Fastify, on the real test Postgres, with the edge every service has. */
export async function createSchedulingTestApp(): Promise<SchedulingTestApp> {
  const adminUrl = requiredEnv('DATABASE_URL');
  const databaseUrl = await provisionServiceDatabase(adminUrl, 'scheduling', 'pw');
  const keys = await generateIdentityKeyPair();
  const privateKey: KeyLike | Uint8Array = await importIdentityKey(keys.privateKey);
  const config = loadConfig(SchedulingConfig, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    REDIS_URL: requiredEnv('REDIS_URL'),
    IDENTITY_PUBLIC_KEY: keys.publicKey,
    SERVICE_MODE: 'api',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '4',
  });
  const app = await createServiceApp({ service: 'scheduling', description: 'scheduling (test)', config, module: AppModule.register(config) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);

  return {
    app,
    db,
    async call<T>(identity: Identity | null, method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
      const token = identity ? await signIdentityToken(identity, 'scheduling', privateKey) : undefined;
      const response = await app.inject({
        method,
        url,
        headers: { ...(token ? { [IDENTITY_HEADER]: token } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      const text = response.body;
      return { status: response.statusCode, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
    },
    async close() {
      await app.close();
    },
  };
}

function requiredEnv(name: 'DATABASE_URL' | 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for scheduling integration specs (the root Jest set-up sets it)`);
  return value;
}
