import type { QueryRunner } from 'typeorm';
import { useScratchTable } from './scratch-table.testing';
import { markTransactionOpen } from './typeorm-transaction-state';

/** The runner's own fields that are not functions or objects: where TypeORM keeps its transaction state. */
function plainFieldsOf(runner: QueryRunner): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(runner).filter(([, value]) => value === null || ['boolean', 'number', 'string', 'undefined'].includes(typeof value)),
  );
}

/** What changed between two snapshots, with the values after. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value));
}

describe('markTransactionOpen, the adapter to TypeORM’s transaction state', () => {
  const { table, dataSource } = useScratchTable('transaction_state');

  async function withRunner(work: (runner: QueryRunner) => Promise<void>): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await work(runner);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('finds the fields it sets on a real query runner, closed', () =>
    withRunner(async (runner) => {
      expect(plainFieldsOf(runner)).toMatchObject({ isTransactionActive: false, transactionDepth: 0 });
    }));

  it('changes exactly what TypeORM’s own startTransaction changes, to the same values, and back as its commit does', () =>
    withRunner(async (runner) => {
      const closed = plainFieldsOf(runner);
      await runner.startTransaction();
      const openedByTypeOrm = changed(closed, plainFieldsOf(runner));
      await runner.commitTransaction();
      expect(plainFieldsOf(runner)).toEqual(closed);

      markTransactionOpen(runner, true);
      expect(changed(closed, plainFieldsOf(runner))).toEqual(openedByTypeOrm);
      expect(openedByTypeOrm).toEqual({ isTransactionActive: true, transactionDepth: 1 });
      markTransactionOpen(runner, false);
      expect(plainFieldsOf(runner)).toEqual(closed);
    }));

  it('is what TypeORM reads: marked open, a nested transaction is a savepoint that commits with the outer one; marked closed, it begins its own', () =>
    withRunner(async (runner) => {
      const sent: string[] = [];
      const query = runner.query.bind(runner);
      jest.spyOn(runner, 'query').mockImplementation((sql: string, ...rest: unknown[]) => {
        sent.push(sql);
        return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
      });

      await runner.query('BEGIN');
      markTransactionOpen(runner, true);
      await runner.manager.transaction((nested) => nested.query(`INSERT INTO ${table} VALUES (1, 'one')`));
      expect(runner.isTransactionActive).toBe(true);
      await runner.query('ROLLBACK');
      markTransactionOpen(runner, false);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 0 }]);

      await runner.manager.transaction((own) => own.query(`INSERT INTO ${table} VALUES (2, 'two')`));
      expect(sent.filter((sql) => !sql.startsWith('INSERT'))).toEqual([
        'BEGIN',
        'SAVEPOINT typeorm_1',
        'RELEASE SAVEPOINT typeorm_1',
        'ROLLBACK',
        'START TRANSACTION',
        'COMMIT',
      ]);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 1 }]);
    }));
});
