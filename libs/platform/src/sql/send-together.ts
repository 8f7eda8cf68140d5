import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { statementNameOf } from './prepared';
import { markTransactionOpen } from './typeorm-transaction-state';
import type { SqlWrite } from './write-together';

/** A statement with parameters (run as a named prepared statement), or a bare BEGIN or COMMIT. */
export type SqlStatement = SqlWrite | 'BEGIN' | 'COMMIT';

interface PipeliningClient {
  query(config: { name: string; text: string; values: unknown[] } | string): Promise<{ rows: unknown[] }>;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
}

/**
 * Sends statements one after another without waiting for each answer, and answers the rows of
 * each: one round trip for all of them (the pool's connections are in node-postgres pipeline mode;
 * without it they would simply queue). Each runs on its own, in order. In a transaction, one that
 * fails aborts it, and those after it fail too.
 */
export async function sendTogether(runner: QueryRunner, statements: readonly SqlStatement[]): Promise<unknown[][]> {
  const client = (await runner.connect()) as PipeliningClient;
  const stream = client.connection?.stream;
  // Corked, the statements leave in one write instead of one each.
  stream?.cork?.();
  let answers: Promise<{ rows: unknown[] }>[];
  try {
    answers = statements.map((statement) =>
      typeof statement === 'string'
        ? client.query(statement)
        : client.query({ name: statementNameOf(statement.sql), text: statement.sql, values: [...statement.params] }),
    );
  } finally {
    stream?.uncork?.();
  }
  return (await Promise.all(answers)).map((answer) => answer.rows ?? []);
}

export interface PipelinedTransaction {
  /** For statements in between, which wait for their answers as usual. */
  readonly manager: EntityManager;
  /** Opens the transaction: BEGIN and these statements in one round trip; answers their rows. */
  begin(statements: readonly SqlWrite[]): Promise<unknown[][]>;
  /** Ends it: these statements and COMMIT in one round trip; answers their rows. */
  commit(statements: readonly SqlWrite[]): Promise<unknown[][]>;
}

/**
 * A transaction for a path whose locks others wait for: its first statements travel with BEGIN
 * and its last with COMMIT, so that it costs two round trips fewer than dataSource.transaction.
 * Rolled back if `work` throws or returns without committing.
 */
export async function pipelinedTransaction<T>(dataSource: DataSource, work: (transaction: PipelinedTransaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let open = false;
  const markOpen = (isOpen: boolean) => {
    open = isOpen;
    markTransactionOpen(runner, isOpen);
  };
  const transaction: PipelinedTransaction = {
    manager: runner.manager,
    begin: async (statements) => {
      markOpen(true);
      return (await sendTogether(runner, ['BEGIN', ...statements])).slice(1);
    },
    commit: async (statements) => {
      const answers = await sendTogether(runner, [...statements, 'COMMIT']);
      markOpen(false);
      return answers.slice(0, -1);
    },
  };
  try {
    const result = await work(transaction);
    if (open) throw new Error('pipelinedTransaction: the work returned without committing; rolled back');
    return result;
  } catch (error) {
    // After a failed statement PostgreSQL has already turned a COMMIT sent with it into a rollback; this one is then a no-op.
    if (open) {
      await runner.query('ROLLBACK').catch(() => undefined);
      markOpen(false);
    }
    throw error;
  } finally {
    await runner.release();
  }
}
