import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Year 6 pupils leave their primary school for a secondary one: the roll-over keeps them as
 * 'alumni' (their area-wide ensembles and attendance go on), with the destination secondary school
 * from the MIS or the headteacher.
 */
export class AlumniAndDestination1764081000000 implements MigrationInterface {
  name = 'AlumniAndDestination1764081000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pupils
        DROP CONSTRAINT pupils_status_check,
        ADD CONSTRAINT pupils_status_check CHECK (status IN ('active', 'left', 'leaver', 'alumni')),
        ADD COLUMN destination_school text CHECK (length(destination_school) BETWEEN 1 AND 200)`);
    await runner.query(`CREATE INDEX pupils_tenant_alumni_left ON pupils (tenant_id, left_on) WHERE status = 'alumni'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX pupils_tenant_alumni_left');
    await runner.query(`UPDATE pupils SET status = 'leaver' WHERE status = 'alumni'`);
    await runner.query(`
      ALTER TABLE pupils
        DROP COLUMN destination_school,
        DROP CONSTRAINT pupils_status_check,
        ADD CONSTRAINT pupils_status_check CHECK (status IN ('active', 'left', 'leaver'))`);
  }
}
