import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One pending daily retention run per area, held by the database: the reminder that fires it
 * (kind `retention.daily-run`) is written with ON CONFLICT DO NOTHING at start-up and after each run,
 * so that several replicas, restarts or a redelivered run never queue a second one.
 */
export class RetentionDailyRun1764080000100 implements MigrationInterface {
  name = 'RetentionDailyRun1764080000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE UNIQUE INDEX reminders_one_pending_retention_run ON reminders (tenant_id) WHERE kind = 'retention.daily-run' AND status = 'scheduled'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX reminders_one_pending_retention_run');
  }
}
