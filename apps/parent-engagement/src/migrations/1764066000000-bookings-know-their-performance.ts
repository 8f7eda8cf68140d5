import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking names its performance (that of its bus), so that "the children a family brings to a
 * performance", asked by every booking for the photo/film consent chase, is one index look-up.
 * Through the runs, it read every booking the family ever made and looked up each one's bus: the
 * longer a family's history, the slower each booking (in the bench, PostgreSQL's time per booking
 * grew by half over five rounds).
 */
export class BookingsKnowTheirPerformance1764066000000 implements MigrationInterface {
  name = 'BookingsKnowTheirPerformance1764066000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE transport_bookings ADD COLUMN performance_id uuid`);
    await runner.query(`
      UPDATE transport_bookings b SET performance_id = r.performance_id
        FROM transport_runs r WHERE r.tenant_id = b.tenant_id AND r.id = b.run_id`);
    await runner.query(`ALTER TABLE transport_bookings ALTER COLUMN performance_id SET NOT NULL`);
    await runner.query(
      `CREATE INDEX transport_bookings_confirmed_by_guardian ON transport_bookings (tenant_id, guardian_id, performance_id) WHERE status = 'confirmed'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX transport_bookings_confirmed_by_guardian`);
    await runner.query(`ALTER TABLE transport_bookings DROP COLUMN performance_id`);
  }
}
