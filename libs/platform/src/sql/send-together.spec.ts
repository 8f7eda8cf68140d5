import { rows } from './rows';
import { useScratchTable } from './scratch-table.testing';
import { pipelinedTransaction, sendTogether } from './send-together';

describe('sendTogether and pipelinedTransaction', () => {
  // One connection in pipeline mode, as the services' pools.
  const { table, dataSource, labels } = useScratchTable('send_together', { pipeline: true, max: 1 });
  const insert = (id: number, label: string) => ({ sql: `INSERT INTO ${table} VALUES ($1, $2) RETURNING id`, params: [id, label] });

  it('answers the rows of each statement, in order', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const answers = await sendTogether(runner, [
        insert(1, 'one'),
        { sql: `SELECT count(*)::int AS n FROM ${table}`, params: [] },
        'BEGIN',
        'COMMIT',
      ]);
      expect(answers).toEqual([[{ id: 1 }], [{ n: 1 }], [], []]);
    } finally {
      await runner.release();
    }
  });

  it('commits what was sent with BEGIN, in between, and with COMMIT, and answers each group', async () => {
    const result = await pipelinedTransaction(dataSource, async (transaction) => {
      const opened = await transaction.begin([insert(1, 'one'), insert(2, 'two')]);
      await transaction.manager.query(`UPDATE ${table} SET label = 'uno' WHERE id = 1`);
      const closed = await transaction.commit([insert(3, 'three')]);
      return { opened, closed };
    });
    expect(result).toEqual({ opened: [[{ id: 1 }], [{ id: 2 }]], closed: [[{ id: 3 }]] });
    expect(await labels()).toEqual(['1:uno', '2:two', '3:three']);
  });

  it('sends a group in one write to the connection', async () => {
    await pipelinedTransaction(dataSource, async (transaction) => {
      await transaction.begin([]);
      const client = (await transaction.manager.queryRunner?.connect()) as {
        connection: { stream: { _writev: unknown; _write: unknown } };
      };
      const writev = jest.spyOn(client.connection.stream as never, '_writev');
      const write = jest.spyOn(client.connection.stream as never, '_write');
      try {
        await transaction.commit([insert(1, 'one'), insert(2, 'two'), insert(3, 'three')]);
        expect(writev.mock.calls.length + write.mock.calls.length).toBe(1);
      } finally {
        writev.mockRestore();
        write.mockRestore();
      }
    });
    expect(await labels()).toEqual(['1:one', '2:two', '3:three']);
  });

  it('looks like an open transaction to code that needs one (the outbox), and nests as a savepoint', async () => {
    await pipelinedTransaction(dataSource, async (transaction) => {
      expect(transaction.manager.queryRunner?.isTransactionActive).toBe(false);
      await transaction.begin([insert(1, 'one')]);
      expect(transaction.manager.queryRunner?.isTransactionActive).toBe(true);
      await expect(transaction.manager.transaction((nested) => nested.query(`INSERT INTO ${table} VALUES (1, 'again')`))).rejects.toThrow(
        /duplicate key/,
      );
      await transaction.commit([insert(2, 'two')]);
    });
    expect(await labels()).toEqual(['1:one', '2:two']);
  });

  it('rolls everything back when a statement sent with COMMIT fails, and leaves the connection usable', async () => {
    await expect(
      pipelinedTransaction(dataSource, async (transaction) => {
        await transaction.begin([insert(1, 'one')]);
        await transaction.commit([insert(2, 'two'), insert(1, 'duplicate'), insert(3, 'three')]);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await labels()).toEqual([]);
    // One pooled connection: it is idle again, outside any transaction.
    expect(await rows(dataSource.manager, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('rolls back when a statement sent with BEGIN fails, when the work throws, and when it returns without committing', async () => {
    await dataSource.query(`INSERT INTO ${table} VALUES (1, 'one')`);
    await expect(
      pipelinedTransaction(dataSource, (transaction) => transaction.begin([insert(2, 'two'), insert(1, 'duplicate')])),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      pipelinedTransaction(dataSource, async (transaction) => {
        await transaction.begin([insert(3, 'three')]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(pipelinedTransaction(dataSource, (transaction) => transaction.begin([insert(4, 'four')]))).rejects.toThrow(
      /without committing/,
    );
    expect(await labels()).toEqual(['1:one']);
  });
});
