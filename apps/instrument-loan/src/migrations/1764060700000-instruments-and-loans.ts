import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstrumentsAndLoans1764060700000 implements MigrationInterface {
  name = 'InstrumentsAndLoans1764060700000';

  async up(runner: QueryRunner): Promise<void> {
    // What this service knows of schools and pupils, kept from scheduling's events.
    await runner.query(`
      CREATE TABLE schools (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        urn text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX schools_tenant_urn ON schools (tenant_id, urn) WHERE urn IS NOT NULL`);
    await runner.query(`
      CREATE TABLE pupils (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        school_id uuid NOT NULL,
        year_group smallint NOT NULL CHECK (year_group BETWEEN -1 AND 13),
        first_name text NOT NULL,
        last_name text NOT NULL,
        left_on date,
        arm_length_mm integer CHECK (arm_length_mm BETWEEN 200 AND 900),
        arm_measured_on date,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX pupils_tenant_school ON pupils (tenant_id, school_id)`);

    await runner.query(`
      CREATE TABLE area_settings (
        tenant_id uuid PRIMARY KEY,
        missed_sessions_threshold smallint NOT NULL DEFAULT 3 CHECK (missed_sessions_threshold BETWEEN 1 AND 20),
        grace_period_days smallint NOT NULL DEFAULT 14 CHECK (grace_period_days BETWEEN 0 AND 120),
        terms_version text NOT NULL DEFAULT '2025-1',
        inspection_interval_days smallint NOT NULL DEFAULT 120 CHECK (inspection_interval_days BETWEEN 7 AND 730)
      )`);

    await runner.query(`
      CREATE TABLE instruments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        asset_tag text NOT NULL CHECK (asset_tag ~ '^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$'),
        family text NOT NULL CHECK (family IN ('strings', 'woodwind', 'brass', 'percussion', 'keyboard', 'other')),
        type text NOT NULL,
        size text CHECK (size IN ('1/16', '1/10', '1/8', '1/4', '1/2', '3/4', '7/8', '4/4')),
        make text,
        model text,
        serial text,
        purchased_on date,
        purchase_value_pence integer CHECK (purchase_value_pence >= 0),
        owner_kind text NOT NULL CHECK (owner_kind IN ('programme', 'school', 'hub')),
        owner_school_id uuid,
        location text,
        condition text NOT NULL CHECK (condition IN ('excellent', 'good', 'fair', 'poor', 'unusable')),
        status text NOT NULL CHECK (status IN ('available', 'on_loan', 'in_repair', 'lost', 'retired')),
        next_inspection_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((owner_kind = 'school') = (owner_school_id IS NOT NULL)),
        UNIQUE (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX instruments_tenant_asset_tag ON instruments (tenant_id, asset_tag)`);
    await runner.query(`CREATE INDEX instruments_tenant_status_type_size ON instruments (tenant_id, status, type, size)`);
    await runner.query(`CREATE INDEX instruments_tenant_owner_school ON instruments (tenant_id, owner_school_id)`);
    await runner.query(`CREATE INDEX instruments_tenant_inspection ON instruments (tenant_id, next_inspection_on)`);

    await runner.query(`
      CREATE TABLE loans (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        instrument_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        due_on date NOT NULL,
        accessories text[] NOT NULL DEFAULT '{}',
        condition_out text NOT NULL,
        agreed_by_name text NOT NULL,
        agreed_by_user_id uuid,
        agreed_at timestamptz NOT NULL,
        terms_version text NOT NULL,
        condition_ensemble_id uuid,
        condition_note text,
        checked_out_by uuid NOT NULL,
        returned_at timestamptz,
        condition_in text,
        return_notes text,
        outcome text CHECK (outcome IN ('returned', 'swapped', 'lost')),
        returned_by uuid,
        overdue_at timestamptz,
        flagged_at timestamptz,
        flag_reason text,
        review_cleared_at timestamptz,
        CHECK ((returned_at IS NULL) = (outcome IS NULL)),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, instrument_id) REFERENCES instruments (tenant_id, id)
      )`);
    // The database, not Node, guarantees that an instrument is out on at most one loan.
    await runner.query(`CREATE UNIQUE INDEX loans_one_active_per_instrument ON loans (tenant_id, instrument_id) WHERE returned_at IS NULL`);
    await runner.query(`CREATE INDEX loans_tenant_pupil ON loans (tenant_id, pupil_id, started_at)`);
    await runner.query(`CREATE INDEX loans_tenant_school_active ON loans (tenant_id, school_id, id) WHERE returned_at IS NULL`);
    await runner.query(
      `CREATE INDEX loans_tenant_condition ON loans (tenant_id, condition_ensemble_id, pupil_id) WHERE returned_at IS NULL AND condition_ensemble_id IS NOT NULL`,
    );

    await runner.query(`
      CREATE TABLE loan_problem_reports (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        loan_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('damaged', 'lost', 'other')),
        description text NOT NULL,
        reported_by uuid NOT NULL,
        reporter_role text NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, loan_id) REFERENCES loans (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX loan_problem_reports_tenant_loan ON loan_problem_reports (tenant_id, loan_id, reported_at)`);

    // Marks of the ensembles that loans are conditional on; re-recorded registers overwrite.
    await runner.query(`
      CREATE TABLE condition_attendance (
        tenant_id uuid NOT NULL,
        ensemble_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        occurrence_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
        PRIMARY KEY (tenant_id, ensemble_id, pupil_id, occurrence_id)
      )`);
    await runner.query(`CREATE INDEX condition_attendance_recent ON condition_attendance (tenant_id, ensemble_id, pupil_id, starts_at)`);

    await runner.query(`
      CREATE TABLE repair_tickets (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        instrument_id uuid NOT NULL,
        fault text NOT NULL,
        repairer text,
        cost_pence integer CHECK (cost_pence >= 0),
        opened_on date NOT NULL,
        closed_on date,
        condition_after text CHECK (condition_after IN ('excellent', 'good', 'fair', 'poor', 'unusable')),
        opened_by uuid NOT NULL,
        FOREIGN KEY (tenant_id, instrument_id) REFERENCES instruments (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX repair_tickets_one_open ON repair_tickets (tenant_id, instrument_id) WHERE closed_on IS NULL`);
    await runner.query(`CREATE INDEX repair_tickets_tenant_opened ON repair_tickets (tenant_id, opened_on)`);

    await runner.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        instrument_id uuid NOT NULL,
        inspected_on date NOT NULL,
        condition text NOT NULL CHECK (condition IN ('excellent', 'good', 'fair', 'poor', 'unusable')),
        notes text,
        inspected_by uuid NOT NULL,
        FOREIGN KEY (tenant_id, instrument_id) REFERENCES instruments (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX inspections_tenant_instrument ON inspections (tenant_id, instrument_id, inspected_on)`);

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
      'inspections',
      'repair_tickets',
      'condition_attendance',
      'loan_problem_reports',
      'loans',
      'instruments',
      'area_settings',
      'pupils',
      'schools',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
