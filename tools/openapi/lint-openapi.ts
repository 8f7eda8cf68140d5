/**
 * Lints an OpenAPI document with Redocly's recommended rules, as `redocly lint --extends
 * recommended` does. As a command it reads the document on stdin and prints the problems as JSON
 * (the spec runs it so, since Jest cannot load the ESM-only linter itself).
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn' | 'off';
  message: string;
  /** Where in the document, as a JSON pointer (`#/paths/~1api~1…/get/summary`). */
  pointer: string;
}

export async function lintOpenApi(document: string): Promise<LintProblem[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: document, absoluteRef: 'docs-json.json', config });
  return problems
    .filter((problem) => !problem.ignored)
    .map((problem) => ({
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      pointer: problem.location[0]?.pointer ?? '',
    }));
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  process.stdout.write(JSON.stringify(await lintOpenApi(Buffer.concat(chunks).toString('utf8'))));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
