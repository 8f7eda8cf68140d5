/**
 * The e2e system's database: every service's schema migrated and the demo data loaded. Building one
 * (migrating five services, loading the demo areas) takes tens of seconds; copying a finished one
 * (`CREATE DATABASE … TEMPLATE`, which copies files) takes about one. So the first spec file on a
 * PostgreSQL server builds a template, `tutti_e2e_template_<key>`, and every spec file clones it
 * into a database of its own: specs change the demo data, so none shares another's copy.
 *
 * The key is a hash of what shapes the template: the sources the migrate commands, the demo loader
 * and the provisioning import (followed from their entry points), the seeds' data files and the
 * lock file, and the hour the demo data was loaded in (the demo calendar is relative to "now": an
 * edited migration or seed, or the next hour, builds a new template; older ones are dropped).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { schemaOf, type ServiceName } from '@tutti/contracts';
import { provisionServiceDatabase } from '@tutti/platform';
import { loadDemoData } from '@tutti/seeds';
import { migrateAll, type ServiceDatabaseUrls } from '../system/databases';
import { SERVICE_NAMES, entryPoint } from '../system/services';

type Log = (line: string) => void;

const ROOT = join(__dirname, '..', '..');
const TEMPLATE_PREFIX = 'tutti_e2e_template_';
/** One lock for every template on the server (building, dropping and cloning), taken in the server URL's database. */
const TEMPLATE_LOCK = 'tutti:e2e:demo-template';

/** The e2e database roles' password: the one the integration specs' helpers give the same cluster-wide roles. */
export const e2eRolePassword = (service: ServiceName) => `test-${schemaOf(service)}`;

export interface DemoDatabase {
  /** The database as the server URL's user (every service's schema). */
  adminUrl: string;
  /** Each service's own role on it. */
  databaseUrls: ServiceDatabaseUrls;
  /** How the database came about, e.g. "cloned in 0.8 s, provisioned in 0.3 s", the template's build first when this call built it. */
  summary: string;
}

/**
 * Creates database `name` on the server (`serverUrl` as a superuser) holding the migrated schemas
 * and the demo data, cloned from the server's current template (built first when there is none).
 */
export async function createDemoDatabase(serverUrl: string, name: string, log: Log): Promise<DemoDatabase> {
  const key = demoTemplateKey();
  const template = `${TEMPLATE_PREFIX}${key}`;
  let built = '';
  const client = await connect(serverUrl);
  try {
    // Session-level: held across the build's own connections; released when this client ends, also on a crash.
    const waiting = Date.now();
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [TEMPLATE_LOCK]);
    const waited = Date.now() - waiting;
    if (waited >= 1_000) log(`demo database: waited ${seconds(waited)} for another spec file's template`);
    if (!(await databaseExists(client, template))) {
      built = await buildTemplate(client, serverUrl, template, log);
      await dropOtherTemplates(client, template, log);
    }
    const templateBuild = built ? '' : await buildSummaryOf(client, template);
    const cloning = Date.now();
    // Nobody can connect to the template (ALLOW_CONNECTIONS false), so no session blocks the copy.
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    const cloned = Date.now() - cloning;
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [TEMPLATE_LOCK]);
    const adminUrl = databaseUrl(serverUrl, name);
    // Database-level privileges (CONNECT for each service's role) are not copied with a database.
    const provisioning = Date.now();
    const databaseUrls = await provisionAll(adminUrl);
    const summary =
      (built ? `template built ${built}, then ` : '') +
      `cloned in ${seconds(cloned)}, provisioned in ${seconds(Date.now() - provisioning)}` +
      (templateBuild ? ` (the template was built earlier ${templateBuild})` : '');
    log(`demo database: ${name} from ${template}: ${summary}`);
    return { adminUrl, databaseUrls, summary };
  } finally {
    await client.end();
  }
}

/** Builds the template under a temporary name (a build that dies half-way is never taken for a template) and renames it. */
async function buildTemplate(client: Client, serverUrl: string, template: string, log: Log): Promise<string> {
  const building = `${template}_building`;
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
  try {
    const started = Date.now();
    const urls = await provisionAll(databaseUrl(serverUrl, building));
    const provisioned = Date.now();
    await migrateAll(urls, log);
    const migrated = Date.now();
    await loadDemoData(urls, log);
    const loaded = Date.now();
    // Every connection of the build has ended; RENAME and the clones wait (up to 5 s) for their backends to go.
    await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
    await client.query(`ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`);
    const summary = `in ${seconds(loaded - started)} (provision ${seconds(provisioned - started)}, migrate ${seconds(migrated - provisioned)}, demo data loaded in ${seconds(loaded - migrated)})`;
    // Kept with the template, so that a spec file cloning it can still say how long the build took.
    await client.query(`COMMENT ON DATABASE ${quoteIdent(template)} IS ${client.escapeLiteral(summary)}`);
    log(`demo database: built ${template} ${summary}`);
    return summary;
  } catch (error) {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`).catch(() => undefined);
    throw error;
  }
}

/**
 * Templates of other keys (older sources, an earlier hour) are no longer cloned by this checkout;
 * without FORCE, so one being copied right now (by a run of another checkout) stays. A `_building`
 * database seen under the lock is what a build that died left behind.
 */
async function dropOtherTemplates(client: Client, current: string, log: Log): Promise<void> {
  const others = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2`,
    [TEMPLATE_PREFIX, current],
  );
  for (const { datname } of others.rows) {
    const force = datname.endsWith('_building') ? ' WITH (FORCE)' : '';
    try {
      await client.query(`DROP DATABASE ${quoteIdent(datname)}${force}`);
      log(`demo database: dropped the outdated ${datname}`);
    } catch (error) {
      log(`demo database: kept ${datname} (${String(error)})`);
    }
  }
}

/** How the template was built, as its builder recorded it (empty for a template of an older builder). */
async function buildSummaryOf(client: Client, template: string): Promise<string> {
  const found = await client.query<{ summary: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS summary FROM pg_database WHERE datname = $1`,
    [template],
  );
  return found.rows[0]?.summary ?? '';
}

async function provisionAll(adminUrl: string): Promise<ServiceDatabaseUrls> {
  const urls = {} as ServiceDatabaseUrls;
  for (const service of SERVICE_NAMES) urls[service] = await provisionServiceDatabase(adminUrl, service, e2eRolePassword(service));
  return urls;
}

/**
 * What shapes the template, hashed: every source file the migrate commands, the demo loader, the
 * provisioning and this builder reach through their imports (relative and `@tutti/…`), the seeds'
 * data files, the lock file (library versions), and the current hour in UTC.
 */
export function demoTemplateKey(now: Date = new Date()): string {
  const entries = [
    ...SERVICE_NAMES.map((service) => join(ROOT, entryPoint(service, 'migrate'))),
    join(ROOT, 'seeds', 'src', 'index.ts'),
    join(ROOT, 'libs', 'platform', 'src', 'database', 'provision.ts'),
    __filename,
  ];
  const files = new Set([...sourceClosure(entries), ...filesUnder(join(ROOT, 'seeds', 'data')), join(ROOT, 'package-lock.json')]);
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)').update('\0');
  }
  hash.update(now.toISOString().slice(0, 13));
  return hash.digest('hex').slice(0, 16);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function sourceClosure(entries: string[]): Set<string> {
  const aliases = aliasTargets();
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1];
      const target = specifier.startsWith('.') ? resolveSource(resolve(dirname(file), specifier)) : aliases.get(specifier);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  return seen;
}

function aliasTargets(): Map<string, string> {
  const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return new Map(Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => [alias, join(ROOT, target)]));
}

function resolveSource(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

async function databaseExists(client: Client, name: string): Promise<boolean> {
  return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
