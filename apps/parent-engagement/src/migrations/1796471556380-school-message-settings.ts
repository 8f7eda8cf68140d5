import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A school's own office address (issue 17): a family's email about a child of that school gives it
 * as Reply-To, so that a reply about a bus seat or a consent form reaches the school that knows the
 * child rather than the area's programme office. No row (or a null address): the area's, as before.
 */
export class SchoolMessageSettings1796471556380 implements MigrationInterface {
  name = 'SchoolMessageSettings1796471556380';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE school_message_settings (
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        reply_to text CHECK (reply_to IS NULL OR length(reply_to) BETWEEN 3 AND 320),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, school_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE school_message_settings');
  }
}
