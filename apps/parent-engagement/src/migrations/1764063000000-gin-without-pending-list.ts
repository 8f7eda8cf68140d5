import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every booking decision looks up the bookings naming a family's children (GIN on pupil_ids).
 * With GIN's fast update, new entries wait in a pending list that every look-up reads in full
 * (hundreds of pages on a busy day); without it, each insert files its entries at once and a
 * look-up reads a few pages.
 */
export class GinWithoutPendingList1764063000000 implements MigrationInterface {
  name = 'GinWithoutPendingList1764063000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX transport_bookings_pupils SET (fastupdate = off)`);
    await runner.query(`SELECT gin_clean_pending_list('transport_bookings_pupils'::regclass)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX transport_bookings_pupils RESET (fastupdate)`);
  }
}
