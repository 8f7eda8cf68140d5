import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What two people may edit at once carries a version: its ETag, which an edit must name in If-Match (a stale one gets 412). */
const VERSIONED_TABLES = [
  'schools',
  'classes',
  'pupils',
  'staff',
  'rooms',
  'ensembles',
  'occurrences',
  'rehearsal_notes',
  'lesson_plans',
  'exam_entries',
];

export class EditVersions1764065000000 implements MigrationInterface {
  name = 'EditVersions1764065000000';

  async up(runner: QueryRunner): Promise<void> {
    // A constant default adds the column without rewriting the table.
    for (const table of VERSIONED_TABLES) await runner.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [...VERSIONED_TABLES].reverse()) await runner.query(`ALTER TABLE ${table} DROP COLUMN version`);
  }
}
