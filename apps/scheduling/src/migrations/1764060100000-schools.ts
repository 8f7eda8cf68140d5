import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schools1764060100000 implements MigrationInterface {
  name = 'Schools1764060100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        urn text CHECK (urn ~ '^[0-9]{6,7}$'),
        phase text NOT NULL CHECK (phase IN ('primary', 'infant', 'junior', 'secondary', 'all_through', 'special')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, urn)
      )`);
    await runner.query('CREATE INDEX schools_tenant_name ON schools (tenant_id, name)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE schools');
  }
}
