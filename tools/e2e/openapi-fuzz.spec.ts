/**
 * End to end: every operation of the gateway's merged OpenAPI document, fuzzed with the input a
 * careless or hostile client sends (deep JSON, NUL, lone surrogates, wrong types, unknown fields,
 * empty bodies, huge strings and numbers, impossible dates, garbage cursors and ids), as a demo
 * account the route lets in. A new route is covered by being in the document. It changes data, so
 * it runs on a throw-away system of its own.
 */
import { DEMO_ACCOUNTS } from '@tutti/seeds';
import { fuzzOpenApi, type FuzzCaller, type OpenApiDocument } from './openapi-fuzz';
import { startRunningSystem, type RunningSystem } from './running-system';

const say = (line: string) => process.stdout.write(`[fuzz] ${line}\n`);
/** Tried in this order for each operation; the first not refused (401/403) is the caller. */
const ROLES = ['programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian', 'evaluator'] as const;

let system: RunningSystem;

beforeAll(async () => {
  // The services' warnings (a refused insert's SQL, for one) are the expected noise of this spec: shown only when asked for.
  system = await startRunningSystem({ log: process.env.TUTTI_E2E_VERBOSE ? say : () => undefined });
}, 150_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

it('answers no input a client can send with a 5xx, every 4xx as problem+json and every 400 naming a field', async () => {
  const document = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as OpenApiDocument;
  const callers: FuzzCaller[] = ROLES.map((role) => {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === 'liverpool' && candidate.key === role);
    if (!account) throw new Error(`no demo ${role} in liverpool`);
    return { role, signIn: () => system.signIn(account.email) };
  });

  const report = await fuzzOpenApi({ baseUrl: system.baseUrl, document, callers, alsoAs: ['guardian'], log: say });

  say(`operations ${report.operations}, requests ${report.requests}, ${(report.ms / 1000).toFixed(1)} s`);
  say(
    `statuses ${Object.entries(report.statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ')}`,
  );
  say(
    `callers ${Object.entries(report.callers)
      .map(([role, count]) => `${role}: ${count}`)
      .join(', ')}`,
  );
  say(
    `also fuzzed as ${
      Object.entries(report.alsoFuzzedAs)
        .map(([role, count]) => `${role}: ${count}`)
        .join(', ') || 'nobody'
    }`,
  );
  say(`refused to every demo role: ${report.refusedEveryone.join(', ') || 'none'}`);
  expect(report.operations).toBeGreaterThan(150);
  expect(
    report.findings.map((finding) => `${finding.operation} [${finding.case}] → ${finding.status}: ${finding.problem} ${finding.body}`),
  ).toEqual([]);
}, 300_000);
