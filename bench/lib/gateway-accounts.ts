import { argon2id, hash } from 'argon2';
import { Client } from 'pg';
import type { Role } from '@tutti/auth';

/** The gateway's argon2id settings, as seeds/src/demo-accounts.ts writes them. */
const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface BenchAccount {
  tenant: { id: string; slug: string; name: string };
  /** The user id services see (staff.user_id in scheduling). */
  accountId: string;
  email: string;
  password: string;
  displayName: string;
  grants: { role: Role; schoolIds?: string[] }[];
  /** Names of the schools grants may name, by id. */
  schools: { id: string; name: string }[];
}

/**
 * Writes a programme area (tenant), its schools, one active account with a password and its grants
 * into the gateway's schema through the gateway's own role, the way seeds/src/demo-accounts.ts does.
 */
export async function addGatewayAccount(gatewayDatabaseUrl: string, account: BenchAccount): Promise<void> {
  const client = new Client({ connectionString: gatewayDatabaseUrl });
  await client.connect();
  try {
    const { tenant } = account;
    await client.query(
      `INSERT INTO tenants (id, slug, name, weekly_provision_target_minutes, family_transport_seat_limit) VALUES ($1, $2, $3, 240, 4) ON CONFLICT DO NOTHING`,
      [tenant.id, tenant.slug, tenant.name],
    );
    for (const school of account.schools) {
      await client.query(`INSERT INTO tenant_schools (tenant_id, school_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        tenant.id,
        school.id,
        school.name,
      ]);
    }
    await client.query(
      `INSERT INTO accounts (id, tenant_id, email, display_name, status) VALUES ($1, $2, $3, $4, 'active') ON CONFLICT DO NOTHING`,
      [account.accountId, tenant.id, account.email, account.displayName],
    );
    await client.query(`INSERT INTO credentials (account_id, tenant_id, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      account.accountId,
      tenant.id,
      await hash(account.password, ARGON2_OPTIONS),
    ]);
    for (const grant of account.grants) {
      for (const schoolId of grant.schoolIds ?? [null]) {
        await client.query(
          `INSERT INTO grants (id, tenant_id, account_id, role, school_id) VALUES (gen_random_uuid(), $1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [tenant.id, account.accountId, grant.role, schoolId],
        );
      }
    }
  } finally {
    await client.end();
  }
}

/** Signs in at the gateway (POST /auth/sign-in) and answers the access token. */
export async function signIn(gatewayUrl: string, account: Pick<BenchAccount, 'tenant' | 'email' | 'password'>): Promise<string> {
  const response = await fetch(`${gatewayUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ area: account.tenant.slug, email: account.email, password: account.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const tokens = (await response.json()) as { accessToken: string };
  return tokens.accessToken;
}
