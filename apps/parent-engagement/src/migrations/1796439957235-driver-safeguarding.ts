import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bus to a performance carries children, so its driver must be cleared as any tutor is (issue 19).
 * Scheduling keeps the safeguarding records; this service keeps a copy of each member of staff's
 * clearance from `scheduling.safeguarding.changed` (never the DBS number), and a run names its driver.
 */
export class DriverSafeguarding1796439957235 implements MigrationInterface {
  name = 'DriverSafeguarding1796439957235';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE staff_clearances (
        tenant_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        display_name text NOT NULL,
        reasons text[] NOT NULL,
        dbs_expires_on date,
        training_expires_on date,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, staff_id)
      )`);
    await runner.query('ALTER TABLE transport_runs ADD COLUMN driver_staff_id uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE transport_runs DROP COLUMN driver_staff_id');
    await runner.query('DROP TABLE staff_clearances');
  }
}
