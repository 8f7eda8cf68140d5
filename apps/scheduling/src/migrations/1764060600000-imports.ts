import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1764060600000 implements MigrationInterface {
  name = 'Imports1764060600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        school_id uuid NOT NULL,
        started_by uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        total_rows integer NOT NULL,
        processed_rows integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        classes_created integer NOT NULL DEFAULT 0,
        problems jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, school_id) REFERENCES schools (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX roster_imports_tenant_started ON roster_imports (tenant_id, started_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE roster_imports');
  }
}
