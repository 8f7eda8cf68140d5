import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intensity warnings (issue 18): a class whose pupils' average attended minutes fell below the
 * area's weekly target two teaching weeks in a row. One row per run of low weeks: written (and the
 * headteachers told) when the run reaches two weeks, extended while it lasts, cleared by the first
 * teaching week back at or above the target. At most one open run per class, held by the database,
 * so that a check run twice or by two workers warns once. The weekly check is a reminder row
 * (kind `scheduling.intensity-check`), one pending per area (IntensityCheckPendingIndex1796460054599).
 */
export class IntensityWarnings1764092000000 implements MigrationInterface {
  name = 'IntensityWarnings1764092000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intensity_warnings (
        tenant_id uuid NOT NULL,
        class_id uuid NOT NULL,
        since_week date NOT NULL CHECK (extract(isodow FROM since_week) = 1),
        last_low_week date NOT NULL CHECK (extract(isodow FROM last_low_week) = 1),
        low_weeks integer NOT NULL CHECK (low_weeks >= 2),
        notified_at timestamptz NOT NULL DEFAULT now(),
        cleared_week date CHECK (cleared_week > last_low_week),
        PRIMARY KEY (tenant_id, class_id, since_week),
        CHECK (last_low_week > since_week),
        FOREIGN KEY (tenant_id, class_id) REFERENCES classes (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX intensity_warnings_one_open ON intensity_warnings (tenant_id, class_id) WHERE cleared_week IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intensity_warnings');
  }
}
