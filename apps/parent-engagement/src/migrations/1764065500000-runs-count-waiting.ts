import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each bus counts the bookings waiting for a seat on it. A booking that joins the queue is told its
 * place there; counting the queue for that read every waiting booking of the bus, in every batch
 * of bookings (2,000 rows per full bus in a rush). The count is kept by statement triggers on
 * transport_bookings, so that every path that queues, offers, cancels or deletes a booking keeps
 * it true without knowing about it.
 */
export class RunsCountWaiting1764065500000 implements MigrationInterface {
  name = 'RunsCountWaiting1764065500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE transport_runs ADD COLUMN waiting int NOT NULL DEFAULT 0 CHECK (waiting >= 0)`);
    await runner.query(`
      UPDATE transport_runs r SET waiting = q.waiting
        FROM (SELECT tenant_id, run_id, count(*)::int AS waiting FROM transport_bookings WHERE status = 'waitlisted' GROUP BY tenant_id, run_id) q
       WHERE r.tenant_id = q.tenant_id AND r.id = q.run_id`);
    await runner.query(`
      CREATE FUNCTION transport_runs_count_waiting() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE transport_runs r SET waiting = r.waiting + c.n
            FROM (SELECT tenant_id, run_id, count(*)::int AS n FROM added WHERE status = 'waitlisted' GROUP BY tenant_id, run_id) c
           WHERE r.tenant_id = c.tenant_id AND r.id = c.run_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE transport_runs r SET waiting = r.waiting - c.n
            FROM (SELECT tenant_id, run_id, count(*)::int AS n FROM removed WHERE status = 'waitlisted' GROUP BY tenant_id, run_id) c
           WHERE r.tenant_id = c.tenant_id AND r.id = c.run_id;
        ELSE
          UPDATE transport_runs r SET waiting = r.waiting + c.n
            FROM (SELECT tenant_id, run_id, sum(n)::int AS n FROM (
                    SELECT tenant_id, run_id, 1 AS n FROM added WHERE status = 'waitlisted'
                    UNION ALL
                    SELECT tenant_id, run_id, -1 AS n FROM removed WHERE status = 'waitlisted') d
                   GROUP BY tenant_id, run_id HAVING sum(n) <> 0) c
           WHERE r.tenant_id = c.tenant_id AND r.id = c.run_id;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER transport_bookings_waiting_added AFTER INSERT ON transport_bookings REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION transport_runs_count_waiting()`,
    );
    await runner.query(
      `CREATE TRIGGER transport_bookings_waiting_changed AFTER UPDATE ON transport_bookings REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION transport_runs_count_waiting()`,
    );
    await runner.query(
      `CREATE TRIGGER transport_bookings_waiting_removed AFTER DELETE ON transport_bookings REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION transport_runs_count_waiting()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER transport_bookings_waiting_removed ON transport_bookings`);
    await runner.query(`DROP TRIGGER transport_bookings_waiting_changed ON transport_bookings`);
    await runner.query(`DROP TRIGGER transport_bookings_waiting_added ON transport_bookings`);
    await runner.query(`DROP FUNCTION transport_runs_count_waiting()`);
    await runner.query(`ALTER TABLE transport_runs DROP COLUMN waiting`);
  }
}
