import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subject access, erasure and retention (issue 19).
 *
 * - `data_requests`: one export, erasure or retention run of an area, its subject, who asked, the
 *   pseudonym an erasure writes, and when all five parts were in, the report. `data_request_parts`
 *   holds each service's answer once (its key refuses a second copy of a redelivered answer).
 * - `data_subject_pseudonyms`: the pseudonym of an erased subject, fixed the first time it is needed
 *   and unique in the area, so that a second erasure (or a late service) writes the same "Pupil 7F3A".
 * - `retention_schedules`: the area's retention schedule; no row means the defaults below.
 * - `audit_log` stays append-only except for one thing: the retention run may delete entries older than
 *   the schedule's audit period, never younger than a year, and only while it says so for its own
 *   transaction (`tutti.audit_expiry_before`); UPDATE stays refused.
 *
 * Defaults, after the IRMS Information Management Toolkit for Schools (and the law it cites):
 * - attendance 3 years after the current one: the toolkit's attendance registers line, after the Education
 *   (Pupil Registration) (England) Regulations 2006 (each entry kept 3 years from the date it was made);
 * - family contact details 12 months after the last child left: the toolkit keeps parents' contact and
 *   consent paperwork for the current year + 1 once a pupil has gone; an area may shorten it;
 * - a former pupil's record 6 years after leaving: a music service is not the pupil's school (whose
 *   file goes with the child, DOB + 25 at the last school); 6 years follows the toolkit's line for
 *   records of services provided, the Limitation Act 1980 period for claims;
 * - a returned loan and its agreement 6 years after return: the toolkit's contracts and asset
 *   records (last action + 6 years, Limitation Act 1980 s. 5);
 * - messages to families 24 months after sending: the toolkit's general correspondence with parents
 *   (current year + 1) rounded to two whole years so that a full year's queries and complaints can be answered;
 * - the audit log 6 years: the same limitation period, the longest a claim about access can arise in.
 */
export class DataRequests1764080000000 implements MigrationInterface {
  name = 'DataRequests1764080000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_requests (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('export', 'erasure', 'retention')),
        subject_type text CHECK (subject_type IN ('pupil', 'guardian')),
        subject_id uuid,
        state text NOT NULL DEFAULT 'collecting' CHECK (state IN ('collecting', 'done')),
        requested_by uuid,
        pseudonym text CHECK (length(pseudonym) BETWEEN 1 AND 40),
        retention jsonb,
        as_of date,
        dry_run boolean,
        report jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CHECK ((subject_type IS NULL) = (subject_id IS NULL)),
        CHECK ((kind = 'retention') = (subject_type IS NULL)),
        CHECK ((kind = 'retention') = (retention IS NOT NULL AND as_of IS NOT NULL AND dry_run IS NOT NULL)),
        CHECK ((kind = 'erasure') = (pseudonym IS NOT NULL)),
        CHECK ((state = 'done') = (finished_at IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX data_requests_tenant_created ON data_requests (tenant_id, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX data_requests_tenant_requester ON data_requests (tenant_id, requested_by, created_at DESC, id DESC)');
    // One erasure at a time per subject: a second while the first collects is a 409.
    await runner.query(
      `CREATE UNIQUE INDEX data_requests_one_open_erasure ON data_requests (tenant_id, subject_type, subject_id)
        WHERE kind = 'erasure' AND state = 'collecting'`,
    );
    await runner.query(`
      CREATE TABLE data_request_parts (
        tenant_id uuid NOT NULL,
        request_id uuid NOT NULL,
        service text NOT NULL CHECK (service IN ('gateway', 'scheduling', 'instrument-loan', 'performance-event', 'parent-engagement')),
        records jsonb NOT NULL DEFAULT '{}'::jsonb,
        actions jsonb NOT NULL DEFAULT '[]'::jsonb,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, request_id, service),
        FOREIGN KEY (tenant_id, request_id) REFERENCES data_requests (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE data_subject_pseudonyms (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        subject_type text NOT NULL CHECK (subject_type IN ('pupil', 'guardian')),
        subject_id uuid NOT NULL,
        pseudonym text NOT NULL CHECK (length(pseudonym) BETWEEN 1 AND 40),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, subject_type, subject_id),
        UNIQUE (tenant_id, pseudonym)
      )`);
    await runner.query(`
      CREATE TABLE retention_schedules (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
        attendance_years integer NOT NULL CHECK (attendance_years BETWEEN 1 AND 25),
        family_contact_months_after_leaving integer NOT NULL CHECK (family_contact_months_after_leaving BETWEEN 0 AND 120),
        pupil_record_years_after_leaving integer NOT NULL CHECK (pupil_record_years_after_leaving BETWEEN 1 AND 25),
        loan_years_after_return integer NOT NULL CHECK (loan_years_after_return BETWEEN 1 AND 25),
        message_months integer NOT NULL CHECK (message_months BETWEEN 1 AND 120),
        audit_years integer NOT NULL CHECK (audit_years BETWEEN 1 AND 25),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        expiry_before text := current_setting('tutti.audit_expiry_before', true);
      BEGIN
        IF TG_OP = 'DELETE' AND coalesce(expiry_before, '') <> ''
           AND expiry_before::timestamptz <= now() - interval '1 year'
           AND OLD.occurred_at < expiry_before::timestamptz THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query('GRANT DELETE ON audit_log TO CURRENT_USER');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('REVOKE DELETE ON audit_log FROM CURRENT_USER');
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['retention_schedules', 'data_subject_pseudonyms', 'data_request_parts', 'data_requests']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
