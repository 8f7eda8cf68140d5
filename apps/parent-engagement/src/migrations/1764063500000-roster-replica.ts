import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A small replica of scheduling's roster, kept from its events, so that an announcement can reach
 * a class's or an ensemble's families: which class and school each pupil is in (and whether they
 * have left), which school each class belongs to, and each ensemble's current pupils. Ids only —
 * no pupil names. Each pupil row and ensemble remembers the event it was last set from
 * (occurred_at, then event id), so that an older event arriving late changes nothing.
 * Announcements gain the class and ensemble audiences.
 */
export class RosterReplica1764063500000 implements MigrationInterface {
  name = 'RosterReplica1764063500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE roster_pupils (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        class_id uuid,
        left_on date,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, pupil_id)
      )`);
    await runner.query(`CREATE INDEX roster_pupils_class ON roster_pupils (tenant_id, class_id, pupil_id) WHERE left_on IS NULL`);
    await runner.query(`
      CREATE TABLE roster_classes (
        tenant_id uuid NOT NULL,
        class_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, class_id)
      )`);
    await runner.query(`
      CREATE TABLE roster_ensembles (
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        school_id uuid,
        name text,
        snapshot_at timestamptz NOT NULL,
        snapshot_event_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, ensemble_id)
      )`);
    await runner.query(`
      CREATE TABLE roster_ensemble_members (
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, ensemble_id, pupil_id),
        FOREIGN KEY (tenant_id, ensemble_id) REFERENCES roster_ensembles (tenant_id, ensemble_id) ON DELETE CASCADE
      )`);

    await runner.query(`ALTER TABLE announcements ADD COLUMN class_id uuid, ADD COLUMN ensemble_id uuid`);
    await runner.query(`ALTER TABLE announcements DROP CONSTRAINT announcements_audience_check, DROP CONSTRAINT announcements_check`);
    await runner.query(
      `ALTER TABLE announcements ADD CONSTRAINT announcements_audience_check CHECK (audience IN ('school', 'performance', 'class', 'ensemble'))`,
    );
    // A class's or a school ensemble's announcement also names its school, so that the school's staff see it; a cross-school ensemble's names none.
    await runner.query(`
      ALTER TABLE announcements ADD CONSTRAINT announcements_audience_target CHECK (
        (audience = 'performance') = (performance_id IS NOT NULL)
        AND (audience = 'class') = (class_id IS NOT NULL)
        AND (audience = 'ensemble') = (ensemble_id IS NOT NULL)
        AND CASE audience WHEN 'performance' THEN school_id IS NULL WHEN 'ensemble' THEN true ELSE school_id IS NOT NULL END)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DELETE FROM announcement_deliveries d USING announcements a WHERE a.tenant_id = d.tenant_id AND a.id = d.announcement_id AND a.audience IN ('class', 'ensemble')`,
    );
    await runner.query(`DELETE FROM announcements WHERE audience IN ('class', 'ensemble')`);
    await runner.query(
      `ALTER TABLE announcements DROP CONSTRAINT announcements_audience_target, DROP CONSTRAINT announcements_audience_check`,
    );
    await runner.query(`ALTER TABLE announcements DROP COLUMN ensemble_id, DROP COLUMN class_id`);
    await runner.query(
      `ALTER TABLE announcements ADD CONSTRAINT announcements_audience_check CHECK (audience IN ('school', 'performance'))`,
    );
    await runner.query(
      `ALTER TABLE announcements ADD CONSTRAINT announcements_check CHECK ((audience = 'school') = (school_id IS NOT NULL) AND (audience = 'performance') = (performance_id IS NOT NULL))`,
    );
    for (const table of ['roster_ensemble_members', 'roster_ensembles', 'roster_classes', 'roster_pupils'])
      await runner.query(`DROP TABLE ${table}`);
  }
}
