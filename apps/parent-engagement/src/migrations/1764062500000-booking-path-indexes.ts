import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a booking decision reads, by index rather than by walking a bus's or a guardian's bookings:
 * the guardian's bookings on the bus, and the bookings naming a family's children (GIN on
 * pupil_ids). And one pending "consent still missing" reminder
 * per family and performance, held by the database instead of an advisory lock and a look-up.
 */
export class BookingPathIndexes1764062500000 implements MigrationInterface {
  name = 'BookingPathIndexes1764062500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX transport_bookings_run_guardian ON transport_bookings (tenant_id, run_id, guardian_id)`);
    await runner.query(`CREATE INDEX transport_bookings_pupils ON transport_bookings USING gin (pupil_ids)`);
    await runner.query(
      `UPDATE reminders r SET status = 'cancelled', updated_at = now()
        WHERE r.kind = 'consent.missing' AND r.status = 'scheduled'
          AND EXISTS (SELECT 1 FROM reminders o WHERE o.tenant_id = r.tenant_id AND o.subject_id = r.subject_id AND o.recipient_id = r.recipient_id
                         AND o.kind = 'consent.missing' AND o.status = 'scheduled' AND o.id < r.id)`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX reminders_one_pending_consent_chase ON reminders (tenant_id, subject_id, recipient_id)
        WHERE kind = 'consent.missing' AND status = 'scheduled'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX reminders_one_pending_consent_chase`);
    await runner.query(`DROP INDEX transport_bookings_pupils`);
    await runner.query(`DROP INDEX transport_bookings_run_guardian`);
  }
}
