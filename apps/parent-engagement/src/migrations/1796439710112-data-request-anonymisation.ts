import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data requests (issue 19). `families.anonymised_at`: when a family's contact details were removed
 * (an erasure, or the retention schedule once their last child left), so that a second run changes
 * nothing more. Consent records stay append-only, except for anonymising them: an UPDATE that sets
 * `anonymised_at` and leaves the decision (pupil, kind, decision, who, when) as it was may clear the
 * free text and replace the name of who gave it.
 */
export class DataRequestAnonymisation1796439710112 implements MigrationInterface {
  name = 'DataRequestAnonymisation1796439710112';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE families ADD COLUMN anonymised_at timestamptz`);
    await runner.query(`ALTER TABLE consent_records ADD COLUMN anonymised_at timestamptz`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.anonymised_at IS NOT NULL
           AND (NEW.tenant_id, NEW.id, NEW.seq, NEW.pupil_id, NEW.school_id, NEW.kind, NEW.decision, NEW.given_by, NEW.given_at)
               IS NOT DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.seq, OLD.pupil_id, OLD.school_id, OLD.kind, OLD.decision, OLD.given_by, OLD.given_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'consent_records is append-only: record a new decision instead';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent_records is append-only: record a new decision instead';
      END $$`);
    await runner.query(`ALTER TABLE consent_records DROP COLUMN anonymised_at`);
    await runner.query(`ALTER TABLE families DROP COLUMN anonymised_at`);
  }
}
