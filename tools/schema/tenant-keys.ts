import type { Client } from 'pg';

/** One table of a service's schema as the catalogue describes it. */
export interface TableKeys {
  schema: string;
  table: string;
  hasTenantId: boolean;
  primaryKey: string[] | null;
  /** Unique constraints and unique indexes (the primary key's own index excluded). */
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; references: string; referencedColumns: string[] }[];
}

/** Every table of the schema with its keys, read from pg_catalog (expression columns show as their text). */
export async function tableKeys(client: Client, schema: string): Promise<TableKeys[]> {
  const tables = await client.query<{ table: string; has_tenant_id: boolean }>(
    `SELECT c.relname::text AS table,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant_id
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    [schema],
  );
  const indexes = await client.query<{ table: string; name: string; primary: boolean; columns: string[] }>(
    `SELECT t.relname::text AS table, i.relname::text AS name, x.indisprimary AS primary,
            ARRAY(SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(x.indexrelid, k.ord::int, true) ELSE a.attname::text END
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                   WHERE k.ord <= x.indnkeyatts
                   ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND (x.indisunique OR x.indisprimary)
      ORDER BY t.relname, i.relname`,
    [schema],
  );
  const foreignKeys = await client.query<{
    table: string;
    name: string;
    columns: string[];
    references: string;
    referenced_columns: string[];
  }>(
    `SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS references,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype = 'f'
      ORDER BY t.relname, c.conname`,
    [schema],
  );
  return tables.rows.map(({ table, has_tenant_id }) => {
    const own = indexes.rows.filter((index) => index.table === table);
    return {
      schema,
      table,
      hasTenantId: has_tenant_id,
      primaryKey: own.find((index) => index.primary)?.columns ?? null,
      uniques: own.filter((index) => !index.primary).map(({ name, columns }) => ({ name, columns })),
      foreignKeys: foreignKeys.rows
        .filter((key) => key.table === table)
        .map(({ name, columns, references, referenced_columns }) => ({ name, columns, references, referencedColumns: referenced_columns })),
    };
  });
}

/**
 * What stops a tenant-owned table from being distributed by tenant_id on Citus: a primary or unique
 * key not led by tenant_id (Citus requires the distribution column in every unique constraint; leading
 * it keeps each key's lookups on one shard), and a foreign key that does not pair tenant_id with
 * tenant_id (Citus only co-locates foreign keys that include the distribution column on both sides).
 */
export function tenantKeyViolations(table: TableKeys): string[] {
  const name = `${table.schema}.${table.table}`;
  const violations: string[] = [];
  if (!table.primaryKey) violations.push(`${name}: no primary key`);
  else if (table.primaryKey[0] !== 'tenant_id') violations.push(`${name}: primary key (${table.primaryKey.join(', ')})`);
  for (const unique of table.uniques) {
    if (unique.columns[0] !== 'tenant_id') violations.push(`${name}: unique ${unique.name} (${unique.columns.join(', ')})`);
  }
  for (const key of table.foreignKeys) {
    const at = key.columns.indexOf('tenant_id');
    // A row's area itself: tenants is a reference table on Citus, and a foreign key to one is allowed.
    if (key.references === 'tenants' && key.columns.join() === 'tenant_id' && key.referencedColumns.join() === 'id') continue;
    if (at < 0 || key.referencedColumns[at] !== 'tenant_id') {
      violations.push(
        `${name}: foreign key ${key.name} (${key.columns.join(', ')}) -> ${key.references} (${key.referencedColumns.join(', ')})`,
      );
    }
  }
  return violations;
}
