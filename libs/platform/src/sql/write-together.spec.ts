import { useScratchTable } from './scratch-table.testing';
import { writeTogether } from './write-together';

describe('writeTogether', () => {
  const { table, dataSource, labels } = useScratchTable('write_together');

  it('runs every write, each with its own parameters, and answers the rows of those that return any', async () => {
    await dataSource.query(`INSERT INTO ${table} VALUES (1, 'one'), (2, 'two')`);
    const answers = await dataSource.transaction((manager) =>
      writeTogether(manager, [
        {
          sql: `INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::text[]) RETURNING id`,
          params: [
            [3, 4],
            ['three', 'four'],
          ],
        },
        { sql: `UPDATE ${table} SET label = $2 WHERE id = $1`, params: [1, 'uno'] },
        { sql: `DELETE FROM ${table} WHERE id = $1`, params: [2] },
        { sql: `SELECT $1::text AS said`, params: ['done'] },
      ]),
    );
    expect(answers).toEqual([[{ id: 3 }, { id: 4 }], [], [], [{ said: 'done' }]]);
    expect(await labels()).toEqual(['1:uno', '3:three', '4:four']);
  });

  it('answers an empty list for a write that returns no rows this time', async () => {
    const answers = await dataSource.transaction((manager) =>
      writeTogether(manager, [
        { sql: `INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING RETURNING id`, params: [[], []] },
      ]),
    );
    expect(answers).toEqual([[]]);
  });

  it('is one statement: when one write fails, none is made', async () => {
    await dataSource.query(`INSERT INTO ${table} VALUES (1, 'one')`);
    await expect(
      dataSource.transaction((manager) =>
        writeTogether(manager, [
          { sql: `UPDATE ${table} SET label = $1 WHERE id = 1`, params: ['changed'] },
          { sql: `INSERT INTO ${table} VALUES ($1, $2)`, params: [1, 'clash'] },
        ]),
      ),
    ).rejects.toThrow(/duplicate key/);
    expect(await labels()).toEqual(['1:one']);
  });

  it('does nothing for no writes', async () => {
    await expect(dataSource.transaction((manager) => writeTogether(manager, []))).resolves.toEqual([]);
  });
});
