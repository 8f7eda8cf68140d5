/**
 * `npm run api:generate`: the web app's API types (apps/web/src/api/schema.d.ts) from the gateway's
 * merged /docs-json, so that a changed route breaks the type-check of the page that calls it.
 *
 *   npm run api:generate                                     a throw-away system is started for it
 *   npm run api:generate -- --from http://localhost:3000     a gateway already running
 *   … generate-api-client.ts --stdin                         the document on stdin, the file's text on stdout
 *
 * tools/e2e/openapi-document.spec.ts regenerates it (with --stdin: openapi-typescript needs
 * Redocly's ESM-only core, which Jest does not load) and fails when the checked-in file differs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { startRunningSystem } from '../e2e/running-system';

export const API_SCHEMA_FILE = join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * The Tutti API as the gateway's merged /docs-json describes it. Generated: do not edit; run
 * \`npm run api:generate\` after changing a route (CI fails while this file is out of date).
 */

`;

/** The TypeScript text of schema.d.ts for a merged document (openapi-typescript's paths, components and operations). */
export async function apiSchemaSource(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}

export async function fetchMergedDocument(gatewayUrl: string): Promise<object> {
  const response = await fetch(new URL('/docs-json', gatewayUrl));
  if (response.status !== 200) throw new Error(`${gatewayUrl}/docs-json answered ${response.status}`);
  const document = (await response.json()) as { 'x-unavailable-services'?: string[] };
  const unavailable = document['x-unavailable-services'] ?? [];
  if (unavailable.length > 0)
    throw new Error(`the document lacks ${unavailable.join(', ')} (not answering): wait until every service is up`);
  return document;
}

async function main(): Promise<void> {
  const fromIndex = process.argv.indexOf('--from');
  const from = fromIndex > 0 ? process.argv[fromIndex + 1] : undefined;
  if (process.argv.includes('--stdin')) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    process.stdout.write(await apiSchemaSource(JSON.parse(Buffer.concat(chunks).toString('utf8')) as object));
    return;
  }
  let document: object;
  if (from) {
    document = await fetchMergedDocument(from);
  } else {
    process.stdout.write('starting a throw-away system for its /docs-json …\n');
    const system = await startRunningSystem();
    try {
      document = await fetchMergedDocument(system.baseUrl);
    } finally {
      await system.stop();
    }
  }
  writeFileSync(API_SCHEMA_FILE, await apiSchemaSource(document));
  process.stdout.write(`wrote ${API_SCHEMA_FILE}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
