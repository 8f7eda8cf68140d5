import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An area's own wording of a family message in one language (issue 17): a programme admin corrects a
 * machine translation or says it the area's way, and every later email, text message and calendar
 * entry of that area in that language uses it instead of the shipped catalogue's. One row per area,
 * language and message key; `version` is the ETag two admins editing at once are told apart by, and
 * `id` names the row in the audit log.
 */
export class MessageOverrides1796455176995 implements MigrationInterface {
  name = 'MessageOverrides1796455176995';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE message_overrides (
        tenant_id uuid NOT NULL,
        language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        id uuid NOT NULL,
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 10000),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, language, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE message_overrides');
  }
}
