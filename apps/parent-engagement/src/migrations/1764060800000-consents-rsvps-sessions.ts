import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents become an append-only record (the current state of a pupil's consent is its latest
 * row); RSVPs get a version for If-Match; family sessions and sign-ups; announcements with a
 * delivery row per family; private calendar feeds.
 */
export class ConsentsRsvpsSessions1764060800000 implements MigrationInterface {
  name = 'ConsentsRsvpsSessions1764060800000';

  async up(runner: QueryRunner): Promise<void> {
    // The first migration's consent tables were never written to; their kinds did not match the event catalog's.
    await runner.query(`DROP TABLE consent_history`);
    await runner.query(`DROP TABLE consents`);
    await runner.query(`
      CREATE TABLE consent_records (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('photo_film', 'performing_in_public', 'transport', 'trips')),
        decision text NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
        note text CHECK (length(note) <= 1000),
        reason text CHECK (length(reason) <= 1000),
        given_by uuid NOT NULL,
        given_by_name text NOT NULL,
        given_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX consent_records_latest ON consent_records (tenant_id, pupil_id, kind, seq DESC)`);
    await runner.query(`CREATE INDEX consent_records_school ON consent_records (tenant_id, school_id, pupil_id)`);
    await runner.query(`
      CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent_records is append-only: record a new decision instead';
      END $$`);
    await runner.query(`
      CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
      FOR EACH ROW EXECUTE FUNCTION consent_records_append_only()`);

    await runner.query(`ALTER TABLE rsvps ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await runner.query(`ALTER TABLE rsvps ADD COLUMN checked_in_by uuid`);
    await runner.query(`ALTER TABLE rsvps ADD CONSTRAINT rsvps_someone_comes CHECK (NOT attending OR adults + children > 0)`);
    await runner.query(`CREATE INDEX rsvps_guardian ON rsvps (tenant_id, guardian_id, id)`);

    await runner.query(`
      CREATE TABLE family_sessions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('family_music', 'workshop')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        school_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        places_taken integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT family_sessions_places_within_capacity CHECK (places_taken BETWEEN 0 AND capacity),
        CHECK (ends_at > starts_at)
      )`);
    await runner.query(`CREATE INDEX family_sessions_school ON family_sessions (tenant_id, school_id, starts_at, id)`);
    await runner.query(`CREATE INDEX family_sessions_starts ON family_sessions (tenant_id, starts_at, id)`);
    await runner.query(`
      CREATE TABLE session_signups (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        session_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        guardian_name text NOT NULL,
        pupil_ids uuid[] NOT NULL,
        school_ids uuid[] NOT NULL,
        places integer NOT NULL CHECK (places BETWEEN 1 AND 20),
        status text NOT NULL CHECK (status IN ('signed_up', 'cancelled')),
        attended boolean,
        attendance_marked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, session_id, guardian_id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES family_sessions (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX session_signups_guardian ON session_signups (tenant_id, guardian_id, id)`);

    await runner.query(`
      CREATE TABLE announcements (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        sender_id uuid NOT NULL,
        sender_name text NOT NULL,
        audience text NOT NULL CHECK (audience IN ('school', 'performance')),
        school_id uuid,
        performance_id uuid,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK ((audience = 'school') = (school_id IS NOT NULL) AND (audience = 'performance') = (performance_id IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE announcement_deliveries (
        tenant_id uuid NOT NULL,
        announcement_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        error text,
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, announcement_id, guardian_id),
        FOREIGN KEY (tenant_id, announcement_id) REFERENCES announcements (tenant_id, id)
      )`);
    await runner.query(
      `CREATE INDEX announcement_deliveries_guardian ON announcement_deliveries (tenant_id, guardian_id, announcement_id)`,
    );

    await runner.query(`
      CREATE TABLE calendar_feeds (
        tenant_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, guardian_id),
        UNIQUE (tenant_id, token_hash)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'announcement_deliveries',
      'announcements',
      'session_signups',
      'family_sessions',
      'consent_records',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP FUNCTION consent_records_append_only()`);
    await runner.query(`DROP INDEX rsvps_guardian`);
    await runner.query(`ALTER TABLE rsvps DROP CONSTRAINT rsvps_someone_comes, DROP COLUMN checked_in_by, DROP COLUMN version`);
    await runner.query(`
      CREATE TABLE consents (tenant_id uuid NOT NULL, pupil_id uuid NOT NULL, kind text NOT NULL, school_id uuid NOT NULL, decision text NOT NULL,
        exceptions text, reason text, decided_by uuid NOT NULL, decided_by_name text NOT NULL, version integer NOT NULL DEFAULT 1,
        decided_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, pupil_id, kind))`);
    await runner.query(`
      CREATE TABLE consent_history (tenant_id uuid NOT NULL, id uuid NOT NULL, pupil_id uuid NOT NULL, kind text NOT NULL, decision text NOT NULL,
        exceptions text, reason text, decided_by uuid NOT NULL, decided_by_name text NOT NULL, decided_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, id))`);
  }
}
