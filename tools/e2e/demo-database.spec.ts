/**
 * The e2e demo database: each caller gets a copy of its own of the server's demo template (built
 * once by whichever caller comes first), which each service's role can use as a fresh load would be.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { schemaOf } from '@tutti/contracts';
import { requiredTestEnv } from '@tutti/testing';
import { SERVICE_NAMES } from '../system/services';
import { createDemoDatabase, demoTemplateKey, type DemoDatabase } from './demo-database';

const serverUrl = () => requiredTestEnv().databaseUrl;
const names = [0, 1].map(() => `tutti_e2e_${randomBytes(4).toString('hex')}`);
let databases: DemoDatabase[] = [];

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // At once, as two Jest workers would: one builds the template (unless it exists), both clone it.
  databases = await Promise.all(names.map((name) => createDemoDatabase(serverUrl(), name, () => undefined)));
}, 300_000);

afterAll(async () => {
  for (const name of names) await query(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

it('gives each caller its own copy of the demo data, with every service role able to connect to its own schema', async () => {
  for (const database of databases) {
    const [{ areas }] = await query<{ areas: number }>(database.databaseUrls.gateway, 'SELECT count(*)::int AS areas FROM tenants');
    expect(areas).toBeGreaterThan(0);
    for (const service of SERVICE_NAMES) {
      const [row] = await query<{ schema: string }>(database.databaseUrls[service], 'SELECT current_schema() AS schema');
      expect(row.schema).toBe(schemaOf(service));
    }
  }
  const [first, second] = databases;
  await query(first.databaseUrls.gateway, `UPDATE tenants SET name = 'Changed in one copy' WHERE slug = (SELECT min(slug) FROM tenants)`);
  const seen = await query<{ name: string }>(second.databaseUrls.gateway, 'SELECT name FROM tenants');
  expect(seen.map((row) => row.name)).not.toContain('Changed in one copy');
});

it("leaves the areas' events in each copy's outbox, for that system's relay to deliver", async () => {
  for (const database of databases) {
    const [{ areas }] = await query<{ areas: number }>(database.databaseUrls.gateway, 'SELECT count(*)::int AS areas FROM tenants');
    const [{ unsent }] = await query<{ unsent: number }>(
      database.databaseUrls.gateway,
      `SELECT count(*)::int AS unsent FROM outbox_events WHERE type = 'identity.tenant.created' AND sent_at IS NULL`,
    );
    expect(unsent).toBe(areas);
  }
});

it('keeps the template closed to connections, so that no session blocks a copy', async () => {
  const templates = await query<{ datname: string; datallowconn: boolean }>(
    serverUrl(),
    `SELECT datname, datallowconn FROM pg_database WHERE datname = $1`,
    [`tutti_e2e_template_${demoTemplateKey()}`],
  );
  // Absent only when the hour turned since beforeAll (the next clone builds the next hour's).
  for (const template of templates) expect(template.datallowconn).toBe(false);
  const copies = await query<{ datallowconn: boolean }>(serverUrl(), `SELECT datallowconn FROM pg_database WHERE datname = ANY($1)`, [
    names,
  ]);
  expect(copies.map((copy) => copy.datallowconn)).toEqual([true, true]);
});

it('names a new template for another hour, and the same one for the same sources and hour', () => {
  const now = new Date('2026-12-05T21:10:00Z');
  expect(demoTemplateKey(now)).toBe(demoTemplateKey(new Date('2026-12-05T21:59:59Z')));
  expect(demoTemplateKey(now)).not.toBe(demoTemplateKey(new Date('2026-12-05T22:00:00Z')));
});
