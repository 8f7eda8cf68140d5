import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data requests (issue 19). `pupils.erased_at`: the family asked for erasure; the name is already the
 * pseudonym, and the agreement of a loan still out waits for the instrument to come back, when the next
 * retention run anonymises it. `loans.anonymised_at`: the agreement's signer and the free text were
 * removed (by erasure or retention), so that a second run touches and counts nothing more.
 * Nullable columns without defaults: no table rewrite.
 */
export class DataRequestMarkers1796437236638 implements MigrationInterface {
  name = 'DataRequestMarkers1796437236638';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE pupils ADD COLUMN erased_at timestamptz`);
    await runner.query(`ALTER TABLE loans ADD COLUMN anonymised_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE loans DROP COLUMN anonymised_at`);
    await runner.query(`ALTER TABLE pupils DROP COLUMN erased_at`);
  }
}
