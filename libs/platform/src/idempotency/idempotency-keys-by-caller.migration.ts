import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys become the caller's own and remember the request body, so that another caller's
 * key never answers this caller's request and the same key with a different body is refused (422).
 * Keys stored before this have no caller and no hash: they no longer match any request.
 * One migration for every service whose schema has the idempotency_keys table (see onceForKey),
 * listed in each service's migrations under the same name.
 */
export class IdempotencyKeysByCaller1764062000000 implements MigrationInterface {
  name = 'IdempotencyKeysByCaller1764062000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN caller_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
        ADD COLUMN request_hash text NOT NULL DEFAULT '',
        DROP CONSTRAINT idempotency_keys_pkey,
        ADD PRIMARY KEY (tenant_id, caller_id, operation, key)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    // Two callers may have used the same key; the older claim keeps it.
    await runner.query(`
      DELETE FROM idempotency_keys newer USING idempotency_keys older
       WHERE newer.tenant_id = older.tenant_id AND newer.operation = older.operation AND newer.key = older.key
         AND (newer.created_at, newer.caller_id) > (older.created_at, older.caller_id)`);
    await runner.query(`
      ALTER TABLE idempotency_keys
        DROP COLUMN request_hash,
        DROP COLUMN caller_id,
        ADD PRIMARY KEY (tenant_id, operation, key)`);
  }
}
