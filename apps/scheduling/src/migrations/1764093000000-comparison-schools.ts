import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comparison schools (issue 18): schools outside the programme that the evaluation sets programme
 * schools beside. Aggregates of their cohort only (number of pupils, per cent FSM, SEND and EAL, as
 * published for the year named): no pupil of theirs is held. One per URN in an area.
 */
export class ComparisonSchools1764093000000 implements MigrationInterface {
  name = 'ComparisonSchools1764093000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE comparison_schools (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        urn text NOT NULL CHECK (urn ~ '^[0-9]{6,7}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        phase text NOT NULL CHECK (phase IN ('primary', 'infant', 'junior', 'secondary', 'all_through', 'special')),
        pupils integer NOT NULL CHECK (pupils BETWEEN 0 AND 10000),
        percent_fsm numeric(4, 1) CHECK (percent_fsm BETWEEN 0 AND 100),
        percent_send numeric(4, 1) CHECK (percent_send BETWEEN 0 AND 100),
        percent_eal numeric(4, 1) CHECK (percent_eal BETWEEN 0 AND 100),
        cohort_year text CHECK (cohort_year ~ '^[0-9]{4}-[0-9]{2}$'),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, urn)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE comparison_schools');
  }
}
