import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOfDataSource } from '../sql';

/**
 * The W3C traceparent of the work that wrote an outbox event or a reminder (issue 20's traces): the
 * relay publishes the event, and the worker sends the reminder, as children of that span, so that
 * one trace follows a request through the outbox and the queues to the email. Null when tracing
 * was off. Nullable columns without a default: no table rewrite, a brief lock only (bounded by the migrations' lock_timeout).
 */
export class TraceContext1796470351020 implements MigrationInterface {
  name = 'TraceContext1796470351020';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = queryRunner.dataSource.driver.escape(schemaOfDataSource(queryRunner.dataSource));
    await queryRunner.query(`ALTER TABLE ${schema}."outbox_events" ADD COLUMN IF NOT EXISTS "traceparent" text`);
    await queryRunner.query(`ALTER TABLE ${schema}."reminders" ADD COLUMN IF NOT EXISTS "traceparent" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = queryRunner.dataSource.driver.escape(schemaOfDataSource(queryRunner.dataSource));
    await queryRunner.query(`ALTER TABLE ${schema}."reminders" DROP COLUMN "traceparent"`);
    await queryRunner.query(`ALTER TABLE ${schema}."outbox_events" DROP COLUMN "traceparent"`);
  }
}
