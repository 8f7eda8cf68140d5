/**
 * End to end: the gateway's merged /docs-json, as a running system serves it, is a document a
 * client can trust (Redocly's recommended rules, no error) and is the one the web app's API types
 * (apps/web/src/api/schema.d.ts) were generated from, so that a changed route fails CI until
 * `npm run api:generate` is run and the pages that call it type-check again.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintProblem } from '../openapi/lint-openapi';
import { startRunningSystem, type RunningSystem } from './running-system';

const ROOT = join(__dirname, '..', '..');
const API_SCHEMA_FILE = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');

let system: RunningSystem;
let documentText: string;

beforeAll(async () => {
  system = await startRunningSystem({
    log: process.env.TUTTI_E2E_VERBOSE ? (line) => void process.stdout.write(`[openapi] ${line}\n`) : undefined,
  });
  const response = await fetch(`${system.baseUrl}/docs-json`);
  expect(response.status).toBe(200);
  documentText = await response.text();
  expect((JSON.parse(documentText) as { 'x-unavailable-services': string[] })['x-unavailable-services']).toEqual([]);
}, 300_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

it('passes Redocly’s recommended rules with no error', async () => {
  const problems = JSON.parse(await runTool('lint-openapi.ts', [], documentText)) as LintProblem[];
  const warnings = problems.filter((problem) => problem.severity === 'warn');
  process.stdout.write(`[openapi] ${warnings.length} warnings: ${countBy(warnings.map((problem) => problem.ruleId))}\n`);
  expect(
    problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId} at ${problem.pointer}: ${problem.message}`),
  ).toEqual([]);
}, 120_000);

it('is the document apps/web/src/api/schema.d.ts was generated from', async () => {
  const generated = await runTool('generate-api-client.ts', ['--stdin'], documentText);
  const checkedIn = readFileSync(API_SCHEMA_FILE, 'utf8');
  if (generated !== checkedIn) {
    const [ours, theirs] = [generated.split('\n'), checkedIn.split('\n')];
    const line = ours.findIndex((text, i) => text !== theirs[i]);
    throw new Error(
      `apps/web/src/api/schema.d.ts is out of date with the API: run \`npm run api:generate\` and commit it.\n` +
        `First difference at line ${line + 1}:\n  generated:  ${ours[line] ?? '(end)'}\n  checked in: ${theirs[line] ?? '(end)'}`,
    );
  }
}, 60_000);

it('types every property of every schema (none left for a client to read as Record<string, never>)', () => {
  const document = JSON.parse(documentText) as { components: { schemas: Record<string, { properties?: Record<string, object> }> } };
  const TYPED = ['type', '$ref', 'allOf', 'oneOf', 'anyOf', 'enum', 'properties', 'additionalProperties'];
  const untyped = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
    Object.entries(schema.properties ?? {})
      .filter(([, property]) => {
        const typed = TYPED.filter((key) => key in property);
        // An object with neither properties nor additionalProperties, nor a schema it is made of (a nullable
        // reference comes as type object with allOf), says nothing of what it holds.
        const emptyObject =
          'type' in property &&
          property.type === 'object' &&
          !['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'].some((key) => key in property);
        return typed.length === 0 || emptyObject;
      })
      .map(([property]) => `${name}.${property}`),
  );
  expect(untyped).toEqual([]);
});

/**
 * Runs a tools/openapi command with the document on stdin and answers its stdout: Redocly's core,
 * which the linter and openapi-typescript use, is ESM only, which Jest does not load.
 */
function runTool(script: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'tools', 'runtime', 'register.js'), join(ROOT, 'tools', 'openapi', script), ...args],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`${script} exited with ${code}: ${err}`)),
    );
    child.stdin.end(input);
  });
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ${count}`).join(', ') || 'none';
}
