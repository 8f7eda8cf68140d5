import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One pending weekly intensity check per area (issue 18), held by the database so that two workers
 * planning checks at once plan one. Built CONCURRENTLY, outside a transaction, because `reminders`
 * is one of the busiest tables: a plain CREATE INDEX would hold every reminder write for the length
 * of the build. IF NOT EXISTS: IntensityWarnings1764092000000 built it in a transaction on databases
 * migrated before this check existed.
 */
export class IntensityCheckPendingIndex1796460054599 implements MigrationInterface {
  name = 'IntensityCheckPendingIndex1796460054599';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS reminders_one_pending_intensity_check
         ON reminders (tenant_id) WHERE kind = 'scheduling.intensity-check' AND status = 'scheduled'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX CONCURRENTLY IF EXISTS reminders_one_pending_intensity_check');
  }
}
