import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Roster1764060400000 implements MigrationInterface {
  name = 'Roster1764060400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tenant_settings (
        tenant_id uuid PRIMARY KEY,
        name text NOT NULL DEFAULT '',
        time_zone text NOT NULL DEFAULT 'Europe/London',
        weekly_provision_target_minutes integer NOT NULL DEFAULT 0 CHECK (weekly_provision_target_minutes >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE classes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        year_group smallint NOT NULL CHECK (year_group BETWEEN -1 AND 13),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query('CREATE UNIQUE INDEX classes_tenant_school_name ON classes (tenant_id, school_id, name) WHERE archived_at IS NULL');
    await runner.query(`
      CREATE TABLE pupils (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        class_id uuid,
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        year_group smallint NOT NULL CHECK (year_group BETWEEN -1 AND 13),
        mis_ref text CHECK (length(mis_ref) BETWEEN 1 AND 50),
        pupil_premium boolean NOT NULL DEFAULT false,
        send boolean NOT NULL DEFAULT false,
        eal boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'leaver')),
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK ((status = 'active') = (left_on IS NULL)),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id),
        FOREIGN KEY (tenant_id, class_id) REFERENCES classes (tenant_id, id)
      )`);
    await runner.query('CREATE UNIQUE INDEX pupils_tenant_school_mis ON pupils (tenant_id, school_id, mis_ref) WHERE mis_ref IS NOT NULL');
    await runner.query('CREATE INDEX pupils_tenant_school_name ON pupils (tenant_id, school_id, last_name, first_name, id)');
    await runner.query('CREATE INDEX pupils_tenant_class ON pupils (tenant_id, class_id) WHERE class_id IS NOT NULL');
    await runner.query(`
      CREATE TABLE pupil_record_reads (
        tenant_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        user_id uuid NOT NULL,
        with_flags boolean NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX pupil_record_reads_tenant_pupil ON pupil_record_reads (tenant_id, pupil_id, read_at)');
    await runner.query(`
      CREATE TABLE roll_overs (
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        academic_year text NOT NULL,
        rolled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, school_id, academic_year)
      )`);
    await runner.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        user_id uuid,
        kind text NOT NULL CHECK (kind IN ('tutor', 'school_staff')),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        email text,
        employer text,
        instruments text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await runner.query('CREATE UNIQUE INDEX staff_tenant_user ON staff (tenant_id, user_id) WHERE user_id IS NOT NULL');
    await runner.query('CREATE INDEX staff_tenant_name ON staff (tenant_id, display_name, id)');
    await runner.query(`
      CREATE TABLE staff_schools (
        tenant_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, staff_id, school_id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX staff_schools_tenant_school ON staff_schools (tenant_id, school_id)');
    await runner.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, school_id, name),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query(`
      CREATE TABLE ensembles (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('whole_class', 'choir', 'orchestra', 'band', 'staff_ensemble', 'family_ensemble')),
        strand text NOT NULL CHECK (strand IN ('curriculum', 'after_school', 'weekend', 'holiday')),
        level text CHECK (length(level) BETWEEN 1 AND 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX ensembles_tenant_school_name ON ensembles (tenant_id, school_id, name, id)');
    await runner.query(`
      CREATE TABLE ensemble_members (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        pupil_id uuid,
        staff_id uuid,
        instrument text,
        section text,
        joined_on date NOT NULL,
        left_on date,
        UNIQUE (tenant_id, id),
        CHECK ((pupil_id IS NULL) <> (staff_id IS NULL)),
        CHECK (left_on IS NULL OR left_on >= joined_on),
        FOREIGN KEY (tenant_id, ensemble_id) REFERENCES ensembles (tenant_id, id),
        FOREIGN KEY (tenant_id, pupil_id) REFERENCES pupils (tenant_id, id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX ensemble_members_active_pupil ON ensemble_members (tenant_id, ensemble_id, pupil_id) WHERE left_on IS NULL AND pupil_id IS NOT NULL',
    );
    await runner.query(
      'CREATE UNIQUE INDEX ensemble_members_active_staff ON ensemble_members (tenant_id, ensemble_id, staff_id) WHERE left_on IS NULL AND staff_id IS NOT NULL',
    );
    await runner.query('CREATE INDEX ensemble_members_tenant_pupil ON ensemble_members (tenant_id, pupil_id) WHERE pupil_id IS NOT NULL');
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
      'ensemble_members',
      'ensembles',
      'rooms',
      'staff_schools',
      'staff',
      'roll_overs',
      'pupil_record_reads',
      'pupils',
      'classes',
      'tenant_settings',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
