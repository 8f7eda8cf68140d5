import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a pupil's record was anonymised (an erasure request or the retention schedule): their name is
 * the pseudonym since then, their other personal fields are empty, and their keys (school, class,
 * year group, attendance, ensembles, exams) stay so that registers and figures stay true. A retention
 * run picks former pupils not yet anonymised; an erasure run a second time changes nothing more.
 */
export class PupilAnonymisedAt1764091000000 implements MigrationInterface {
  name = 'PupilAnonymisedAt1764091000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE pupils ADD COLUMN anonymised_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE pupils DROP COLUMN anonymised_at');
  }
}
