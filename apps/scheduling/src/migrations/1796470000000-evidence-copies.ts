import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copies for the annual data return (issue 18) of what other services own, kept from their events:
 * the performances that took place and who performed in them (performance-event's
 * `performance.performance.completed`), and families' RSVPs, check-ins and family-session
 * attendance (parent-engagement's `engagement.rsvp.changed` and
 * `engagement.family-session.attendance-marked`). Snapshots: the latest applied wins. No names.
 */
export class EvidenceCopies1796470000000 implements MigrationInterface {
  name = 'EvidenceCopies1796470000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE performances_given (
        tenant_id uuid NOT NULL,
        performance_id uuid NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        audience text NOT NULL CHECK (audience IN ('public', 'school_community')),
        copied_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, performance_id)
      )`);
    await runner.query('CREATE INDEX performances_given_starts ON performances_given (tenant_id, starts_at)');
    await runner.query(`
      CREATE TABLE performance_performers (
        tenant_id uuid NOT NULL,
        performance_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, performance_id, pupil_id),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances_given (tenant_id, performance_id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE family_engagement (
        tenant_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('rsvp', 'family_session')),
        source_id uuid NOT NULL,
        occasion_id uuid NOT NULL,
        occurs_at timestamptz NOT NULL,
        guardian_id uuid NOT NULL,
        school_ids uuid[] NOT NULL,
        took_part boolean NOT NULL,
        checked_in boolean NOT NULL,
        expected_people integer NOT NULL CHECK (expected_people >= 0),
        arrived_people integer CHECK (arrived_people >= 0),
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, kind, source_id)
      )`);
    await runner.query('CREATE INDEX family_engagement_occurs ON family_engagement (tenant_id, occurs_at)');
    await runner.query('CREATE INDEX family_engagement_occasion ON family_engagement (tenant_id, occasion_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE family_engagement');
    await runner.query('DROP TABLE performance_performers');
    await runner.query('DROP TABLE performances_given');
  }
}
