/**
 * What the web app's browser specs share: the built app, Debian's Chromium driven by
 * playwright-core, signing in through the sign-in page, axe-core on every page, screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
export const WEB_DIST_DIR = join(ROOT, 'apps', 'web', 'dist');
const SCREENSHOT_DIR = join(ROOT, '.tutti', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Builds the app unless a build is there already (vite 8 is ESM-only, so its CLI runs it outside Jest). */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) return;
  const viteCli = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [viteCli, 'build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], { cwd: ROOT, stdio: 'pipe' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export async function newPage(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return { context, page };
}

/** Signs in through the page, as a person would; answers once the signed-in header shows. */
export async function signInThroughPage(page: Page, account: { area: string; email: string; password: string; displayName: string }): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  await page.locator('select[name=area]').selectOption(account.area);
  await page.locator('input[name=email]').fill(account.email);
  await page.locator('input[name=password]').fill(account.password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.app-header .who', { hasText: account.displayName }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now; answers the serious and critical violations (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.locator('[role=status]', { hasText: /Loading|Ładowanie/ }).first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy (no inline scripts) stays as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
