import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tenants1764060100000 implements MigrationInterface {
  name = 'Tenants1764060100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 64),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        time_zone text NOT NULL DEFAULT 'Europe/London',
        weekly_provision_target_minutes integer NOT NULL CHECK (weekly_provision_target_minutes BETWEEN 0 AND 10080),
        family_languages text[] NOT NULL DEFAULT '{en}',
        family_transport_seat_limit integer NOT NULL CHECK (family_transport_seat_limit >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX tenants_name ON tenants (name, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tenants');
  }
}
