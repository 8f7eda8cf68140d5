import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and what hangs off them: credentials, grants, guardian links, the schools grants may
 * name, sessions with their refresh tokens, one-time tokens and idempotency keys. Every table
 * carries `tenant_id`, and it leads every index and composite key.
 */
export class IdentityAccounts1764060300000 implements MigrationInterface {
  name = 'IdentityAccounts1764060300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        mobile text CHECK (mobile ~ '^\\+[1-9][0-9]{6,14}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        status text NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await runner.query('CREATE UNIQUE INDEX accounts_tenant_email ON accounts (tenant_id, lower(email))');
    await runner.query('CREATE INDEX accounts_tenant_email_order ON accounts (tenant_id, lower(email), id)');

    await runner.query(`
      CREATE TABLE credentials (
        account_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        changed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE UNIQUE INDEX credentials_tenant_account ON credentials (tenant_id, account_id)');

    await runner.query(`
      CREATE TABLE tenant_schools (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        school_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, school_id)
      )`);
    await runner.query('CREATE UNIQUE INDEX tenant_schools_school ON tenant_schools (school_id)');

    await runner.query(`
      CREATE TABLE grants (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        account_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian', 'evaluator')),
        school_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CHECK ((role IN ('headteacher', 'tutor', 'school_staff')) = (school_id IS NOT NULL)),
        FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, school_id) REFERENCES tenant_schools (tenant_id, school_id)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX grants_tenant_account_role_school ON grants (tenant_id, account_id, role, COALESCE(school_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    await runner.query('CREATE INDEX grants_tenant_role ON grants (tenant_id, role, account_id)');

    await runner.query(`
      CREATE TABLE guardian_links (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        account_id uuid NOT NULL,
        pupil_id uuid NOT NULL,
        school_id uuid NOT NULL,
        relationship text NOT NULL CHECK (relationship IN ('parent', 'step_parent', 'grandparent', 'carer', 'foster_carer', 'other_relative', 'other')),
        can_book_transport boolean NOT NULL,
        can_give_consent boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, school_id) REFERENCES tenant_schools (tenant_id, school_id)
      )`);
    await runner.query('CREATE UNIQUE INDEX guardian_links_tenant_account_pupil ON guardian_links (tenant_id, account_id, pupil_id)');
    await runner.query('CREATE INDEX guardian_links_tenant_pupil ON guardian_links (tenant_id, pupil_id)');
    await runner.query('CREATE INDEX guardian_links_tenant_school ON guardian_links (tenant_id, school_id, id)');

    // A session is one sign-in on one device: the family of refresh tokens that rotate from it.
    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        account_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_refreshed_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('signed_out', 'reuse_detected', 'account_disabled', 'password_changed', 'account_not_active')),
        ip text CHECK (length(ip) <= 64),
        user_agent text CHECK (length(user_agent) <= 512),
        FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, id)
      )`);
    await runner.query('CREATE INDEX sessions_tenant_account_open ON sessions (tenant_id, account_id) WHERE revoked_at IS NULL');

    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        parent_id uuid,
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE UNIQUE INDEX refresh_tokens_tenant_hash ON refresh_tokens (tenant_id, token_hash)');
    await runner.query('CREATE INDEX refresh_tokens_tenant_session ON refresh_tokens (tenant_id, session_id)');

    await runner.query(`
      CREATE TABLE one_time_tokens (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        account_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE UNIQUE INDEX one_time_tokens_tenant_hash ON one_time_tokens (tenant_id, token_hash)');
    await runner.query(
      'CREATE INDEX one_time_tokens_tenant_account_open ON one_time_tokens (tenant_id, account_id, purpose) WHERE used_at IS NULL AND revoked_at IS NULL',
    );

    // The first answer to a creating POST, replayed when the same Idempotency-Key comes again.
    await runner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        operation text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_fingerprint text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, actor_id, operation, key)
      )`);
    await runner.query('CREATE INDEX idempotency_keys_tenant_created ON idempotency_keys (tenant_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'one_time_tokens',
      'refresh_tokens',
      'sessions',
      'guardian_links',
      'grants',
      'tenant_schools',
      'credentials',
      'accounts',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
