import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOfDataSource } from '../sql';

/**
 * The outbox, the consumer inbox and the reminders of one service, created in that service's schema
 * (the DataSource's `schema` option), so every service runs the same migration into its own schema.
 */
export class CreateMessagingTables1764060000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaName(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${schema}."outbox_events" (
        "id" uuid NOT NULL,
        "tenant_id" uuid NOT NULL,
        "type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "source" text NOT NULL,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "PK_outbox_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_events_unsent" ON ${schema}."outbox_events" ("id") WHERE "sent_at" IS NULL`);

    await queryRunner.query(`
      CREATE TABLE ${schema}."processed_events" (
        "tenant_id" uuid NOT NULL,
        "consumer" text NOT NULL,
        "event_id" uuid NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_processed_events" PRIMARY KEY ("tenant_id", "consumer", "event_id")
      )`);

    await queryRunner.query(`
      CREATE TABLE ${schema}."reminders" (
        "id" uuid NOT NULL,
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "recipient_id" uuid NOT NULL,
        "subject_type" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "due_at" timestamptz(3) NOT NULL,
        "status" text NOT NULL DEFAULT 'scheduled',
        "payload" jsonb NOT NULL DEFAULT '{}',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "claimed_until" timestamptz,
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_reminders" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_reminders_status" CHECK ("status" IN ('scheduled', 'sending', 'sent', 'cancelled', 'failed'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_reminders_subject" ON ${schema}."reminders" ("tenant_id", "subject_type", "subject_id")`);
    // The sweeper's scan: only rows still waiting to go out, across tenants.
    await queryRunner.query(
      `CREATE INDEX "IDX_reminders_due" ON ${schema}."reminders" ("due_at") WHERE "status" IN ('scheduled', 'sending')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaName(queryRunner);
    await queryRunner.query(`DROP TABLE ${schema}."reminders"`);
    await queryRunner.query(`DROP TABLE ${schema}."processed_events"`);
    await queryRunner.query(`DROP TABLE ${schema}."outbox_events"`);
  }
}

function schemaName(queryRunner: QueryRunner): string {
  return queryRunner.dataSource.driver.escape(schemaOfDataSource(queryRunner.dataSource));
}
