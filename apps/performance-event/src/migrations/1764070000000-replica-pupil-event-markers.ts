import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which event last set each aspect of a replica pupil, so that an older event applied late cannot
 * undo a newer one: place (school, left_on) and details (display name) each keep the
 * (occurred_at, event id) of their own latest event. NULL: not yet set by any event.
 */
export class ReplicaPupilEventMarkers1764070000000 implements MigrationInterface {
  name = 'ReplicaPupilEventMarkers1764070000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE replica_pupils
        ADD COLUMN place_event_at timestamptz,
        ADD COLUMN place_event_id uuid,
        ADD COLUMN details_event_at timestamptz,
        ADD COLUMN details_event_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE replica_pupils
        DROP COLUMN place_event_at, DROP COLUMN place_event_id, DROP COLUMN details_event_at, DROP COLUMN details_event_id`);
  }
}
