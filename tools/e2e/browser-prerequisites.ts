/**
 * What the web app's browser specs need on the machine: Chromium with a TrueType font (installed
 * when missing, where it can be) and an up-to-date build of the web app. The test set-up prepares
 * them once per run; when it cannot, it says why here and every browser spec file fails with that
 * one line instead of a stack trace per test.
 */
import { ensureChromium } from '@tutti/local-infra';
import { ensureWebBuilt } from './web-build';

const UNAVAILABLE = 'TUTTI_BROWSER_SPECS_UNAVAILABLE';

/** Run by the Jest global set-up; its environment (CHROMIUM_PATH, or why not) reaches every worker. */
export async function prepareBrowserSpecs(log: (line: string) => void): Promise<void> {
  const [chromium, web] = await Promise.allSettled([ensureChromium(log), ensureWebBuilt(log)]);
  if (chromium.status === 'fulfilled') process.env.CHROMIUM_PATH = chromium.value;
  const problems = [chromium, web].flatMap((result) =>
    result.status === 'rejected' ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : [],
  );
  if (problems.length === 0) return;
  process.env[UNAVAILABLE] = problems.join('; ');
  log(`the browser specs will fail: ${problems.join('; ')}`);
}

/** Why the browser specs cannot run in this test run, if they cannot. */
export function browserSpecsUnavailable(): string | undefined {
  return process.env[UNAVAILABLE] || undefined;
}
