import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's idempotency keys take the shape the platform's onceForKey / claimIdempotencyKeys
 * read (as every service's): caller_id, request_hash and one jsonb response (here the status and
 * body of the first answer). Keys stored before keep their answers; their hash was taken over the
 * body as sent, the platform's over its sorted keys, so a retry of such a key whose body's keys were
 * not in sorted order is refused (422) rather than done twice.
 */
export class IdempotencyKeysPlatformShape1764072000100 implements MigrationInterface {
  name = 'IdempotencyKeysPlatformShape1764072000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys RENAME COLUMN actor_id TO caller_id`);
    await runner.query(`ALTER TABLE idempotency_keys RENAME COLUMN request_fingerprint TO request_hash`);
    await runner.query(`ALTER TABLE idempotency_keys ADD COLUMN response jsonb`);
    await runner.query(
      `UPDATE idempotency_keys SET response = jsonb_build_object('status', response_status, 'body', response_body) WHERE response_status IS NOT NULL`,
    );
    await runner.query(`ALTER TABLE idempotency_keys DROP COLUMN response_status, DROP COLUMN response_body`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys ADD COLUMN response_status integer, ADD COLUMN response_body jsonb`);
    await runner.query(
      `UPDATE idempotency_keys SET response_status = (response->>'status')::integer, response_body = response->'body' WHERE response IS NOT NULL`,
    );
    await runner.query(`ALTER TABLE idempotency_keys DROP COLUMN response`);
    await runner.query(`ALTER TABLE idempotency_keys RENAME COLUMN request_hash TO request_fingerprint`);
    await runner.query(`ALTER TABLE idempotency_keys RENAME COLUMN caller_id TO actor_id`);
  }
}
