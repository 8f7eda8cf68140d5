import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No adult may work with children without a valid DBS check and safeguarding training (issue 19):
 * one record per member of staff, kept by the programme admin. The DBS certificate (its number is
 * shown to programme admins only), the date of the last Update Service check, and the training.
 * `dbs_expires_on` is derived here, once, so that the refusal, the dashboard and the reminders
 * agree: a check is renewed 3 years after the later of its issue and its last Update Service check.
 * Drivers and volunteers become kinds of staff, since they too are rostered with children
 * (the widened check is added NOT VALID; SafeguardingChecksValidated1796460061187 validates it).
 */
export class SafeguardingRecords1796437251582 implements MigrationInterface {
  name = 'SafeguardingRecords1796437251582';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE staff
        DROP CONSTRAINT staff_kind_check,
        ADD CONSTRAINT staff_kind_check CHECK (kind IN ('tutor', 'school_staff', 'driver', 'volunteer')) NOT VALID`);
    await runner.query(`
      CREATE TABLE safeguarding_records (
        tenant_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        dbs_number text CHECK (dbs_number ~ '^[0-9]{12}$'),
        dbs_level text CHECK (dbs_level IN ('basic', 'standard', 'enhanced', 'enhanced_barred_list')),
        dbs_issued_on date,
        update_service_checked_on date,
        dbs_expires_on date GENERATED ALWAYS AS (
          (greatest(dbs_issued_on, update_service_checked_on) + interval '3 years')::date
        ) STORED,
        training_completed_on date,
        training_level text CHECK (length(training_level) BETWEEN 1 AND 100),
        training_expires_on date,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, staff_id),
        FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id) ON DELETE CASCADE,
        CHECK ((dbs_number IS NULL) = (dbs_level IS NULL) AND (dbs_number IS NULL) = (dbs_issued_on IS NULL)),
        CHECK (update_service_checked_on IS NULL OR (dbs_issued_on IS NOT NULL AND update_service_checked_on >= dbs_issued_on)),
        CHECK ((training_completed_on IS NULL) = (training_level IS NULL) AND (training_completed_on IS NULL) = (training_expires_on IS NULL)),
        CHECK (training_expires_on IS NULL OR training_expires_on > training_completed_on)
      )`);
    // The dashboard and the daily reminders look for what runs out soonest in an area.
    await runner.query(
      'CREATE INDEX safeguarding_records_tenant_expiry ON safeguarding_records (tenant_id, (least(dbs_expires_on, training_expires_on)))',
    );
    // staff_kind_check is validated, and ensemble_members indexed by person, in SafeguardingChecksValidated1796460061187.
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE safeguarding_records');
    // Drivers and volunteers recorded since stay (they are named by rosters); new rows are held to the old kinds.
    await runner.query(`
      ALTER TABLE staff
        DROP CONSTRAINT staff_kind_check,
        ADD CONSTRAINT staff_kind_check CHECK (kind IN ('tutor', 'school_staff')) NOT VALID`);
  }
}
