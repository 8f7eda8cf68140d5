/**
 * Issue 16. The web app on a phone with a poor connection: Chromium (playwright-core) over the
 * DevTools protocol with "Slow 4G"-like network emulation (1.6 Mbit/s down, 750 kbit/s up, 150 ms
 * round trip) and the CPU slowed 4 ×, against the whole running system (tools/e2e/running-system.ts,
 * demo data, the built web app served by the gateway).
 *   1. parent — the demo guardian's first visit, cold cache: the sign-in page until its form is usable,
 *      then signing in through the page until the home page's list of children is rendered. Every
 *      JavaScript file of the visit is counted: bytes as transferred (the gateway serves them as they
 *      are) and as gzip would send them (each file gzipped here, level 6).
 *   2. tutor — the demo tutor's register page (/tutor/sessions/:occurrenceId), signed in, cache
 *      cleared: the page until its first register row is rendered.
 * Goals: parent ≤ 70 kB of JavaScript gzip and usable within 3 s; tutor's register within 2 s.
 *
 *   node -r ./tools/runtime/register.js bench/web-first-load.bench.ts
 *
 * BENCH_ROUNDS (3; the median round is judged). Builds the web app first, into .tutti/bench/web-dist;
 * BENCH_WEB_DIST=<dir> serves a build made beforehand instead (e.g. of an earlier commit, for a "before").
 * Starts throw-away PostgreSQL, Redis and MailDev under .tutti/e2e (or uses DATABASE_URL / REDIS_URL / SMTP_URL).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { ensureChromium } from '@tutti/local-infra';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@tutti/seeds';
import { startRunningSystem, type RunningSystem } from '@tutti/e2e';
import { REPO_ROOT } from './lib/children';
import { log, runBench } from './lib/system';
import { printTable, verdict } from './lib/table';

const roundCount = Number(process.env.BENCH_ROUNDS ?? 3);
const GOALS = { parentJsGzipKb: 70, parentUsableS: 3, tutorRegisterS: 2 };
/** Lighthouse's mobile profile: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT; CPU 4 × slower. */
const DOWN_MBIT = 1.6;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (DOWN_MBIT * 1e6) / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { width: 360, height: 740 };
/** The app as its sources are now, built for this run (the gateway serves it from here). */
const WEB_DIST_DIR = process.env.BENCH_WEB_DIST ?? join(REPO_ROOT, '.tutti', 'bench', 'web-dist');

async function buildWebApp(): Promise<void> {
  if (process.env.BENCH_WEB_DIST) return;
  rmSync(WEB_DIST_DIR, { recursive: true, force: true });
  const viteCli = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(REPO_ROOT, 'apps', 'web', 'vite.config.mts');
  await promisify(execFile)(
    process.execPath,
    [viteCli, 'build', '--config', config, '--outDir', WEB_DIST_DIR, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

const demo = (key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.area === 'liverpool' && candidate.key === key);
  if (!account) throw new Error(`no demo ${key} in liverpool`);
  return account;
};

interface ScriptLoad {
  url: string;
  transferred: number;
}

/** Throttles the page and records every script it fetches (bytes on the wire, as Chromium counts them). */
async function throttle(page: Page): Promise<{ cdp: CDPSession; scripts: ScriptLoad[] }> {
  const cdp = await page.context().newCDPSession(page);
  const scripts: ScriptLoad[] = [];
  const scriptUrls = new Map<string, string>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scriptUrls.set(event.requestId, event.response.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const url = scriptUrls.get(event.requestId);
    if (url) scripts.push({ url, transferred: event.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { cdp, scripts };
}

/** The gzip size of a built file the page fetched (its path under apps/web/dist). */
function gzipBytes(url: string): number {
  const path = new URL(url).pathname;
  return gzipSync(readFileSync(join(WEB_DIST_DIR, path))).length;
}

interface ParentRound {
  signInUsableMs: number;
  homeUsableMs: number;
  jsTransferred: number;
  jsGzip: number;
  files: number;
}

async function parentFirstVisit(browser: Browser, system: RunningSystem): Promise<ParentRound> {
  const guardian = demo('guardian');
  const context = await browser.newContext({ baseURL: system.baseUrl, viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const page = await context.newPage();
    const { scripts } = await throttle(page);
    let started = performance.now();
    await page.goto('/');
    await page.locator('input[name=email]').waitFor();
    await page.locator(`select[name=area] option[value="${guardian.area}"]`).waitFor({ state: 'attached' });
    const signInUsableMs = performance.now() - started;
    await page.locator('select[name=area]').selectOption(guardian.area);
    await page.locator('input[name=email]').fill(guardian.email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    started = performance.now();
    await page.locator('form button[type=submit]').click();
    // The children's list right under the page's heading (the home page's first list).
    await page.locator('main h1 + ul.cards > li').first().waitFor({ timeout: 60_000 });
    const homeUsableMs = performance.now() - started;
    return {
      signInUsableMs,
      homeUsableMs,
      jsTransferred: scripts.reduce((sum, script) => sum + script.transferred, 0),
      jsGzip: scripts.reduce((sum, script) => sum + gzipBytes(script.url), 0),
      files: scripts.length,
    };
  } finally {
    await context.close();
  }
}

async function tutorRegister(browser: Browser, system: RunningSystem): Promise<{ registerMs: number; jsTransferred: number }> {
  const tutor = demo('tutor');
  const token = await system.signIn(tutor.email);
  const sessions = (await (
    await fetch(`${system.baseUrl}/api/scheduling/me/occurrences?period=week`, {
      headers: { authorization: `Bearer ${token}`, 'x-tutti-role': 'tutor' },
    })
  ).json()) as { items: { id: string }[] };
  const occurrence = sessions.items[0];
  if (!occurrence) throw new Error('the demo tutor has no session this week');
  const context = await browser.newContext({ baseURL: system.baseUrl, viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const page = await context.newPage();
    // Signed in at full speed (as the tutor was before); the register page is then loaded cold, throttled.
    await page.goto('/');
    await page.locator('select[name=area]').selectOption(tutor.area);
    await page.locator('input[name=email]').fill(tutor.email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.locator('.app-header .who', { hasText: tutor.displayName }).waitFor();
    const { scripts } = await throttle(page);
    const started = performance.now();
    await page.goto(`/tutor/sessions/${occurrence.id}`);
    await page.locator('fieldset.register-row').first().waitFor({ timeout: 60_000 });
    return { registerMs: performance.now() - started, jsTransferred: scripts.reduce((sum, script) => sum + script.transferred, 0) };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => Math.round(bytes / 100) / 10;
const seconds = (ms: number) => Math.round(ms / 10) / 100;

async function main(): Promise<void> {
  log('building the web app');
  await buildWebApp();
  process.env.WEB_DIST_DIR = WEB_DIST_DIR;
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  try {
    log('starting the running system and Chromium');
    const executablePath = await ensureChromium(log);
    [system, browser] = await Promise.all([
      startRunningSystem({ log }),
      chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
      }),
    ]);
    const parents: ParentRound[] = [];
    const tutors: { registerMs: number; jsTransferred: number }[] = [];
    for (let round = 0; round < roundCount; round += 1) {
      log(`round ${round + 1} of ${roundCount}`);
      parents.push(await parentFirstVisit(browser, system));
      tutors.push(await tutorRegister(browser, system));
    }
    const parent = {
      signInUsableMs: median(parents.map((p) => p.signInUsableMs)),
      homeUsableMs: median(parents.map((p) => p.homeUsableMs)),
      jsTransferred: median(parents.map((p) => p.jsTransferred)),
      jsGzip: median(parents.map((p) => p.jsGzip)),
      files: median(parents.map((p) => p.files)),
    };
    const usableMs = parent.signInUsableMs + parent.homeUsableMs;
    const registerMs = median(tutors.map((t) => t.registerMs));
    console.log(
      `\nSlow 4G-like (${DOWN_MBIT} Mbit/s down, ${NETWORK.latency} ms RTT), CPU × ${CPU_SLOWDOWN}, 360 × 740; median of ${roundCount} round(s)\n`,
    );
    printTable(
      ['figure', 'value'],
      [
        ['parent: sign-in page usable (cold)', `${seconds(parent.signInUsableMs)} s`],
        ['parent: sign in → children listed', `${seconds(parent.homeUsableMs)} s`],
        ['parent: first visit usable (sum)', `${seconds(usableMs)} s`],
        ['parent: JavaScript files', String(parent.files)],
        ['parent: JavaScript transferred', `${kb(parent.jsTransferred)} kB`],
        ['parent: JavaScript gzip', `${kb(parent.jsGzip)} kB`],
        ['tutor: register page usable (cold)', `${seconds(registerMs)} s`],
        ['tutor: JavaScript transferred', `${kb(median(tutors.map((t) => t.jsTransferred)))} kB`],
      ],
    );
    console.log('');
    console.log(`parent JavaScript gzip kB: ${verdict(kb(parent.jsGzip), GOALS.parentJsGzipKb, '≤')}`);
    console.log(`parent first visit usable s: ${verdict(seconds(usableMs), GOALS.parentUsableS, '≤')}`);
    console.log(`tutor register usable s: ${verdict(seconds(registerMs), GOALS.tutorRegisterS, '≤')}`);
    console.log(
      JSON.stringify({
        bench: 'web-first-load',
        rounds: roundCount,
        parent: { ...parent, usableMs },
        tutor: { registerMs },
        perRound: { parents, tutors },
      }),
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await system?.stop();
  }
}

runBench('web-first-load', main);
