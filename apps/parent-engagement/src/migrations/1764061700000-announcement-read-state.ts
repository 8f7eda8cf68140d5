import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a family first opened an announcement in the app (null: not yet), on its delivery row. */
export class AnnouncementReadState1764061700000 implements MigrationInterface {
  name = 'AnnouncementReadState1764061700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE announcement_deliveries ADD COLUMN read_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE announcement_deliveries DROP COLUMN read_at`);
  }
}
