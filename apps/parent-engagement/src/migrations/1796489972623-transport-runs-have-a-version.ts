import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bus can be corrected after it is put on (issue 16): its version is the ETag that tells apart
 * two members of staff editing it at once. ADD COLUMN with a constant default rewrites nothing.
 */
export class TransportRunsHaveAVersion1796489972623 implements MigrationInterface {
  name = 'TransportRunsHaveAVersion1796489972623';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE transport_runs ADD COLUMN version integer NOT NULL DEFAULT 1');
    // Every existing row takes the default 1, so NOT VALID skips a check under the table's lock that could not fail.
    await runner.query('ALTER TABLE transport_runs ADD CONSTRAINT transport_runs_version_positive CHECK (version >= 1) NOT VALID');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE transport_runs DROP COLUMN version');
  }
}
