import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second half of SafeguardingRecords1796437251582, in the forms that never hold writes for long
 * on a big area: staff_kind_check (added NOT VALID there) is validated here, under a lock that lets
 * writes through, and the index of staff memberships by person is built CONCURRENTLY, outside a
 * transaction. Both are no-ops on databases migrated before the check existed.
 */
export class SafeguardingChecksValidated1796460061187 implements MigrationInterface {
  name = 'SafeguardingChecksValidated1796460061187';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE staff VALIDATE CONSTRAINT staff_kind_check');
    // "Who is on an ensemble now" for the dashboard: staff memberships by person.
    await runner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS ensemble_members_tenant_staff
         ON ensemble_members (tenant_id, staff_id) WHERE staff_id IS NOT NULL AND left_on IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX CONCURRENTLY IF EXISTS ensemble_members_tenant_staff');
  }
}
