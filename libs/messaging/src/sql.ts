import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Runs raw SQL and returns its rows whatever the statement (TypeORM's plain `query()` returns
 * `[rows, count]` for UPDATE and DELETE but bare rows for SELECT and INSERT).
 */
export async function queryRows<Row>(manager: EntityManager, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const ownRunner = manager.queryRunner === undefined;
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, [...parameters], true);
    const rows: Row[] = result.records;
    return rows;
  } finally {
    if (ownRunner) await runner.release();
  }
}

/**
 * `"schema"."table"` of a messaging entity. Entities name no schema, so it comes from the
 * DataSource's `schema` option: each service keeps its own outbox, inbox and reminders.
 */
export function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.dataSource.getMetadata(entity);
  const { driver } = manager.dataSource;
  const table = driver.escape(metadata.tableName);
  return metadata.schema ? `${driver.escape(metadata.schema)}.${table}` : table;
}

export function schemaOfDataSource(dataSource: DataSource): string {
  const { options } = dataSource;
  return 'schema' in options && typeof options.schema === 'string' ? options.schema : 'public';
}
