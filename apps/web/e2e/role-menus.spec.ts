/**
 * Each role's menu offers only pages that role can open, against the whole running system: for every
 * demo role, sign in as that person, read the menu's links, check they are the links routes.tsx's NAV
 * gives the role and that routes.tsx lets the role open each (PAGES' roles), then open each link and
 * check the page is neither "not found" nor an error the API gave (a 403/404 for a role the page's
 * calls refuse).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from './testing/api';
import { browserSuite, DESKTOP, signInThroughPage } from './testing/browser';

const SRC = join(__dirname, '..', 'src');
const ROLES = ['programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian', 'evaluator'] as const;
type Role = (typeof ROLES)[number];

/** routes.tsx read as text (it loads pages through the bundler, so a spec cannot import it): each page's pattern and roles, each role's menu. */
function routesSource(): { pages: { pattern: string; roles: string[] }[]; nav: Record<Role, string[]> } {
  const source = readFileSync(join(SRC, 'routes.tsx'), 'utf8');
  const pages = [...source.matchAll(/\{ pattern: '([^']+)', roles: \[([^\]]*)\]/g)].map((match) => ({
    pattern: match[1],
    roles: [...match[2].matchAll(/'([^']+)'/g)].map((role) => role[1]),
  }));
  const linksIn = (text: string) => [...text.matchAll(/to: '([^']+)'/g)].map((match) => match[1]);
  const tutorTabs = linksIn(/const TUTOR_TABS[^=]*= \[([\s\S]*?)\];/.exec(source)?.[1] ?? '');
  const navBody = /export const NAV[^=]*= \{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
  const nav = {} as Record<Role, string[]>;
  let current: Role | null = null;
  for (const line of navBody.split('\n')) {
    const role = /^ {2}(\w+): /.exec(line)?.[1] as Role | undefined;
    if (role) {
      current = role;
      nav[role] = [];
    }
    if (!current) continue;
    if (line.includes('...TUTOR_TABS') || /: TUTOR_TABS,/.test(line)) nav[current].push(...tutorTabs);
    nav[current].push(...linksIn(line));
  }
  return { pages, nav };
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('/');
  return want.length === have.length && want.every((part, index) => part.startsWith(':') || part === have[index]);
}

const catalogue = (file: string) => JSON.parse(readFileSync(join(SRC, 'i18n', file), 'utf8')) as Record<string, { message: string }>;
const NOT_FOUND = ['messages/en.json', 'messages/pl.json', 'messages/ar.json'].map((file) => catalogue(file).notFound.message);

const { open } = browserSuite('web e2e role menus');
const { pages, nav } = routesSource();

describe('each role’s menu', () => {
  it('routes.tsx gives every role a menu whose every link is a page that role may open', () => {
    for (const role of ROLES) {
      expect(nav[role]?.length ?? 0).toBeGreaterThan(0);
      const refused = nav[role].filter((link) => !pages.some((page) => matches(page.pattern, link) && page.roles.includes(role)));
      expect({ role, refused }).toEqual({ role, refused: [] });
    }
  });

  it.each(ROLES)(
    'as %s: the menu shows routes.tsx’s links, and each opens a page (not “not found”, no error from the API)',
    async (role) => {
      const account = demoAccount(role);
      const page = await open(DESKTOP);
      await signInThroughPage(page, account);
      const want = nav[role];
      // A menu of one entry is not drawn: the home page is the only page.
      const shown =
        want.length > 1
          ? await page.locator('nav.tabs a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
          : [new URL(page.url()).pathname];
      expect(shown).toEqual(want);
      for (const link of shown) {
        await page.goto(link);
        await page.locator('.app-header .who').waitFor();
        await page.locator('main h1').first().waitFor();
        // Every loading line gone: the page's reads have answered.
        await page
          .locator('main [role=status]', { hasText: /Loading|Ładowanie|جارٍ/ })
          .first()
          .waitFor({ state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        const heading = (await page.locator('main h1').first().innerText()).trim();
        expect({ link, heading, notFound: NOT_FOUND.includes(heading) }).toEqual({ link, heading, notFound: false });
        const errors = await page.locator('main .notice-error').allInnerTexts();
        expect({ link, errors }).toEqual({ link, errors: [] });
      }
    },
    180_000,
  );
});
