import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register reads an ensemble's members (past and present, by date) and replaces an
 * occurrence's attendance; the partial indexes could serve neither, so on a large area both
 * scanned whole tables (seen in bench/tutor-today on 1,000 schools).
 */
export class RegisterIndexes1764064000000 implements MigrationInterface {
  name = 'RegisterIndexes1764064000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ensemble_members_tenant_ensemble ON ensemble_members (tenant_id, ensemble_id)');
    await runner.query('CREATE INDEX attendance_tenant_occurrence ON attendance (tenant_id, occurrence_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX attendance_tenant_occurrence');
    await runner.query('DROP INDEX ensemble_members_tenant_ensemble');
  }
}
