import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19. `printed_sheets`: each programme or run sheet handed out (HTML or PDF), with the pupils it
 * named and their consents at that moment (ids and states only, never names), so that the consent
 * audit can find a child named on paper whose family has since refused. `replica_pupils.erased_at`:
 * the family asked for erasure and the display name is the pseudonym (a late event must not bring it
 * back; retention leaves the row alone).
 */
export class PrintedSheetsAndErasure1796437248618 implements MigrationInterface {
  name = 'PrintedSheetsAndErasure1796437248618';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE printed_sheets (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        performance_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('programme', 'run_sheet')),
        printed_at timestamptz NOT NULL DEFAULT now(),
        printed_by uuid NOT NULL,
        pupils jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, performance_id) REFERENCES performances (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX printed_sheets_performance ON printed_sheets (tenant_id, performance_id, printed_at)`);
    await runner.query(`ALTER TABLE replica_pupils ADD COLUMN erased_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE replica_pupils DROP COLUMN erased_at`);
    await runner.query(`DROP TABLE printed_sheets`);
  }
}
