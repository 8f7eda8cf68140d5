import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An area's settings carry a version, bumped by every change: the ETag an edit's If-Match must name (`"3"`). */
export class TenantVersion1764072000000 implements MigrationInterface {
  name = 'TenantVersion1764072000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tenants ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tenants DROP COLUMN version`);
  }
}
