import type { QueryRunner } from 'typeorm';

/**
 * The one place that reaches into TypeORM's private transaction state. A transaction opened by
 * sending BEGIN ourselves (pipelinedTransaction) must look to TypeORM as one it opened: code that
 * must run in a transaction (the outbox) checks isTransactionActive, and a nested
 * manager.transaction uses a savepoint when transactionDepth is above 0. These are the fields
 * PostgresQueryRunner's startTransaction / commitTransaction / rollbackTransaction set (TypeORM 1.x);
 * typeorm-transaction-state.spec fails if an upgrade renames or adds to them.
 */
export function markTransactionOpen(runner: QueryRunner, open: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = open;
  state.transactionDepth = open ? 1 : 0;
}
