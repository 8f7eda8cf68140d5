import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each area's loan settings carry a version, answered as the ETag and named by the If-Match of an
 * edit, so that two admins editing at once cannot silently overwrite each other. Rows written before
 * are at version 1; an area still on the defaults (no row) is at version 0.
 */
export class AreaSettingsVersion1764071000000 implements MigrationInterface {
  name = 'AreaSettingsVersion1764071000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE area_settings ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE area_settings DROP COLUMN version`);
  }
}
