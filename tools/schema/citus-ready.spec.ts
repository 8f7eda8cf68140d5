import { join } from 'node:path';
import { loadModule } from 'libpg-query';
import { Client } from 'pg';
import { SERVICE_NAMES, schemaOf } from '@tutti/contracts';
import { requiredTestEnv, uniqueTestId } from '@tutti/testing';
import { migrateAll, provisionAll } from '../system/databases';
import { GLOBAL_TABLES, KNOWN_KEY_GAPS, KNOWN_STATEMENT_GAPS } from './citus-exceptions';
import { serviceSourceFiles, sqlStatementsIn, type SourceStatement } from './sql-in-source';
import { parseStatement, tenantFilterViolations } from './tenant-filters';
import { tableKeys, tenantKeyViolations, type TableKeys } from './tenant-keys';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');

/** Every tenant-owned table's keys and every statement's tenant filter, so that the schema distributes by tenant_id on Citus unchanged. */
describe('Citus-ready schema', () => {
  const database = uniqueTestId('citus');
  const admin = new Client({ connectionString: requiredTestEnv().databaseUrl });
  const tables: TableKeys[] = [];
  let statements: SourceStatement[] = [];

  beforeAll(async () => {
    await loadModule();
    statements = sqlStatementsIn(serviceSourceFiles(ROOT), ROOT);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(requiredTestEnv().databaseUrl);
    url.pathname = `/${database}`;
    // Each service's own migrate command into its own schema and role, as a deployment does.
    await migrateAll(await provisionAll(url.toString()), () => undefined);
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const service of SERVICE_NAMES) tables.push(...(await tableKeys(client, schemaOf(service))));
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const tenantTablesOf = (schema?: string) =>
    new Set(tables.filter((t) => t.hasTenantId && (!schema || t.schema === schema)).map((t) => t.table));

  it("finds every service's tables, and the only ones without tenant_id are the listed global ones", () => {
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set(SERVICE_NAMES.map(schemaOf)));
    expect(tenantTablesOf().size).toBeGreaterThan(50);
    const global = tables.filter((t) => !t.hasTenantId).map((t) => `${t.schema}.${t.table}`);
    expect(global.sort()).toEqual(Object.keys(GLOBAL_TABLES).sort());
  });

  it('leads every primary and unique key with tenant_id and pairs it in every foreign key, but for the listed gaps', () => {
    const gaps = tables.filter((t) => t.hasTenantId).flatMap(tenantKeyViolations);
    expect(gaps.sort()).toEqual(Object.keys(KNOWN_KEY_GAPS).sort());
  });

  it("finds the statements of every *.queries.ts and the inline SQL left elsewhere, and PostgreSQL's parser reads each", () => {
    const queryFiles = serviceSourceFiles(ROOT).filter((file) => file.endsWith('.queries.ts'));
    const withStatements = new Set(statements.map((s) => s.where.replace(/:\d+$/, '')));
    expect(queryFiles.filter((file) => !withStatements.has(file.slice(ROOT.length + 1)))).toEqual([]);
    expect(statements.length).toBeGreaterThan(400);
    const unreadable = statements.flatMap((statement) => {
      try {
        parseStatement(statement);
        return [];
      } catch (error: unknown) {
        return [String(error)];
      }
    });
    expect(unreadable).toEqual([]);
  });

  it('carries tenant_id in every statement on a tenant-owned table, in each join and subquery, but for the listed exceptions', () => {
    const gaps = new Set<string>();
    for (const statement of statements) {
      const schema = /^apps\/([^/]+)\//.exec(statement.where)?.[1];
      const tenantTables = tenantTablesOf(schema && schemaOf(schema as (typeof SERVICE_NAMES)[number]));
      for (const violation of tenantFilterViolations(parseStatement(statement), tenantTables)) {
        gaps.add(`${statement.where.replace(/:\d+$/, '')}: ${violation}`);
      }
    }
    expect([...gaps].sort()).toEqual(Object.keys(KNOWN_STATEMENT_GAPS).sort());
  });
});

describe('the tenant filter check', () => {
  beforeAll(() => loadModule());
  const tenantTables = new Set(['pupils', 'schools', 'loans']);
  const check = (text: string) => tenantFilterViolations(parseStatement({ where: 'example.ts:1', text }), tenantTables);

  it('accepts statements that carry tenant_id for every tenant-owned table', () => {
    expect(
      check('SELECT p.id FROM pupils p JOIN schools s ON s.tenant_id = p.tenant_id AND s.id = p.school_id WHERE p.tenant_id = $1'),
    ).toEqual([]);
    expect(check('INSERT INTO loans (tenant_id, id) VALUES ($1, $2)')).toEqual([]);
    expect(check('UPDATE pupils SET name = $3 WHERE tenant_id = $1 AND id = $2')).toEqual([]);
    expect(check('DELETE FROM pupils WHERE (tenant_id, id) IN (SELECT tenant_id, pupil_id FROM loans WHERE tenant_id = $1)')).toEqual([]);
    expect(check('SELECT * FROM pupils JOIN schools USING (tenant_id, id) WHERE pupils.tenant_id = $1')).toEqual([]);
    expect(check('WITH pupils AS (SELECT 1 AS id) SELECT id FROM pupils')).toEqual([]);
  });

  it('refuses a table reached without its tenant_id: by id alone, in a join, in a subquery, in an insert', () => {
    expect(check('SELECT * FROM pupils WHERE id = $1')).toEqual(['SELECT on pupils without its tenant_id']);
    expect(check('SELECT p.id FROM pupils p JOIN schools s ON s.id = p.school_id WHERE p.tenant_id = $1')).toEqual([
      'SELECT on schools s without its tenant_id',
    ]);
    expect(check('SELECT * FROM pupils WHERE tenant_id = $1 AND school_id IN (SELECT id FROM schools WHERE name = $2)')).toEqual([
      'SELECT on schools without its tenant_id',
    ]);
    expect(check('INSERT INTO loans (id, pupil_id) VALUES ($1, $2)')).toEqual(['INSERT INTO loans without tenant_id']);
    expect(check('UPDATE pupils SET name = $2 WHERE id = $1')).toEqual(['UPDATE on pupils without its tenant_id']);
    expect(check('DELETE FROM loans WHERE id = $1 AND pupil_id IN (SELECT id FROM pupils WHERE tenant_id = $2)')).toEqual([
      'DELETE on loans without its tenant_id',
    ]);
  });
});
