import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which scheduling event last set each aspect of a pupil (occurred-at, event id), so that an older
 * event applied late does not undo a newer one: place (school, left-on) and details (names, year group).
 * NULL: never set by an event. Nullable columns without defaults: no table rewrite.
 */
export class PupilEventMarkers1764067000000 implements MigrationInterface {
  name = 'PupilEventMarkers1764067000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pupils
        ADD COLUMN place_event_at timestamptz,
        ADD COLUMN place_event_id uuid,
        ADD COLUMN details_event_at timestamptz,
        ADD COLUMN details_event_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pupils
        DROP COLUMN details_event_id,
        DROP COLUMN details_event_at,
        DROP COLUMN place_event_id,
        DROP COLUMN place_event_at`);
  }
}
