import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'libpg-query';

/**
 * Migrations that never block writes for long. A migration runs while the services keep writing, on
 * tables that may hold millions of rows; these rules keep every lock it takes that writes wait for
 * (ACCESS EXCLUSIVE for most ALTER TABLE, SHARE for a plain CREATE INDEX) to a moment, not the length
 * of a scan or a rewrite. The rules apply to tables that existed before the migration: a table the
 * same migration creates is empty, and anything goes on it.
 *
 * - CREATE INDEX must be CONCURRENTLY (it then cannot run in a transaction: the migration sets
 *   `transaction = false`, and runs each statement on its own).
 * - ALTER TABLE must not rewrite the table: no ADD COLUMN with a volatile default (gen_random_uuid(),
 *   clock_timestamp(), a serial; a constant or now() is only stored in the catalogue), no generated
 *   stored column, no ALTER COLUMN TYPE.
 * - SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated CHECK (col IS NOT NULL)
 *   proves it: add that CHECK NOT VALID, VALIDATE it (not in the ADD's transaction), then SET NOT NULL.
 * - Foreign keys and CHECKs are added NOT VALID, then VALIDATE CONSTRAINT (which lets writes go on),
 *   and not as part of ADD COLUMN on an existing table. The VALIDATE must not share the ADD's
 *   transaction, or the ADD's ACCESS EXCLUSIVE lock is held through the scan (measured in the spec:
 *   inserts stalled 1.7 s on 2,000,000 rows): a later migration, or one with `transaction = false`.
 * - UNIQUE and PRIMARY KEY constraints are added USING INDEX, from an index built CONCURRENTLY.
 * - No VACUUM FULL, CLUSTER or REFRESH MATERIALIZED VIEW without CONCURRENTLY.
 * - The wait for each lock is bounded: runMigrationsLocked (libs/platform) sets lock_timeout for the
 *   session every migration runs on (MIGRATION_LOCK_TIMEOUT).
 */

type Node = Record<string, unknown>;

export interface RecordedMigration {
  /** The class's name, e.g. InstrumentsAndLoans1764060700000. */
  name: string;
  /** Repository-relative file. */
  file: string;
  /** false when the migration runs outside a transaction (`transaction = false`). */
  transaction: boolean;
  /** Every SQL text its up() sends, in order. */
  sql: string[];
}

/** Every migration file: each service's migrations folder, libs/messaging's, and libs' `*.migration.ts`. */
export function migrationFiles(root: string): string[] {
  const files: string[] = [];
  const ts = (name: string) => name.endsWith('.ts') && !name.endsWith('.spec.ts');
  for (const app of readdirSync(join(root, 'apps'))) {
    const dir = join(root, 'apps', app, 'src', 'migrations');
    try {
      files.push(
        ...readdirSync(dir)
          .filter(ts)
          .map((name) => join(dir, name)),
      );
    } catch {
      // an app without a database (web)
    }
  }
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (ts(entry.name) && (entry.name.endsWith('.migration.ts') || /\/migrations$/.test(dir))) files.push(path);
    }
  };
  walk(join(root, 'libs'));
  return files.sort();
}

/**
 * Runs each migration class's up() in the file against a recording QueryRunner: the SQL it would send,
 * interpolations and all, with no database. (A migration that needs a query's answer to decide what
 * to send gets none; none here does.)
 */
export async function recordMigrations(file: string, root: string): Promise<RecordedMigration[]> {
  // Found by folder, so loaded by path: every migration of every service, with nothing to register.
  const exported = require(file) as Record<string, unknown>;
  const recorded: RecordedMigration[] = [];
  for (const value of Object.values(exported)) {
    if (typeof value !== 'function' || typeof (value as { prototype?: { up?: unknown } }).prototype?.up !== 'function') continue;
    const instance = new (value as new () => { name?: string; transaction?: boolean; up(runner: unknown): Promise<void> })();
    const sql: string[] = [];
    const runner = {
      query: async (text: string) => {
        sql.push(text);
        return [];
      },
      dataSource: { options: { schema: 'service_schema' }, driver: { escape: (name: string) => `"${name}"` } },
    };
    await instance.up(runner);
    recorded.push({ name: instance.name ?? value.name, file: relative(root, file), transaction: instance.transaction !== false, sql });
  }
  return recorded;
}

/** The statements the migration sends, parsed with PostgreSQL's own parser. */
function statementsOf(migration: RecordedMigration): Node[] {
  return migration.sql.flatMap((text) => {
    const parsed = parseSync(text) as unknown as { stmts?: { stmt: Node }[] };
    return (parsed.stmts ?? []).map((entry) => entry.stmt);
  });
}

const relationName = (relation: unknown): string => String((relation as Node | undefined)?.relname ?? '?');

/** Functions whose value is fixed for the statement (stable or immutable): a default of them is stored once, no rewrite. */
const NON_VOLATILE_FUNCTIONS = new Set(['now', 'transaction_timestamp', 'statement_timestamp', 'current_setting', 'jsonb_build_object']);
const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

/** The first function call in the expression that may be volatile (its name), if any. */
function volatileCallIn(expression: unknown): string | undefined {
  let found: string | undefined;
  const visit = (value: unknown): void => {
    if (found || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Node;
    if (node.FuncCall) {
      const names = ((node.FuncCall as Node).funcname as Node[]).map((part) => String((part.String as Node).sval));
      const name = names[names.length - 1];
      if (!NON_VOLATILE_FUNCTIONS.has(name)) found = `${name}()`;
    }
    Object.values(node).forEach(visit);
  };
  visit(expression);
  return found;
}

/** `col IS NOT NULL`: the column such a CHECK proves not null. */
function notNullCheckColumn(constraint: Node): string | undefined {
  const test = (constraint.raw_expr as Node | undefined)?.NullTest as Node | undefined;
  if (!test || test.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const fields = ((test.arg as Node | undefined)?.ColumnRef as Node | undefined)?.fields as Node[] | undefined;
  return fields?.length === 1 ? String((fields[0].String as Node).sval) : undefined;
}

/** What the checker remembers across one service's migrations, in order. */
export interface SafetyState {
  /** table.constraint of CHECK (col IS NOT NULL) constraints added NOT VALID, not yet validated → column. */
  pendingNotNullChecks: Map<string, string>;
  /** table.column proven not null by a validated CHECK. */
  provenNotNull: Set<string>;
}

export const newSafetyState = (): SafetyState => ({ pendingNotNullChecks: new Map(), provenNotNull: new Set() });

/** The rule each statement of the migration breaks, in words (`<migration>: <what>`). */
export function migrationSafetyViolations(migration: RecordedMigration, state: SafetyState = newSafetyState()): string[] {
  const violations: string[] = [];
  const createdHere = new Set<string>();
  /** table.constraint added NOT VALID by this migration. */
  const addedHere = new Set<string>();
  const flag = (what: string) => violations.push(`${migration.name}: ${what}`);
  for (const statement of statementsOf(migration)) {
    const [kind, body] = Object.entries(statement)[0] as [string, Node];
    if (kind === 'CreateStmt' || kind === 'CreateTableAsStmt') {
      createdHere.add(relationName(body.relation ?? (body.into as Node | undefined)?.rel));
    } else if (kind === 'IndexStmt') {
      const table = relationName(body.relation);
      if (createdHere.has(table)) continue;
      if (!body.concurrent) flag(`CREATE INDEX ${String(body.idxname ?? '')} ON ${table} without CONCURRENTLY`);
      else if (migration.transaction) flag(`CREATE INDEX CONCURRENTLY ON ${table} in a transaction: set transaction = false`);
    } else if (kind === 'AlterTableStmt' && body.objtype === 'OBJECT_TABLE') {
      const table = relationName(body.relation);
      if (createdHere.has(table)) continue;
      for (const wrapped of (body.cmds as Node[]) ?? []) {
        const command = wrapped.AlterTableCmd as Node;
        const def = command.def as Node | undefined;
        switch (command.subtype) {
          case 'AT_AddColumn': {
            const column = def?.ColumnDef as Node;
            const name = String(column.colname);
            const type = ((column.typeName as Node).names as Node[]).map((part) => String((part.String as Node).sval)).pop() ?? '';
            if (SERIAL_TYPES.has(type)) flag(`ADD COLUMN ${table}.${name} ${type} rewrites the table (its default is nextval())`);
            for (const wrappedConstraint of (column.constraints as Node[]) ?? []) {
              const constraint = wrappedConstraint.Constraint as Node;
              if (constraint.contype === 'CONSTR_DEFAULT') {
                const volatile = volatileCallIn(constraint.raw_expr);
                if (volatile) flag(`ADD COLUMN ${table}.${name} with the volatile default ${volatile} rewrites the table`);
              } else if (constraint.contype === 'CONSTR_GENERATED' || constraint.contype === 'CONSTR_IDENTITY') {
                flag(`ADD COLUMN ${table}.${name} generated or identity rewrites the table`);
              } else if (constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_FOREIGN') {
                flag(
                  `ADD COLUMN ${table}.${name} with an inline ${constraint.contype === 'CONSTR_CHECK' ? 'CHECK' : 'REFERENCES'} checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE`,
                );
              } else if (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') {
                flag(
                  `ADD COLUMN ${table}.${name} UNIQUE/PRIMARY KEY builds an index under ACCESS EXCLUSIVE: CREATE UNIQUE INDEX CONCURRENTLY, then USING INDEX`,
                );
              }
            }
            break;
          }
          case 'AT_AlterColumnType':
            flag(`ALTER COLUMN ${table}.${String(command.name)} TYPE rewrites the table (add a new column and backfill in batches)`);
            break;
          case 'AT_SetNotNull':
            if (!state.provenNotNull.has(`${table}.${String(command.name)}`))
              flag(
                `SET NOT NULL on ${table}.${String(command.name)} scans the table under ACCESS EXCLUSIVE: first ADD CONSTRAINT CHECK (${String(command.name)} IS NOT NULL) NOT VALID, then VALIDATE it`,
              );
            break;
          case 'AT_AddConstraint': {
            const constraint = def?.Constraint as Node;
            const name = String(constraint.conname ?? '(unnamed)');
            if ((constraint.contype === 'CONSTR_FOREIGN' || constraint.contype === 'CONSTR_CHECK') && !constraint.skip_validation)
              flag(
                `ADD CONSTRAINT ${name} on ${table} validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT`,
              );
            if (constraint.skip_validation) addedHere.add(`${table}.${name}`);
            if (constraint.contype === 'CONSTR_CHECK' && constraint.skip_validation) {
              const column = notNullCheckColumn(constraint);
              if (column) state.pendingNotNullChecks.set(`${table}.${name}`, column);
            }
            if (['CONSTR_UNIQUE', 'CONSTR_PRIMARY', 'CONSTR_EXCLUSION'].includes(String(constraint.contype)) && !constraint.indexname)
              flag(
                `ADD CONSTRAINT ${name} on ${table} builds its index under ACCESS EXCLUSIVE: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX`,
              );
            break;
          }
          case 'AT_ValidateConstraint': {
            const key = `${table}.${String(command.name)}`;
            if (addedHere.has(key) && migration.transaction)
              flag(
                `VALIDATE CONSTRAINT ${String(command.name)} in the transaction that added it keeps the ADD's ACCESS EXCLUSIVE lock through the scan: validate in a later migration, or set transaction = false`,
              );
            const column = state.pendingNotNullChecks.get(key);
            if (column) state.provenNotNull.add(`${table}.${column}`);
            break;
          }
          default:
            break;
        }
      }
    } else if (kind === 'VacuumStmt' && JSON.stringify(body.options ?? []).includes('"full"')) {
      flag('VACUUM FULL rewrites the table under ACCESS EXCLUSIVE');
    } else if (kind === 'ClusterStmt') {
      flag('CLUSTER rewrites the table under ACCESS EXCLUSIVE');
    } else if (kind === 'RefreshMatViewStmt' && !body.concurrent) {
      flag('REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks its readers');
    }
  }
  return violations;
}

/** The migrations of one schema, in the order they run (by the timestamp in the class name). */
export function inRunOrder(migrations: RecordedMigration[]): RecordedMigration[] {
  const stamp = (migration: RecordedMigration) => Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
  return [...migrations].sort((a, b) => stamp(a) - stamp(b));
}
