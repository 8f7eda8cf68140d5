/**
 * Every page of every role on a 360 × 740 phone, against the whole running system (demo data):
 * the page settles (no loading line left, no error), nothing is wider than the screen (wide tables
 * scroll inside their own box, the page never scrolls sideways), and axe-core finds no serious or
 * critical violation. The widest page of each role is saved as a screenshot.
 */
import type { Page } from 'playwright-core';
import { demoAccount } from './testing/api';
import { browserSuite, PHONE, screenshot, seriousViolations, signInThroughPage } from './testing/browser';

const ROLES = ['guardian', 'tutor', 'school_staff', 'headteacher', 'programme_admin', 'evaluator'] as const;
const say = (line: string) => process.stdout.write(`[phone width e2e] ${line}\n`);

const { system, open } = browserSuite('phone width e2e');

/** Elements reaching past the right edge of the screen, outside any box that scrolls sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    const offenders: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || scrollsSideways(element)) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
      offenders.push(`${name} (right edge ${Math.round(box.right)} px): ${(element.textContent ?? '').trim().slice(0, 60)}`);
    }
    if (document.documentElement.scrollWidth > width + 1) offenders.unshift(`the page is ${document.documentElement.scrollWidth} px wide`);
    return offenders.slice(0, 8);
  });
}

/** Waits until the page has its heading and no loading line is left. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('main [role=status]')).some((node) => /Loading|Ładowanie/.test(node.textContent ?? '')),
    undefined,
    { timeout: 15_000 },
  );
}

describe('every page at 360 px', () => {
  for (const role of ROLES) {
    it(`${role}: no page wider than the phone, none with a serious accessibility problem`, async () => {
      const account = demoAccount(role);
      const page = await open(PHONE);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signInThroughPage(page, account);
      await settled(page);
      const paths = [
        page.url().replace(system.baseUrl, ''),
        ...(await page.locator('nav.tabs a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))),
      ];
      const visited = [...new Set(paths.filter(Boolean))];
      let widest = { path: visited[0], height: 0 };
      for (const path of visited) {
        await page.goto(path);
        await settled(page);
        expect({ path, overflowing: await overflowing(page) }).toEqual({ path, overflowing: [] });
        expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
        expect(await page.locator('main .notice-error').count()).toBe(0);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height > widest.height) widest = { path, height };
      }
      expect(pageErrors).toEqual([]);
      say(`${role}: ${visited.join(', ')}`);
      await page.goto(widest.path);
      await settled(page);
      await screenshot(page, `web-phone-${role}`);
    }, 90_000);
  }
});
