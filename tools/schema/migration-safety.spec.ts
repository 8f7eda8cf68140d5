import { join } from 'node:path';
import { loadModule } from 'libpg-query';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { MIGRATION_LOCK_TIMEOUT, runMigrationsLocked } from '@tutti/platform';
import { requiredTestEnv, uniqueTestId } from '@tutti/testing';
import { KNOWN_UNSAFE_MIGRATIONS } from './migration-safety-exceptions';
import {
  inRunOrder,
  migrationFiles,
  migrationSafetyViolations,
  newSafetyState,
  recordMigrations,
  type RecordedMigration,
} from './migration-safety';

jest.setTimeout(300_000);

const root = join(__dirname, '..', '..');

/** A migration as the checker sees it, from SQL written here. */
const migration = (sql: string[], transaction = true): RecordedMigration => ({ name: 'Example1', file: 'example.ts', transaction, sql });
const violations = (sql: string[], transaction = true) => migrationSafetyViolations(migration(sql, transaction));

describe('migrations never block writes for long', () => {
  let recorded: RecordedMigration[];

  beforeAll(async () => {
    await loadModule();
    recorded = [];
    for (const file of migrationFiles(root)) recorded.push(...(await recordMigrations(file, root)));
  });

  it('reads every migration: each service’s folder, libs/messaging’s and libs/platform’s', () => {
    const folders = new Set(recorded.map((found) => found.file.split('/').slice(0, 2).join('/')));
    for (const folder of [
      'apps/gateway',
      'apps/scheduling',
      'apps/instrument-loan',
      'apps/performance-event',
      'apps/parent-engagement',
      'libs/messaging',
      'libs/platform',
    ])
      expect(folders).toContain(folder);
    expect(recorded.length).toBeGreaterThanOrEqual(40);
    for (const found of recorded) expect(found.sql.length).toBeGreaterThan(0);
  });

  it('every migration follows the rules, or is a known exception with its reason (and every exception still occurs)', () => {
    const found: string[] = [];
    const byFolder = new Map<string, RecordedMigration[]>();
    for (const each of recorded) {
      const folder = each.file.split('/').slice(0, 2).join('/');
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), each]);
    }
    for (const migrations of byFolder.values()) {
      const state = newSafetyState();
      for (const each of inRunOrder(migrations)) found.push(...migrationSafetyViolations(each, state));
    }
    const unlisted = found.filter((violation) => !(violation in KNOWN_UNSAFE_MIGRATIONS));
    const gone = Object.keys(KNOWN_UNSAFE_MIGRATIONS).filter((listed) => !found.includes(listed));
    expect({ unlisted, gone }).toEqual({ unlisted: [], gone: [] });
  });

  describe('the rules', () => {
    it('CREATE INDEX on an existing table: CONCURRENTLY, outside a transaction', () => {
      expect(violations(['CREATE INDEX loans_pupil ON loans (tenant_id, pupil_id)'])).toEqual([
        'Example1: CREATE INDEX loans_pupil ON loans without CONCURRENTLY',
      ]);
      expect(violations(['CREATE INDEX CONCURRENTLY loans_pupil ON loans (tenant_id, pupil_id)'])).toEqual([
        'Example1: CREATE INDEX CONCURRENTLY ON loans in a transaction: set transaction = false',
      ]);
      expect(violations(['CREATE INDEX CONCURRENTLY loans_pupil ON loans (tenant_id, pupil_id)'], false)).toEqual([]);
      // A table the migration creates is empty: anything goes on it.
      expect(violations(['CREATE TABLE fresh (tenant_id uuid, id uuid)', 'CREATE INDEX fresh_id ON fresh (id)'])).toEqual([]);
    });

    it('no rewrite: a volatile default, a serial, a generated column or a type change', () => {
      expect(violations(['ALTER TABLE loans ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()'])).toEqual([
        'Example1: ADD COLUMN loans.token with the volatile default gen_random_uuid() rewrites the table',
      ]);
      expect(violations(['ALTER TABLE loans ADD COLUMN n bigserial'])).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ADD COLUMN total int GENERATED ALWAYS AS (a + b) STORED'])).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ALTER COLUMN notes TYPE text'])).toEqual([
        'Example1: ALTER COLUMN loans.notes TYPE rewrites the table (add a new column and backfill in batches)',
      ]);
      // Constants and now() are stored once in the catalogue.
      expect(
        violations([
          `ALTER TABLE loans ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN flagged_at timestamptz DEFAULT now(), ADD COLUMN kind text NOT NULL DEFAULT 'loan'`,
        ]),
      ).toEqual([]);
    });

    it('constraints: NOT VALID then VALIDATE; SET NOT NULL only behind a validated CHECK; unique ones USING INDEX', () => {
      expect(
        violations(['ALTER TABLE loans ADD CONSTRAINT loans_pupil_fk FOREIGN KEY (tenant_id, pupil_id) REFERENCES pupils (tenant_id, id)']),
      ).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ADD CONSTRAINT loans_positive CHECK (value >= 0)'])).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ADD COLUMN value int CHECK (value >= 0)'])).toHaveLength(1);
      const notValidThenValidate = [
        'ALTER TABLE loans ADD CONSTRAINT loans_positive CHECK (value >= 0) NOT VALID',
        'ALTER TABLE loans VALIDATE CONSTRAINT loans_positive',
      ];
      // In one transaction the ADD's ACCESS EXCLUSIVE lock would last through the VALIDATE's scan.
      expect(violations(notValidThenValidate)).toEqual([
        "Example1: VALIDATE CONSTRAINT loans_positive in the transaction that added it keeps the ADD's ACCESS EXCLUSIVE lock through the scan: validate in a later migration, or set transaction = false",
      ]);
      expect(violations(notValidThenValidate, false)).toEqual([]);
      expect(violations(['ALTER TABLE loans VALIDATE CONSTRAINT loans_positive'])).toEqual([]);
      expect(violations(['ALTER TABLE loans ALTER COLUMN school_id SET NOT NULL'])).toHaveLength(1);
      expect(
        violations(
          [
            'ALTER TABLE loans ADD CONSTRAINT loans_school_present CHECK (school_id IS NOT NULL) NOT VALID',
            'ALTER TABLE loans VALIDATE CONSTRAINT loans_school_present',
            'ALTER TABLE loans ALTER COLUMN school_id SET NOT NULL',
          ],
          false,
        ),
      ).toEqual([]);
      // Added but never validated proves nothing.
      expect(
        violations([
          'ALTER TABLE loans ADD CONSTRAINT loans_school_present CHECK (school_id IS NOT NULL) NOT VALID',
          'ALTER TABLE loans ALTER COLUMN school_id SET NOT NULL',
        ]),
      ).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ADD CONSTRAINT loans_tag UNIQUE (tenant_id, tag)'])).toHaveLength(1);
      expect(violations(['ALTER TABLE loans ADD CONSTRAINT loans_tag UNIQUE USING INDEX loans_tag_index'])).toEqual([]);
      expect(violations(['VACUUM FULL loans', 'CLUSTER loans USING loans_pkey', 'REFRESH MATERIALIZED VIEW totals'])).toHaveLength(3);
    });
  });

  describe('on a table of 2,000,000 rows while writes go on', () => {
    const adminUrl = requiredTestEnv().databaseUrl;
    const schema = uniqueTestId('migration_safety');
    const ROWS = 2_000_000;
    let admin: Client;

    const connect = async () => {
      const client = new Client({ connectionString: adminUrl, options: `-c search_path=${schema}` });
      client.on('error', () => undefined); // the test set-up's teardown may end it first
      await client.connect();
      return client;
    };

    /** Inserts one row after another until stopped; answers the slowest insert (ms) and how many went in. */
    const writer = async () => {
      const client = await connect();
      let stop = false;
      let slowest = 0;
      let count = 0;
      const done = (async () => {
        while (!stop) {
          const started = process.hrtime.bigint();
          await client.query('INSERT INTO big (school, pence) VALUES (1, 1)');
          slowest = Math.max(slowest, Number(process.hrtime.bigint() - started) / 1e6);
          count++;
        }
      })();
      return async () => {
        stop = true;
        await done;
        await client.end();
        return { slowest, count };
      };
    };

    const runMigration = async (
      name: string,
      up: (runner: QueryRunner) => Promise<void>,
      options: { transaction?: boolean; lockTimeout?: string; after?: (dataSource: DataSource) => Promise<void> } = {},
    ) => {
      const Migration = class implements MigrationInterface {
        name = name;
        transaction = options.transaction;
        up = up;
        async down(): Promise<void> {
          // never reverted here
        }
      };
      const dataSource = await new DataSource({
        type: 'postgres',
        url: adminUrl,
        schema,
        migrations: [Migration],
        migrationsTableName: 'migrations',
        extra: { options: `-c search_path=${schema}`, max: 2 },
        logging: false,
      }).initialize();
      try {
        const applied = await runMigrationsLocked(dataSource, () => undefined, options.lockTimeout);
        await options.after?.(dataSource);
        return applied;
      } finally {
        await dataSource.destroy();
      }
    };

    beforeAll(async () => {
      admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`CREATE TABLE ${schema}.big (id bigserial PRIMARY KEY, school int NOT NULL, pence int NOT NULL)`);
      const started = Date.now();
      await admin.query(`INSERT INTO ${schema}.big (school, pence) SELECT g % 1000, g % 100000 FROM generate_series(1, ${ROWS}) g`);
      await admin.query(`ANALYZE ${schema}.big`);
      process.stdout.write(`${ROWS} rows generated in ${Date.now() - started} ms\n`);
    }, 300_000);

    afterAll(async () => {
      await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin?.end();
    });

    it(`every migration runs with lock_timeout ${MIGRATION_LOCK_TIMEOUT}, and the pool's connection gets its own setting back`, async () => {
      let seen = '';
      let afterwards = '';
      await runMigration(
        'SeesLockTimeout1764100000001',
        async (runner) => {
          seen = ((await runner.query('SHOW lock_timeout')) as { lock_timeout: string }[])[0].lock_timeout;
        },
        {
          // The pool has two connections: ask both (two at once) what they wait for now.
          after: async (dataSource) => {
            const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
            const answers = await Promise.all(runners.map((runner) => runner.query('SHOW lock_timeout')));
            await Promise.all(runners.map((runner) => runner.release()));
            afterwards = [...new Set(answers.map((rows: { lock_timeout: string }[]) => rows[0].lock_timeout))].join();
          },
        },
      );
      expect(seen).toBe(MIGRATION_LOCK_TIMEOUT);
      expect(afterwards).toBe('0');
    });

    it('a migration that must wait for a lock gives up at the lock timeout, and the writes queued behind it go on', async () => {
      // A long report holds ACCESS SHARE on the table: the ALTER waits for it, and every write waits behind the ALTER.
      const report = await connect();
      await report.query('BEGIN');
      await report.query('SELECT count(*) FROM big');
      const stopWriting = await writer();
      const started = Date.now();
      await expect(
        runMigration(
          'WaitsForALock1764100000002',
          (runner) => runner.query('ALTER TABLE big ADD COLUMN flagged boolean NOT NULL DEFAULT false'),
          {
            lockTimeout: '1s',
          },
        ),
      ).rejects.toThrow(/lock timeout/);
      const failedAfter = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { slowest, count } = await stopWriting();
      await report.query('COMMIT');
      await report.end();
      process.stdout.write(
        `blocked migration gave up after ${failedAfter} ms (lock_timeout 1s); slowest insert meanwhile ${slowest.toFixed(0)} ms, ${count} inserts\n`,
      );
      expect(slowest).toBeLessThan(1_000 + 1_500);
      expect(count).toBeGreaterThan(1);
    });

    it('the safe forms keep writes flowing on 2,000,000 rows: CREATE INDEX CONCURRENTLY, a constant default, a CHECK NOT VALID then VALIDATE', async () => {
      const stopWriting = await writer();
      const started = Date.now();
      await runMigration(
        'IndexConcurrently1764100000003',
        (runner) => runner.query('CREATE INDEX CONCURRENTLY big_school ON big (school, pence)'),
        {
          transaction: false,
        },
      );
      const indexed = Date.now() - started;
      await runMigration('ConstantDefault1764100000004', (runner) =>
        runner.query('ALTER TABLE big ADD COLUMN version integer NOT NULL DEFAULT 1'),
      );
      const defaulted = Date.now() - started - indexed;
      // Outside a transaction: each statement commits, so the ADD's brief ACCESS EXCLUSIVE is gone before the VALIDATE scans.
      await runMigration(
        'CheckNotValid1764100000005',
        async (runner) => {
          await runner.query('ALTER TABLE big ADD CONSTRAINT big_pence_positive CHECK (pence >= 0) NOT VALID');
          await runner.query('ALTER TABLE big VALIDATE CONSTRAINT big_pence_positive');
        },
        { transaction: false },
      );
      const validated = Date.now() - started - indexed - defaulted;
      const safe = await stopWriting();

      // For comparison: the unsafe plain CREATE INDEX holds SHARE on the table for the whole build.
      const stopWritingAgain = await writer();
      const plainStarted = Date.now();
      await runMigration('PlainIndex1764100000006', (runner) => runner.query('CREATE INDEX big_pence ON big (pence, school)'));
      const plain = Date.now() - plainStarted;
      const unsafe = await stopWritingAgain();
      process.stdout.write(
        `on ${ROWS} rows: CREATE INDEX CONCURRENTLY ${indexed} ms, ADD COLUMN DEFAULT 1 ${defaulted} ms, CHECK NOT VALID + VALIDATE ${validated} ms; ` +
          `slowest insert meanwhile ${safe.slowest.toFixed(0)} ms (${safe.count} inserts). ` +
          `Plain CREATE INDEX ${plain} ms: slowest insert ${unsafe.slowest.toFixed(0)} ms (${unsafe.count} inserts)\n`,
      );
      // Writes wait for no build: far less than the build took (a noisy machine's pauses are well under a second).
      expect(safe.slowest).toBeLessThan(Math.max(indexed / 2, 1_000));
      expect(unsafe.slowest).toBeGreaterThan(plain / 2);
    }, 300_000);
  });
});
