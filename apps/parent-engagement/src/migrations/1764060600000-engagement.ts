import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Families and their preferences, the performances replica, transport runs and bookings, consents, RSVPs, SMS outbox. */
export class Engagement1764060600000 implements MigrationInterface {
  name = 'Engagement1764060600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tenant_settings (
        tenant_id uuid PRIMARY KEY,
        family_transport_seat_limit integer NOT NULL DEFAULT 4 CHECK (family_transport_seat_limit BETWEEN 1 AND 20),
        waitlist_offer_minutes integer NOT NULL DEFAULT 120 CHECK (waitlist_offer_minutes BETWEEN 5 AND 10080),
        time_zone text NOT NULL DEFAULT 'Europe/London',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL,
        caller_id uuid NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, caller_id, operation, key)
      )`);
    await runner.query(`
      CREATE TABLE families (
        tenant_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        display_name text NOT NULL,
        email text,
        phone text,
        language text NOT NULL DEFAULT 'en',
        email_enabled boolean NOT NULL DEFAULT true,
        sms_enabled boolean NOT NULL DEFAULT false,
        quiet_hours_start time,
        quiet_hours_end time,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, guardian_id),
        CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE family_children (
        tenant_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, guardian_id, pupil_id),
        FOREIGN KEY (tenant_id, guardian_id) REFERENCES families (tenant_id, guardian_id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX family_children_school ON family_children (tenant_id, school_id, guardian_id)`);
    await runner.query(`CREATE INDEX family_children_pupil ON family_children (tenant_id, pupil_id)`);

    await runner.query(`
      CREATE TABLE performances (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('published', 'cancelled')),
        last_event_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX performances_starts ON performances (tenant_id, starts_at, id)`);

    await runner.query(`
      CREATE TABLE transport_runs (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        performance_id uuid NOT NULL,
        vehicle text NOT NULL CHECK (length(vehicle) BETWEEN 1 AND 200),
        seats integer NOT NULL CHECK (seats BETWEEN 1 AND 1000),
        seats_taken integer NOT NULL DEFAULT 0,
        outbound_departs_at timestamptz NOT NULL,
        return_departs_at timestamptz,
        bookings_close_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT transport_runs_seats_taken_within_capacity CHECK (seats_taken BETWEEN 0 AND seats),
        CHECK (return_departs_at IS NULL OR return_departs_at > outbound_departs_at),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX transport_runs_performance ON transport_runs (tenant_id, performance_id, outbound_departs_at)`);
    await runner.query(`
      CREATE TABLE pickup_stops (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        run_id uuid NOT NULL,
        position smallint NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        place text NOT NULL CHECK (length(place) BETWEEN 1 AND 500),
        pickup_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, run_id, id),
        FOREIGN KEY (tenant_id, run_id) REFERENCES transport_runs (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE SEQUENCE waitlist_positions`);
    await runner.query(`
      CREATE TABLE transport_bookings (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        run_id uuid NOT NULL,
        stop_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        guardian_name text NOT NULL,
        pupil_ids uuid[] NOT NULL,
        school_ids uuid[] NOT NULL,
        adults integer NOT NULL CHECK (adults BETWEEN 0 AND 20),
        children integer NOT NULL CHECK (children BETWEEN 0 AND 20),
        seats integer GENERATED ALWAYS AS (adults + children) STORED CHECK (seats > 0),
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'declined')),
        waitlist_position bigint,
        offer_expires_at timestamptz,
        checked_in_at timestamptz,
        checked_in_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL)),
        FOREIGN KEY (tenant_id, run_id, stop_id) REFERENCES pickup_stops (tenant_id, run_id, id)
      )`);
    await runner.query(`CREATE INDEX transport_bookings_queue ON transport_bookings (tenant_id, run_id, status, waitlist_position)`);
    await runner.query(`CREATE INDEX transport_bookings_guardian ON transport_bookings (tenant_id, guardian_id, id)`);

    await runner.query(`
      CREATE TABLE consents (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('photo_film', 'public_performance', 'transport', 'trips')),
        school_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
        exceptions text,
        reason text,
        decided_by uuid NOT NULL,
        decided_by_name text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, pupil_id, kind)
      )`);
    await runner.query(`
      CREATE TABLE consent_history (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        kind text NOT NULL,
        decision text NOT NULL,
        exceptions text,
        reason text,
        decided_by uuid NOT NULL,
        decided_by_name text NOT NULL,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX consent_history_pupil ON consent_history (tenant_id, pupil_id, kind, id)`);

    await runner.query(`
      CREATE TABLE rsvps (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        performance_id uuid NOT NULL,
        guardian_id uuid NOT NULL,
        guardian_name text NOT NULL,
        pupil_ids uuid[] NOT NULL,
        school_ids uuid[] NOT NULL,
        attending boolean NOT NULL,
        adults integer NOT NULL CHECK (adults BETWEEN 0 AND 20),
        children integer NOT NULL CHECK (children BETWEEN 0 AND 20),
        arrived_adults integer CHECK (arrived_adults BETWEEN 0 AND 50),
        arrived_children integer CHECK (arrived_children BETWEEN 0 AND 50),
        checked_in_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, performance_id, guardian_id),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id)
      )`);

    await runner.query(`
      CREATE TABLE sms_outbox (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        idempotency_key text NOT NULL,
        to_number text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, idempotency_key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'sms_outbox',
      'rsvps',
      'consent_history',
      'consents',
      'transport_bookings',
      'pickup_stops',
      'transport_runs',
      'performances',
      'family_children',
      'families',
      'idempotency_keys',
      'tenant_settings',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('DROP SEQUENCE waitlist_positions');
  }
}
