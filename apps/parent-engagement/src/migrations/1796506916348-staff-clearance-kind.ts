import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bus form offers the drivers cleared on the day (GET /transport-drivers), so the copy of each
 * member of staff's clearance keeps what scheduling says they are (tutor, school_staff, driver,
 * volunteer). Copies made before this are of no known kind (null: not offered as a driver; the API
 * still takes any cleared member of staff named) until scheduling announces them again: its roster
 * republisher, run once after the deploy, announces everyone with a safeguarding record with their
 * kind, so after one run every copy has it. Not backfilled here: this schema never kept the kind, and
 * who drove a bus is no proof of it.
 */
export class StaffClearanceKind1796506916348 implements MigrationInterface {
  name = 'StaffClearanceKind1796506916348';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE staff_clearances ADD COLUMN kind text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE staff_clearances DROP COLUMN kind');
  }
}
