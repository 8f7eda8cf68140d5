import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a family's reply to an email goes (issue 17): the noreply sender reached nobody, so an area
 * names its programme office's address, sent as Reply-To on every family email. No row: no Reply-To.
 */
export class MessageSettings1796458211017 implements MigrationInterface {
  name = 'MessageSettings1796458211017';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE message_settings (
        tenant_id uuid PRIMARY KEY,
        reply_to text CHECK (reply_to IS NULL OR length(reply_to) BETWEEN 3 AND 320),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE message_settings');
  }
}
