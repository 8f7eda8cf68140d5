/**
 * Against the whole running system (demo data): the programme admin's comparison schools (issue 18)
 * added, refused on a duplicate URN (the holder named beside the field), edited and removed. Each
 * change is read back from the API; axe-core on the page, at 360 px too.
 */
import type { Page } from 'playwright-core';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, seriousViolations, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const unique = Date.now().toString(36);

const { as, open, timed } = browserSuite('web e2e admin comparison schools');
const asAdmin = as(admin, 'programme_admin');

/** The message beside a form's field. */
function errorBeside(page: Page, form: ReturnType<Page['locator']>, control: string) {
  return form.locator('.field-invalid', { has: page.locator(control) }).locator('.field-error');
}

interface ComparisonSchool {
  id: string;
  urn: string;
  name: string;
  phase: string;
  pupils: number;
  percentFsm: number | null;
  percentSend: number | null;
  percentEal: number | null;
  cohortYear: string | null;
  version: number;
}

/** Every comparison school of the area holding `urn` (all pages). */
async function comparisonSchoolsWithUrn(urn: string): Promise<ComparisonSchool[]> {
  const found: ComparisonSchool[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: ComparisonSchool[]; nextCursor: string | null } = await asAdmin(
      'GET',
      `/api/scheduling/comparison-schools?limit=100${query}`,
    );
    found.push(...page.items.filter((school) => school.urn === urn));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

describe('comparison schools and a school’s own Reply-To', () => {
  it(
    'adds a comparison school, is told the holder of a duplicate URN beside the field, edits and removes it',
    timed('comparison schools', async () => {
      const urn = String(1_000_000 + (Date.now() % 8_999_999));
      const name = `Web Comparison ${unique}`;
      const page = await open();
      await signInThroughPage(page, admin);
      await page.getByRole('link', { name: 'Comparison schools for the evaluation' }).click();
      await page.locator('main h1', { hasText: 'Comparison schools' }).waitFor();
      await page.locator('[data-testid=comparison-schools], main .empty').first().waitFor();
      await expectAccessible(page);

      // A bad URN and no pupil count: refused beside their fields, nothing held.
      const add = page.locator('form[data-testid=add-comparison-school]');
      await add.locator('input[name=new-urn]').fill('12ab');
      await add.locator('input[name=new-name]').fill(name);
      await add.getByRole('button', { name: 'Add a comparison school' }).click();
      await errorBeside(page, add, 'input[name=new-urn]').waitFor();
      await errorBeside(page, add, 'input[name=new-pupils]').waitFor();
      expect(await comparisonSchoolsWithUrn('12ab')).toEqual([]);

      await add.locator('input[name=new-urn]').fill(urn);
      await add.locator('select[name=new-phase]').selectOption('junior');
      await add.locator('input[name=new-pupils]').fill('212');
      await add.locator('input[name=new-percentFsm]').fill('31.5');
      await add.locator('input[name=new-percentEal]').fill('12');
      await add.locator('input[name=new-cohortYear]').fill('2025-26');
      await add.getByRole('button', { name: 'Add a comparison school' }).click();
      await add.getByText(`${name} added.`).waitFor();
      const held = await comparisonSchoolsWithUrn(urn);
      expect(held).toEqual([
        expect.objectContaining({
          name,
          phase: 'junior',
          pupils: 212,
          percentFsm: 31.5,
          percentSend: null,
          percentEal: 12,
          cohortYear: '2025-26',
        }),
      ]);
      const created = held[0];
      const row = page.locator(`[data-testid=comparison-school][data-comparison-school-id="${created.id}"]`);
      await row.waitFor();

      // The same URN again: the API's 409 told beside the URN field, naming the school holding it; still one school.
      await add.locator('input[name=new-urn]').fill(urn);
      await add.locator('input[name=new-name]').fill(`${name} twice`);
      await add.locator('input[name=new-pupils]').fill('90');
      await add.getByRole('button', { name: 'Add a comparison school' }).click();
      await errorBeside(page, add, 'input[name=new-urn]')
        .filter({ hasText: `URN ${urn} is already the comparison school “${name}”.` })
        .waitFor();
      expect(await comparisonSchoolsWithUrn(urn)).toHaveLength(1);
      await expectAccessible(page);

      // Edited with If-Match: the pupil count and SEND figure saved.
      await row.getByRole('button', { name: `Edit ${name}` }).click();
      await row.locator('input[name=edit-pupils]').fill('220');
      await row.locator('input[name=edit-percentSend]').fill('14.2');
      await row.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid=comparison-school]', { hasText: '220 pupils' }).waitFor();
      const edited = await asAdmin<ComparisonSchool>('GET', `/api/scheduling/comparison-schools/${created.id}`);
      expect(edited).toMatchObject({ urn, pupils: 220, percentSend: 14.2, percentFsm: 31.5 });
      expect(edited.version).toBeGreaterThan(created.version);

      await screenshot(page, 'web-admin-comparison-schools');
      await page.setViewportSize(PHONE);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBe(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);

      // Removed after a confirming second press: gone from the API.
      const edRow = page.locator(`[data-testid=comparison-school][data-comparison-school-id="${created.id}"]`);
      await edRow.getByRole('button', { name: `Remove ${name}` }).click();
      await edRow.getByRole('button', { name: 'Yes, remove' }).click();
      await edRow.waitFor({ state: 'detached' });
      await asAdmin('GET', `/api/scheduling/comparison-schools/${created.id}`, 404);
      expect(await comparisonSchoolsWithUrn(urn)).toEqual([]);
    }),
    150_000,
  );
});
