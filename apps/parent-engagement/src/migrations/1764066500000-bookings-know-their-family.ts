import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking keeps the children of the guardian who made it (their family), not only the children
 * travelling. The family's seat limit and "child already on the bus" look for the family's bookings
 * on a bus; a booking with adults only, made by the other parent, named no child and so belonged to
 * nobody's family but its own guardian's: mum then booked 3 seats after dad's 2 against a limit of 4.
 * Bookings made before this keep only their travelling children (the guardians' other children are
 * not known here).
 */
export class BookingsKnowTheirFamily1764066500000 implements MigrationInterface {
  name = 'BookingsKnowTheirFamily1764066500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE transport_bookings ADD COLUMN family_pupil_ids uuid[] NOT NULL DEFAULT '{}'`);
    await runner.query(`UPDATE transport_bookings SET family_pupil_ids = pupil_ids`);
    await runner.query(
      `CREATE INDEX transport_bookings_family_pupils ON transport_bookings USING gin (family_pupil_ids) WITH (fastupdate = off)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX transport_bookings_family_pupils`);
    await runner.query(`ALTER TABLE transport_bookings DROP COLUMN family_pupil_ids`);
  }
}
