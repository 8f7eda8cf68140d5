import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secondary schools as partners (issue 18, transition): a school of the area is marked `partner`, and a
 * Year 6 pupil's destination can point at a school of the area (`destination_school_id`, beside the free-text
 * `destination_school` kept from the MIS), so that the partner school's staff see their incoming pupils.
 *
 * Outside a transaction so that the foreign key, added NOT VALID (a brief lock, no scan), is validated under a
 * lock that lets writes through, and the index of pupils by destination is built CONCURRENTLY. The new
 * columns are nullable or have a constant default: no rewrite of pupils or schools.
 */
export class PartnerSchools1796476069791 implements MigrationInterface {
  name = 'PartnerSchools1796476069791';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE schools ADD COLUMN IF NOT EXISTS partner boolean NOT NULL DEFAULT false');
    await runner.query('ALTER TABLE pupils ADD COLUMN IF NOT EXISTS destination_school_id uuid');
    await runner.query(
      `ALTER TABLE pupils ADD CONSTRAINT pupils_destination_school_fk
         FOREIGN KEY (tenant_id, destination_school_id) REFERENCES schools (tenant_id, id) NOT VALID`,
    );
    await runner.query('ALTER TABLE pupils VALIDATE CONSTRAINT pupils_destination_school_fk');
    await runner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS pupils_tenant_destination_school
         ON pupils (tenant_id, destination_school_id) WHERE destination_school_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX CONCURRENTLY IF EXISTS pupils_tenant_destination_school');
    await runner.query('ALTER TABLE pupils DROP CONSTRAINT IF EXISTS pupils_destination_school_fk');
    await runner.query('ALTER TABLE pupils DROP COLUMN IF EXISTS destination_school_id');
    await runner.query('ALTER TABLE schools DROP COLUMN IF EXISTS partner');
  }
}
