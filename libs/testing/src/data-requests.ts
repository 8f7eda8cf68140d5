import type { DataRequestAnsweredV1, DataRequestOpenedV1, EventCatalog, EventType } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { waitFor } from './wait-for';

/** What these helpers need of a service's test kit (every kit has it). */
export interface DataRequestKit {
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> };
  applyEvent<T extends EventType>(tenantId: string, type: T, payload: EventCatalog[T]): Promise<unknown>;
}

/**
 * Opens a data request in the service (identity.data-request.opened through its own handler) and
 * answers the one `answeredType` event it published for it in that transaction.
 */
export async function answerDataRequest(
  kit: DataRequestKit,
  tenantId: string,
  answeredType: EventType,
  request: Omit<DataRequestOpenedV1, 'version' | 'requestId'>,
): Promise<DataRequestAnsweredV1> {
  const requestId = newId();
  await kit.applyEvent(tenantId, 'identity.data-request.opened', { version: 1, requestId, ...request });
  const answers = (await kit.db.query(
    `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = $2 AND payload->>'requestId' = $3`,
    [tenantId, answeredType, requestId],
  )) as { payload: DataRequestAnsweredV1 }[];
  expect(answers).toHaveLength(1);
  return answers[0].payload;
}

/** Waits until the relay has delivered the tenant's outbox rows (an export answer is deleted on erasure once delivered). */
export async function untilOutboxDelivered(kit: DataRequestKit, tenantId: string): Promise<void> {
  await waitFor(
    async () => {
      const [{ n }] = (await kit.db.query('SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1 AND sent_at IS NULL', [
        tenantId,
      ])) as { n: number }[];
      return n === 0;
    },
    { timeoutMs: 20_000, intervalMs: 100, description: "the tenant's outbox rows delivered" },
  );
}

/**
 * Every text, varchar, text[] and jsonb column of the service's schema (from information_schema)
 * where the word occurs, as `table.column`: what an erasure must leave without the subject's name.
 */
export async function columnsMentioning(kit: DataRequestKit, word: string): Promise<string[]> {
  const columns = (await kit.db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
  )) as { table_name: string; column_name: string }[];
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = (await kit.db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`, [
      `%${word}%`,
    ])) as { n: number }[];
    if (n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}
