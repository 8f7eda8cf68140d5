import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VenuesAndPerformances1764060100000 implements MigrationInterface {
  name = 'VenuesAndPerformances1764060100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL,
        address text NOT NULL,
        capacity integer CHECK (capacity > 0),
        access_notes text,
        UNIQUE (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX venues_tenant_name ON venues (tenant_id, name)`);
    await runner.query(`
      CREATE TABLE performances (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'completed', 'cancelled')),
        audience text NOT NULL CHECK (audience IN ('public', 'school_community')),
        CHECK (ends_at > starts_at),
        FOREIGN KEY (tenant_id, venue_id) REFERENCES venues (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX performances_tenant_status_starts ON performances (tenant_id, status, starts_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE performances');
    await runner.query('DROP TABLE venues');
  }
}
