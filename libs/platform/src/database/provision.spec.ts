import { randomBytes } from 'node:crypto';
import { schemaOf, SERVICE_NAMES } from '@tutti/contracts';
import { Client } from 'pg';
import { provisionServiceDatabase } from './provision';

/** Roles belong to the whole server: two databases provisioned at once (two test systems) must both succeed. */
describe('provisionServiceDatabase', () => {
  // The private PostgreSQL the test set-up started (jest.config.js globalSetup).
  const adminUrl = process.env.DATABASE_URL ?? '';
  const databases = ['a', 'b'].map((side) => `provision_${side}_${randomBytes(4).toString('hex')}`);
  const urlOf = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

  async function asAdmin(work: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(() =>
    asAdmin(async (client) => void (await Promise.all(databases.map((database) => client.query(`CREATE DATABASE "${database}"`))))),
  );
  afterAll(() =>
    asAdmin(
      async (client) =>
        void (await Promise.all(databases.map((database) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)))),
    ),
  );

  it('provisions every service in two databases at the same moment, five times over, and each role then reaches its schema', async () => {
    for (let round = 0; round < 5; round++) {
      // The same passwords the other test suites use: the roles are shared with them.
      await Promise.all(
        databases.flatMap((database) =>
          SERVICE_NAMES.map((service) => provisionServiceDatabase(urlOf(database), service, `test-${schemaOf(service)}`)),
        ),
      );
    }
    for (const database of databases) {
      const url = await provisionServiceDatabase(urlOf(database), 'scheduling', 'test-scheduling');
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        expect((await client.query<{ search_path: string }>('SHOW search_path')).rows[0].search_path).toBe('scheduling');
      } finally {
        await client.end();
      }
    }
  });
});
