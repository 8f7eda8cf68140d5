import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reads of pupil records now go to the gateway's audit log (event `audit.entry.recorded`); the local log is dropped. */
export class DropPupilRecordReads1764063000000 implements MigrationInterface {
  name = 'DropPupilRecordReads1764063000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE pupil_record_reads');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE pupil_record_reads (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        user_id uuid NOT NULL,
        with_flags boolean NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX pupil_record_reads_tenant_pupil ON pupil_record_reads (tenant_id, pupil_id, read_at)');
  }
}
