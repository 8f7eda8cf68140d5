import { MESSAGING_MIGRATIONS } from './messaging-schema';
import { MessagingTestBed } from './testing/messaging-test-bed';

jest.setTimeout(30_000);

describe('messaging tables', () => {
  const bed = new MessagingTestBed();
  afterAll(() => bed.dispose());

  it('are created in the DataSource schema, not in public', async () => {
    const dataSource = await bed.database('scheduling');
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [bed.schemaFor('scheduling')],
    );
    expect(tables.map((table) => table.table_name)).toEqual(['migrations', 'outbox_events', 'processed_events', 'reminders']);
  });

  it('match the entities, so that generating a migration finds nothing to change', async () => {
    const dataSource = await bed.database('scheduling');
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('lead their composite indexes with tenant_id', async () => {
    const dataSource = await bed.database('scheduling');
    const indexes: { indexname: string; indexdef: string }[] = await dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`,
      [bed.schemaFor('scheduling')],
    );
    const definitions = Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef]));
    expect(definitions['IDX_reminders_subject']).toContain('(tenant_id, subject_type, subject_id)');
    expect(definitions['PK_processed_events']).toContain('(tenant_id, consumer, event_id)');
    expect(definitions['IDX_outbox_events_unsent']).toContain('WHERE (sent_at IS NULL)');
  });

  it('are removed by the migrations down', async () => {
    const dataSource = await bed.database('parent-engagement');
    for (let undone = 0; undone < MESSAGING_MIGRATIONS.length; undone++) await dataSource.undoLastMigration();
    const [{ count }]: { count: string }[] = await dataSource.query(
      `SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
      [bed.schemaFor('parent-engagement')],
    );
    expect(Number(count)).toBe(0);
  });
});
