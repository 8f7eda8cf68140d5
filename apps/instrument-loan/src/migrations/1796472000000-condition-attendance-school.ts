import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school of each kept session of a condition ensemble (null: an area-wide ensemble), as
 * scheduling's register gives it: what tells the alumni rule whether a pupil leaving primary school
 * for secondary keeps the ensemble their loan depends on (issue 18). Marks kept before have none.
 * Adding a nullable column without a default rewrites nothing and locks only briefly.
 */
export class ConditionAttendanceSchool1796472000000 implements MigrationInterface {
  name = 'ConditionAttendanceSchool1796472000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE condition_attendance ADD COLUMN IF NOT EXISTS school_id uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE condition_attendance DROP COLUMN school_id');
  }
}
