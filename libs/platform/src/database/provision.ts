import { Client } from 'pg';
import { schemaOf, type ServiceName } from '@tutti/contracts';

/**
 * Creates (idempotently) the service's schema and its own login role, which owns that schema and
 * can reach nothing else. Run with an admin URL by `npm start`, the test set-up and `db:migrate`;
 * in production the platform team provisions roles the same way and hands each service its URL.
 */
export async function provisionServiceDatabase(adminUrl: string, service: ServiceName, password: string): Promise<string> {
  const schema = schemaOf(service);
  const role = `tutti_${schema}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const quotedPassword = client.escapeLiteral(password);
    // CREATE ROLE has no IF NOT EXISTS; the advisory lock keeps two provisioners of one database
    // from racing. Roles belong to the whole server, though, and advisory locks to one database:
    // provisioners of two databases (two test systems) can still collide, so that is retried. Each
    // attempt is one transaction with a transaction-level lock: it holds through PgBouncer in
    // transaction mode as well as directly (see databaseConnectionsOf).
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tutti:provision:${role}`]);
        const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        if (exists.rowCount === 0) await client.query(`CREATE ROLE "${role}" LOGIN PASSWORD ${quotedPassword}`);
        else await client.query(`ALTER ROLE "${role}" LOGIN PASSWORD ${quotedPassword}`);
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}" AUTHORIZATION "${role}"`);
        await client.query(`ALTER SCHEMA "${schema}" OWNER TO "${role}"`);
        // On the role, not only in the connection's startup options (serviceDataSourceOptions): PgBouncer drops those.
        await client.query(`ALTER ROLE "${role}" SET search_path = "${schema}"`);
        await client.query(`ALTER ROLE "${role}" SET jit = off`);
        await client.query(`REVOKE ALL ON SCHEMA public FROM "${role}"`);
        const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
        await client.query(`REVOKE ALL ON DATABASE "${database}" FROM PUBLIC`);
        await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
        await client.query('COMMIT');
        break;
      } catch (error: unknown) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (attempt >= 5 || !isConcurrentCatalogChange(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
      }
    }
    return withCredentials(adminUrl, role, password);
  } finally {
    await client.end();
  }
}

/** Another session created or changed the same role (or its settings) at the same moment. */
function isConcurrentCatalogChange(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '23505' || code === '42710' || (code === 'XX000' && /concurrently/.test(message ?? ''));
}

function withCredentials(adminUrl: string, user: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = user;
  url.password = password;
  return url.toString();
}
