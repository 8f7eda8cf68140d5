import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The classes an MIS import created, each with the rows that named it, so that the import's summary
 * says afterwards what the importer agreed to create (an import creates only the classes it is told to).
 */
export class ImportNewClasses1764071500000 implements MigrationInterface {
  name = 'ImportNewClasses1764071500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE roster_imports ADD COLUMN new_classes jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE roster_imports DROP COLUMN new_classes');
  }
}
