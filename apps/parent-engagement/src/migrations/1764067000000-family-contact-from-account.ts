import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A family's contact comes from the guardian's account (identity.guardian.linked and
 * identity.account.updated) unless the family chose its own: `account_email` and `account_language`
 * are the account's, `email` and `language` what messages use, and `*_chosen` whether the family
 * set them apart from the account's. A family that has saved an email address before chose it.
 */
export class FamilyContactFromAccount1764067000000 implements MigrationInterface {
  name = 'FamilyContactFromAccount1764067000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE families
        ADD COLUMN account_email text,
        ADD COLUMN account_language text,
        ADD COLUMN email_chosen boolean NOT NULL DEFAULT false,
        ADD COLUMN language_chosen boolean NOT NULL DEFAULT false,
        ADD COLUMN account_event_at timestamptz,
        ADD COLUMN account_event_id uuid`);
    await runner.query(`UPDATE families SET email_chosen = email IS NOT NULL, language_chosen = language <> 'en'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE families
        DROP COLUMN account_email, DROP COLUMN account_language, DROP COLUMN email_chosen,
        DROP COLUMN language_chosen, DROP COLUMN account_event_at, DROP COLUMN account_event_id`);
  }
}
