import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything a performance needs beyond its slot: versions for If-Match, call time and dress,
 * the ensembles and professionals taking part, the running order, the roster, and the replicas of
 * pupils, ensembles and consents that this service learns from events.
 */
export class ProgrammesRostersReplicas1764060600000 implements MigrationInterface {
  name = 'ProgrammesRostersReplicas1764060600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE venues
        ADD COLUMN school_id uuid,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await runner.query(`CREATE INDEX venues_tenant_school ON venues (tenant_id, school_id)`);
    await runner.query(`
      ALTER TABLE performances
        ADD COLUMN school_id uuid,
        ADD COLUMN call_time timestamptz,
        ADD COLUMN dress text CHECK (length(dress) <= 500),
        ADD COLUMN professional_musicians jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN cancel_reason text,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN running_order_version integer NOT NULL DEFAULT 1,
        ADD COLUMN published_at timestamptz,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT performances_call_before_start CHECK (call_time IS NULL OR call_time <= starts_at),
        ADD CONSTRAINT performances_tenant_id_key UNIQUE (tenant_id, id)`);
    await runner.query(`UPDATE performances SET published_at = now() WHERE status IN ('published', 'completed')`);
    await runner.query(`CREATE INDEX performances_tenant_starts ON performances (tenant_id, starts_at, id)`);
    await runner.query(`CREATE INDEX performances_tenant_school ON performances (tenant_id, school_id, starts_at)`);
    await runner.query(`CREATE INDEX performances_tenant_venue ON performances (tenant_id, venue_id)`);

    await runner.query(`
      CREATE TABLE performance_ensembles (
        tenant_id uuid NOT NULL,
        performance_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, performance_id, ensemble_id),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX performance_ensembles_ensemble ON performance_ensembles (tenant_id, ensemble_id)`);

    await runner.query(`
      CREATE TABLE running_order_items (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        performance_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        piece text NOT NULL CHECK (length(piece) BETWEEN 1 AND 200),
        composer text,
        arranger text,
        ensemble_id uuid,
        duration_seconds integer NOT NULL CHECK (duration_seconds BETWEEN 1 AND 14400),
        soloist_pupil_ids uuid[] NOT NULL DEFAULT '{}',
        guest_soloists text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, performance_id, position),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id) ON DELETE CASCADE
      )`);

    await runner.query(`
      CREATE TABLE roster_entries (
        tenant_id uuid NOT NULL,
        performance_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        instrument text,
        source text NOT NULL CHECK (source IN ('ensemble', 'added')),
        ensemble_id uuid,
        removed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, performance_id, pupil_id),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX roster_entries_pupil ON roster_entries (tenant_id, pupil_id) WHERE NOT removed`);
    await runner.query(`CREATE INDEX roster_entries_school ON roster_entries (tenant_id, school_id, performance_id) WHERE NOT removed`);

    await runner.query(`
      CREATE TABLE replica_schools (
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (tenant_id, school_id)
      )`);
    // Children's data kept to what rosters and programmes need: a display name and a school.
    await runner.query(`
      CREATE TABLE replica_pupils (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        display_name text NOT NULL,
        left_on date,
        PRIMARY KEY (tenant_id, pupil_id)
      )`);
    await runner.query(`CREATE INDEX replica_pupils_school ON replica_pupils (tenant_id, school_id, display_name, pupil_id)`);
    await runner.query(`
      CREATE TABLE replica_ensembles (
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        school_id uuid,
        name text,
        snapshot_at timestamptz,
        PRIMARY KEY (tenant_id, ensemble_id)
      )`);
    await runner.query(`
      CREATE TABLE replica_ensemble_members (
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        instrument text,
        PRIMARY KEY (tenant_id, ensemble_id, pupil_id)
      )`);
    await runner.query(`
      CREATE TABLE replica_consents (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('photo_film', 'performing_in_public', 'transport', 'trips')),
        granted boolean NOT NULL,
        note text,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, pupil_id, kind)
      )`);

    await runner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, operation, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'replica_consents',
      'replica_ensemble_members',
      'replica_ensembles',
      'replica_pupils',
      'replica_schools',
      'roster_entries',
      'running_order_items',
      'performance_ensembles',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP INDEX performances_tenant_venue`);
    await runner.query(`DROP INDEX performances_tenant_school`);
    await runner.query(`DROP INDEX performances_tenant_starts`);
    await runner.query(`
      ALTER TABLE performances
        DROP CONSTRAINT performances_tenant_id_key,
        DROP CONSTRAINT performances_call_before_start,
        DROP COLUMN school_id, DROP COLUMN call_time, DROP COLUMN dress, DROP COLUMN professional_musicians,
        DROP COLUMN cancel_reason, DROP COLUMN version, DROP COLUMN running_order_version, DROP COLUMN published_at, DROP COLUMN created_at`);
    await runner.query(`DROP INDEX venues_tenant_school`);
    await runner.query(`ALTER TABLE venues DROP COLUMN school_id, DROP COLUMN version, DROP COLUMN created_at`);
  }
}
