/**
 * End to end (issue 19): a subject access export and an erasure across the whole running system,
 * driven over HTTP through the gateway. The gateway opens the request; scheduling, instrument-loan,
 * performance-event and parent-engagement each answer it from the event backbone; the gateway
 * collects the five parts. Nothing here stands in for a service: a service without its handler
 * leaves the request waiting, and the spec fails naming the parts still missing.
 */
import { Client } from 'pg';
import { SERVICE_NAMES, schemaOf } from '@tutti/contracts';
import { DEMO_ACCOUNTS, seedId } from '@tutti/seeds';
import { waitFor, zipEntries } from '@tutti/testing';
import { apiOf, expectStatus, type Api } from './http';
import { startRunningSystem, type RunningSystem } from './running-system';

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

interface DataRequest {
  id: string;
  state: 'collecting' | 'done';
  pseudonym: string | null;
  progress: { received: number; of: number; missing: string[] };
  parts: {
    service: string;
    records: Record<string, number>;
    actions: { what: string; rows: number; action: string; reason: string | null }[];
  }[];
}

let system: RunningSystem;
let api: Api;

beforeAll(async () => {
  system = await startRunningSystem({ log: process.env.TUTTI_E2E_VERBOSE ? say : undefined });
  api = apiOf(system.baseUrl);
}, 240_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

const guardians = DEMO_ACCOUNTS.filter((account) => account.key === 'guardian' && account.children.length > 0);
const childOf = (guardian: (typeof guardians)[number]) => {
  const child = guardian.children[0];
  return { ...child, pupilId: seedId(`pupil:${guardian.area}:${child.pupilNumber}`) };
};
const adminOf = (area: string) => {
  const admin = DEMO_ACCOUNTS.find((account) => account.area === area && account.key === 'programme_admin');
  if (!admin) throw new Error(`no demo admin in ${area}`);
  return admin;
};

async function untilDone(token: string, id: string, timeoutMs: number): Promise<DataRequest> {
  let last: DataRequest | undefined;
  try {
    await waitFor(
      async () => {
        last = expectStatus(await api<DataRequest>('GET', `/identity/data-requests/${id}`, { token }), 200);
        return last.state === 'done';
      },
      { timeoutMs, intervalMs: 250, description: `data request ${id} to be answered by every service` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; still missing: ${last?.progress.missing.join(', ') ?? '?'}`);
  }
  return last as DataRequest;
}

describe('a subject access export across every service', () => {
  it('gives a guardian everything every service holds about their child, as a ZIP of JSON and a PDF, within a minute', async () => {
    const guardian = guardians[0];
    const child = childOf(guardian);
    const token = await system.signIn(guardian.email);
    const started = Date.now();
    const opened = expectStatus(
      await api<DataRequest>('POST', '/identity/data-requests', {
        token,
        body: { kind: 'export', subjectType: 'pupil', subjectId: child.pupilId },
      }),
      201,
    );
    const done = await untilDone(token, opened.id, 60_000);
    say(`export of ${child.firstName} complete in ${Date.now() - started} ms`);
    expect(done.progress).toMatchObject({ received: 5, of: 5, missing: [] });

    const zip = await fetch(`${system.baseUrl}/identity/data-requests/${opened.id}/export.zip`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(zip.status).toBe(200);
    const files = zipEntries(Buffer.from(await zip.arrayBuffer()));
    for (const service of SERVICE_NAMES) expect(Object.keys(files)).toContain(`${service}.json`);
    const scheduling = JSON.parse(files['scheduling.json']) as { records: Record<string, unknown[]> };
    expect(JSON.stringify(scheduling.records)).toContain(child.lastName);
    // Every service that holds something about a demo child answers with it (the demo gives each child a family and consents).
    const engagement = JSON.parse(files['parent-engagement.json']) as { records: Record<string, unknown[]> };
    expect(Object.values(engagement.records).some((records) => records.length > 0)).toBe(true);

    const pdf = await fetch(`${system.baseUrl}/identity/data-requests/${opened.id}/summary.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  }, 120_000);
});

describe('an erasure while a service is down', () => {
  it('is answered by the stopped service once it starts again, and no schema of any service still holds the child’s name', async () => {
    const guardian = guardians.find((candidate) => candidate.area !== guardians[0].area) ?? guardians[1];
    const child = childOf(guardian);
    const adminToken = await system.signIn(adminOf(guardian.area).email);

    // The search finds the child where the name is before the erasure (so that an empty answer after it means something).
    expect(await tablesHolding(system.adminDatabaseUrl, guardian.area, child.firstName, child.lastName)).toEqual(
      expect.arrayContaining(['scheduling.pupils (1)', 'instrument_loan.pupils (1)']),
    );

    await system.stopService('instrument-loan');
    const opened = expectStatus(
      await api<DataRequest>('POST', '/identity/data-requests', {
        token: adminToken,
        body: { kind: 'erasure', subjectType: 'pupil', subjectId: child.pupilId },
      }),
      201,
    );
    expect(opened.pseudonym).toMatch(/^Pupil [0-9A-F]{4}$/);
    await waitFor(
      async () =>
        expectStatus(await api<DataRequest>('GET', `/identity/data-requests/${opened.id}`, { token: adminToken }), 200).progress.received >=
        4,
      { timeoutMs: 60_000, intervalMs: 250, description: 'the running services to answer' },
    );
    const meanwhile = expectStatus(await api<DataRequest>('GET', `/identity/data-requests/${opened.id}`, { token: adminToken }), 200);
    expect(meanwhile).toMatchObject({ state: 'collecting', progress: { missing: ['instrument-loan'] } });

    await system.startService('instrument-loan');
    const done = await untilDone(adminToken, opened.id, 60_000);
    expect(done.progress.missing).toEqual([]);
    for (const part of done.parts)
      for (const action of part.actions.filter((candidate) => candidate.action === 'kept')) expect(action.reason).toBeTruthy();

    say(`erasing ${child.firstName} ${child.lastName} (${guardian.area}) as ${opened.pseudonym}`);
    const found = await tablesHolding(system.adminDatabaseUrl, guardian.area, child.firstName, child.lastName);
    expect(found).toEqual([]);
  }, 180_000);
});

/**
 * Every table of every service's schema with a row of the area holding both of the child's names as whole words (in
 * any column, JSON included, any case): a surname alone is shared by the family and by other children.
 */
async function tablesHolding(databaseUrl: string, area: string, firstName: string, lastName: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The demo gives each area the same families' names: only the area's own rows (each carries its tenant id) count.
    const [tenant] = (await client.query<{ id: string }>('SELECT id FROM gateway.tenants WHERE slug = $1', [area])).rows;
    const tables = await client.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [SERVICE_NAMES.map(schemaOf)],
    );
    const found: string[] = [];
    for (const { table_schema: schema, table_name: table } of tables.rows) {
      const hits = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}"."${table}" t WHERE t::text ~* $1 AND t::text ~* $2 AND strpos(t::text, $3) > 0`,
        [wholeWord(firstName), wholeWord(lastName), tenant.id],
      );
      if (hits.rows[0].n > 0) found.push(`${schema}.${table} (${hits.rows[0].n})`);
    }
    return found;
  } finally {
    await client.end();
  }
}

/**
 * A regular expression for the name as a whole word. Not \\m…\\M: under the test cluster's C locale
 * PostgreSQL does not count Ł or é as letters, so "Łucja" would never match; letters are spelled out
 * (ASCII and Latin-1 to Latin Extended-B, the families' languages' names).
 */
function wholeWord(name: string): string {
  const letter = 'A-Za-z\u00C0-\u024F';
  return `(^|[^${letter}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^${letter}]|$)`;
}
