/**
 * What the web app's browser specs share: the built app, Debian's Chromium driven by
 * playwright-core, signing in through the sign-in page, axe-core on every page, screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { apiOf, browserSpecsUnavailable, startRunningSystem, WEB_DIST_DIR, type Api, type RunningSystem } from '@tutti/e2e';
import { callersOf, type Callers } from './api';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCREENSHOT_DIR = join(ROOT, '.tutti', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Chromium as the test set-up found or installed it (CHROMIUM_PATH). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export async function newPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
  return { context, page };
}

/** Signs in through the page, as a person would; answers once the signed-in header shows. */
export async function signInThroughPage(
  page: Page,
  account: { area: string; email: string; password: string; displayName: string },
): Promise<void> {
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
  await page
    .locator('[role=status]', { hasText: /Loading|Ładowanie/ })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy (no inline scripts) stays as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Every spec's page check: axe-core finds no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Nothing reaches past the screen's right edge (wide tables scroll in their own box). */
export async function expectFitsPhone(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen + 1);
}

type Viewport = { width: number; height: number };

export interface BrowserSuite extends Callers {
  /** The running system (demo data), once the file's first beforeAll has run. */
  readonly system: RunningSystem;
  /** The gateway's API, as the harness calls it. */
  readonly api: Api;
  readonly browser: Browser;
  /** Milliseconds per named step, printed after the file's tests. */
  readonly timings: Record<string, number>;
  /** A fresh browser context (no cookies, no storage) and its page; closed after the file's tests. */
  open(viewport?: Viewport): Promise<Page>;
  /** A test body that records how long it took under `name`. */
  timed(name: string, fn: () => Promise<void>): () => Promise<void>;
}

/** Stands for a value made in beforeAll: reads and calls go to it once it exists. */
function madeLater<T extends object>(what: string, current: () => T | undefined): T {
  const value = (): T => {
    const made = current();
    if (!made) throw new Error(`${what} is used before the suite's beforeAll has run`);
    return made;
  };
  return new Proxy((() => undefined) as unknown as T, {
    get: (_target, property) => {
      const made = value();
      const member: unknown = Reflect.get(made, property, made);
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(made) : member;
    },
    apply: (_target, thisArg, args) => Reflect.apply(value() as unknown as (...args: unknown[]) => unknown, thisArg, args),
  });
}

/**
 * The whole system started the way `npm start` starts it, serving the built web app, and Debian's
 * Chromium: started before the spec file's tests (its first beforeAll) and stopped after them.
 */
export function browserSuite(label: string): BrowserSuite {
  const unavailable = browserSpecsUnavailable();
  if (unavailable) {
    // Thrown while Jest collects the file: "Test suite failed to run" with this one line, not one failure per test.
    const error = new Error(`${label}: ${unavailable}`);
    error.stack = error.message;
    throw error;
  }
  let system: RunningSystem | undefined;
  let api: Api | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = Date.now();
    // The gateway serves the app the test set-up built (its process inherits this environment).
    process.env.WEB_DIST_DIR = WEB_DIST_DIR;
    [system, browser] = await Promise.all([startRunningSystem(), launchChromium()]);
    api = apiOf(system.baseUrl);
    timings.setUp = Date.now() - started;
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.stop();
    process.stdout.write(`[${label}] timings (ms): ${JSON.stringify(timings)}\n`);
  }, 60_000);

  const suite = { system: madeLater('system', () => system), api: madeLater('api', () => api) };
  return {
    ...suite,
    ...callersOf(suite.system, suite.api),
    browser: madeLater('browser', () => browser),
    timings,
    async open(viewport = DESKTOP) {
      if (!browser || !system) throw new Error("open() is used before the suite's beforeAll has run");
      const { context, page } = await newPage(browser, system.baseUrl, viewport);
      contexts.push(context);
      return page;
    },
    timed: (name, fn) => async () => {
      const started = Date.now();
      await fn();
      timings[name] = Date.now() - started;
    },
  };
}
