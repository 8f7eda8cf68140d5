import { parseSync } from 'libpg-query';
import { SLOT, type SourceStatement } from './sql-in-source';

/** What an unresolved interpolation may stand for, tried in order until the statement parses. */
const SLOT_STANDS_FOR = ['1', '', 'TRUE', 'slot', 'SELECT 1', 'slot = 1', 'slot AS (SELECT 1)'];

type Node = Record<string, unknown>;

export interface ParsedStatement extends SourceStatement {
  tree: Node;
}

/** Parses the statement with PostgreSQL's own parser, trying stand-ins for its slots; throws if none parses. */
export function parseStatement(statement: SourceStatement): ParsedStatement {
  const parts = statement.text.split(SLOT);
  const slots = parts.length - 1;
  const attempts: string[][] = [Array(slots).fill(SLOT_STANDS_FOR[0])];
  // One slot at a time away from the first stand-in, then all together: enough for the fragments used here.
  for (let slot = 0; slot < slots; slot++) {
    for (const standIn of SLOT_STANDS_FOR.slice(1)) attempts.push(attempts[0].map((value, index) => (index === slot ? standIn : value)));
  }
  for (const standIn of SLOT_STANDS_FOR.slice(1)) attempts.push(Array(slots).fill(standIn));
  let lastError: unknown;
  for (const values of attempts) {
    const sql = parts.reduce((text, part, index) => text + values[index - 1] + part);
    try {
      return { ...statement, tree: parseSync(sql) as unknown as Node };
    } catch (error: unknown) {
      lastError = error;
    }
  }
  throw new Error(`${statement.where}: does not parse (${String(lastError)}):\n${statement.text.replaceAll(SLOT, '${…}')}`);
}

/** What a slot standing for a table name parses as. */
const UNKNOWN_TABLE = 'slot';

interface TableUse {
  table: string;
  alias: string;
}

/**
 * Each use of a tenant-owned table in the statement (every SELECT, INSERT, UPDATE and DELETE at every
 * level: CTEs, subqueries, joins) must carry tenant_id: an INSERT names the column, the others
 * mention the table's tenant_id (qualified by its alias or name, or unqualified) in their WHERE or in
 * a join's ON / USING at the same level. That is what lets Citus route the statement to one shard
 * and keep joins co-located.
 */
export function tenantFilterViolations(statement: ParsedStatement, tenantTables: ReadonlySet<string>): string[] {
  const violations: string[] = [];
  const cteNames = new Set<string>();
  walk(statement.tree, (node) => {
    if (isNode(node.CommonTableExpr)) cteNames.add(String(node.CommonTableExpr.ctename));
  });
  const owned = (table: string) => tenantTables.has(table) && !cteNames.has(table);
  walk(statement.tree, (node) => {
    for (const [kind, body] of Object.entries(node)) {
      if (!isNode(body)) continue;
      if (kind === 'InsertStmt') {
        const table = relationOf(body.relation);
        const columns = (body.cols as Node[] | undefined)?.map((col) => (col.ResTarget as Node).name) ?? [];
        if (table?.table === UNKNOWN_TABLE) violations.push('INSERT INTO a table not known statically');
        if (table && owned(table.table) && !columns.includes('tenant_id')) violations.push(`INSERT INTO ${table.table} without tenant_id`);
      } else if (kind === 'SelectStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt') {
        const uses: TableUse[] = [];
        const quals: unknown[] = [body.whereClause];
        const usingColumns: string[] = [];
        const target = relationOf(body.relation);
        if (target) uses.push(target);
        for (const item of [...((body.fromClause as unknown[]) ?? []), ...((body.usingClause as unknown[]) ?? [])]) {
          collectFromItem(item, uses, quals, usingColumns);
        }
        const mentioned = tenantIdQualifiers(quals);
        for (const use of uses) {
          if (use.table === UNKNOWN_TABLE) violations.push(`${kind.replace('Stmt', '').toUpperCase()} on a table not known statically`);
          if (!owned(use.table)) continue;
          const carried = mentioned.has('') || mentioned.has(use.alias) || mentioned.has(use.table) || usingColumns.includes('tenant_id');
          if (!carried)
            violations.push(
              `${kind.replace('Stmt', '').toUpperCase()} on ${use.table}${use.alias !== use.table ? ` ${use.alias}` : ''} without its tenant_id`,
            );
        }
      }
    }
  });
  return violations;
}

function collectFromItem(item: unknown, uses: TableUse[], quals: unknown[], usingColumns: string[]): void {
  if (!isNode(item)) return;
  if (isNode(item.RangeVar)) {
    const use = relationOf(item.RangeVar);
    if (use) uses.push(use);
  } else if (isNode(item.JoinExpr)) {
    const join = item.JoinExpr;
    collectFromItem(join.larg, uses, quals, usingColumns);
    collectFromItem(join.rarg, uses, quals, usingColumns);
    quals.push(join.quals);
    for (const column of (join.usingClause as Node[] | undefined) ?? []) usingColumns.push(String((column.String as Node).sval));
  }
}

function relationOf(relation: unknown): TableUse | undefined {
  if (!isNode(relation) || typeof relation.relname !== 'string') return undefined;
  const alias = isNode(relation.alias) ? String(relation.alias.aliasname) : relation.relname;
  return { table: relation.relname, alias };
}

/** The qualifiers of every `tenant_id` column named in these expressions ('' for an unqualified one), not looking into subqueries. */
function tenantIdQualifiers(expressions: unknown[]): Set<string> {
  const qualifiers = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'SelectStmt') continue;
      if (key === 'SubLink' && isNode(inner)) {
        visit(inner.testexpr);
        continue;
      }
      if (key === 'ColumnRef' && isNode(inner)) {
        const names = ((inner.fields as Node[]) ?? []).map((field) => (isNode(field.String) ? String(field.String.sval) : '*'));
        if (names.at(-1) === 'tenant_id') qualifiers.add(names.length > 1 ? names[names.length - 2] : '');
        continue;
      }
      visit(inner);
    }
  };
  expressions.forEach(visit);
  return qualifiers;
}

function walk(value: unknown, onNode: (node: Node) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, onNode));
  if (!isNode(value)) return;
  onNode(value);
  for (const inner of Object.values(value)) walk(inner, onNode);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
