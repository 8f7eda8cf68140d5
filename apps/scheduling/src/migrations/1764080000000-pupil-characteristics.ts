import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pupil characteristics for funders' returns: FSM / pupil premium, SEN provision, EAL, gender and
 * ethnicity group, each 'unknown' until recorded. The yes/no flags keep their answers (false was
 * stored as no). The old SEND flag did not say which provision: true becomes 'unknown' (the next MIS
 * import's SEN Status, K or E, or the headteacher records it), false becomes 'none'.
 */
export class PupilCharacteristics1764080000000 implements MigrationInterface {
  name = 'PupilCharacteristics1764080000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pupils
        ALTER COLUMN pupil_premium DROP DEFAULT,
        ALTER COLUMN pupil_premium TYPE text USING CASE WHEN pupil_premium THEN 'yes' ELSE 'no' END,
        ALTER COLUMN pupil_premium SET DEFAULT 'unknown',
        ADD CONSTRAINT pupils_pupil_premium CHECK (pupil_premium IN ('yes', 'no', 'unknown')),
        ALTER COLUMN send DROP DEFAULT,
        ALTER COLUMN send TYPE text USING CASE WHEN send THEN 'unknown' ELSE 'none' END,
        ALTER COLUMN send SET DEFAULT 'unknown',
        ADD CONSTRAINT pupils_send CHECK (send IN ('none', 'sen_support', 'ehcp', 'unknown')),
        ALTER COLUMN eal DROP DEFAULT,
        ALTER COLUMN eal TYPE text USING CASE WHEN eal THEN 'yes' ELSE 'no' END,
        ALTER COLUMN eal SET DEFAULT 'unknown',
        ADD CONSTRAINT pupils_eal CHECK (eal IN ('yes', 'no', 'unknown')),
        ADD COLUMN gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('female', 'male', 'other', 'unknown')),
        ADD COLUMN ethnicity_group text NOT NULL DEFAULT 'unknown'
          CHECK (ethnicity_group IN ('white', 'mixed', 'asian', 'black', 'chinese', 'other', 'refused', 'unknown'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pupils
        DROP COLUMN ethnicity_group, DROP COLUMN gender,
        DROP CONSTRAINT pupils_pupil_premium, DROP CONSTRAINT pupils_send, DROP CONSTRAINT pupils_eal,
        ALTER COLUMN pupil_premium DROP DEFAULT, ALTER COLUMN pupil_premium TYPE boolean USING pupil_premium = 'yes', ALTER COLUMN pupil_premium SET DEFAULT false,
        ALTER COLUMN send DROP DEFAULT, ALTER COLUMN send TYPE boolean USING send IN ('sen_support', 'ehcp'), ALTER COLUMN send SET DEFAULT false,
        ALTER COLUMN eal DROP DEFAULT, ALTER COLUMN eal TYPE boolean USING eal = 'yes', ALTER COLUMN eal SET DEFAULT false`);
  }
}
