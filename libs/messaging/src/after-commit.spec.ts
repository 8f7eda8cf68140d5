import type { DataSource } from 'typeorm';
import { afterCommit } from './after-commit';
import { MessagingTestBed } from './testing/messaging-test-bed';

describe('afterCommit', () => {
  const bed = new MessagingTestBed();
  let db: DataSource;

  beforeAll(async () => {
    db = await bed.database('parent-engagement');
  });
  afterAll(() => bed.dispose());

  it('runs the work once the transaction has committed, with the row visible to another connection', async () => {
    const seen: number[] = [];
    await db.transaction(async (manager) => {
      await manager.query(`CREATE TABLE IF NOT EXISTS ${bed.schemaFor('parent-engagement')}.after_commit_rows (n int)`);
      await manager.query(`INSERT INTO ${bed.schemaFor('parent-engagement')}.after_commit_rows VALUES (1)`);
      afterCommit(manager, async () => {
        const [{ count }]: { count: number }[] = await db.query(
          `SELECT count(*)::int AS count FROM ${bed.schemaFor('parent-engagement')}.after_commit_rows`,
        );
        seen.push(count);
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([1]);
  });

  it('never runs it when the transaction rolls back', async () => {
    const ran: string[] = [];
    await expect(
      db.transaction(async (manager) => {
        afterCommit(manager, async () => void ran.push('work'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await db.transaction(async () => undefined);
    expect(ran).toEqual([]);
  });

  it('waits for the outermost commit when registered inside a nested transaction (savepoint)', async () => {
    const ran: string[] = [];
    await db.transaction(async (manager) => {
      await manager.transaction(async (inner) => {
        afterCommit(inner, async () => void ran.push('inner'));
      });
      expect(ran).toEqual([]);
      afterCommit(manager, async () => void ran.push('outer'));
    });
    expect(ran).toEqual(['inner', 'outer']);
  });

  it('keeps a failing piece of work from failing the commit or the work after it', async () => {
    const ran: string[] = [];
    await expect(
      db.transaction(async (manager) => {
        afterCommit(manager, () => Promise.reject(new Error('Redis is away')));
        afterCommit(manager, async () => void ran.push('second'));
        return 'committed';
      }),
    ).resolves.toBe('committed');
    expect(ran).toEqual(['second']);
  });

  it('refuses a manager outside a transaction', () => {
    expect(() => afterCommit(db.manager, async () => undefined)).toThrow('afterCommit needs the manager of an active transaction');
  });
});
