import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read or changed which pupil-, family- or staff-level record, when and from where. Append-only:
 * the table's own role may not UPDATE or DELETE it, and a trigger refuses both even if someone
 * grants the right back. (TRUNCATE stays allowed for `db:reset`, which empties a whole database.)
 */
export class IdentityAuditLog1764060300100 implements MigrationInterface {
  name = 'IdentityAuditLog1764060300100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        service text NOT NULL CHECK (service ~ '^[a-z]+(-[a-z]+)*$'),
        actor_id uuid,
        actor_role text CHECK (actor_role ~ '^[a-z_]{1,40}$'),
        action text NOT NULL CHECK (action ~ '^[a-z_]{1,40}$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[a-z_]{1,40}$'),
        subject_id uuid,
        ip text CHECK (length(ip) <= 64),
        request_id text CHECK (length(request_id) <= 64),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await runner.query('CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, occurred_at DESC, id DESC)');
    await runner.query(
      'CREATE INDEX audit_log_tenant_subject ON audit_log (tenant_id, subject_type, subject_id, occurred_at DESC, id DESC)',
    );
    await runner.query('CREATE INDEX audit_log_tenant_actor ON audit_log (tenant_id, actor_id, occurred_at DESC, id DESC)');
    await runner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await runner.query('REVOKE UPDATE, DELETE ON audit_log FROM CURRENT_USER');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
