import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rows } from './rows';

/**
 * For specs of the SQL helpers: a table `(id int PRIMARY KEY, label text)` of its own in the test
 * set-up's PostgreSQL (jest.config.js globalSetup), emptied before each test and dropped after all.
 */
export function useScratchTable(prefix: string, extra: Record<string, unknown> = {}) {
  const table = `${prefix}_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, synchronize: false, extra });
  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE ${table} (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await dataSource.destroy();
  });
  beforeEach(() => dataSource.query(`TRUNCATE ${table}`));
  /** The rows as `id:label`, by id. */
  const labels = async () =>
    (await rows<{ id: number; label: string }>(dataSource.manager, `SELECT id, label FROM ${table} ORDER BY id`)).map(
      (row) => `${row.id}:${row.label}`,
    );
  return { table, dataSource, labels };
}
