/**
 * A partner secondary school's incoming pupils in the browser (issue 18, 16). Through the API the
 * liverpool programme admin makes a partner secondary school, another secondary school, and a primary
 * school whose two Year 6 pupils (imported with the partner as their destination) play in its
 * whole-class strings; one of them also plays in an area orchestra. The roll-over makes both alumni:
 * the strings end with primary school, the orchestra goes on. The partner school's staff, signed in
 * through the page, find the "Incoming pupils" tab and see exactly the one still playing (year left,
 * ensemble, instrument); the other school's staff, opening the partner's page, get the not-found words
 * and their own tab says their school is not a partner; the programme admin reaches the list from the
 * school record. axe-core on every page, the list at 360 px too.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
// The end-to-end harness is shared tooling: the web app's specs drive the system it starts.
import { expectStatus, mailTo } from '@tutti/e2e';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, signInThroughPage } from './testing/browser';

const AREA = 'liverpool';
const admin = demoAccount('programme_admin');
const unique = randomUUID().slice(0, 8);
const say = (line: string) => process.stdout.write(`[web e2e incoming pupils] ${line}\n`);

const { as, system, api, open, timed } = browserSuite('web e2e incoming pupils');
const asAdmin = as(admin, 'programme_admin');

interface Row {
  id: string;
  firstName?: string;
}
interface IncomingPage {
  items: {
    pupilId: string;
    firstName: string;
    lastName: string;
    yearLeft: number;
    ensembles: { name: string; instrument: string | null }[];
  }[];
  nextCursor: string | null;
}

/** A school_staff account at `schoolId`, invited by the admin, its password set from the invitation's link. */
async function staffAt(schoolId: string, who: string) {
  const email = `web.${who}.${unique}@example.org`;
  const displayName = `Web ${who} ${unique}`;
  await asAdmin('POST', '/identity/accounts', 201, {
    email,
    displayName,
    grants: [{ role: 'school_staff', schoolIds: [schoolId] }],
    preferredLanguage: 'en',
  });
  const mail = await mailTo(system.mail.apiUrl, email, /./, { containing: 'accept-invitation?token=' });
  const link = /accept-invitation\?token=([A-Za-z0-9._%-]+)/.exec(mail.text);
  if (!link) throw new Error(`no invitation link in the mail to ${email}`);
  const password = `cello ${randomUUID().slice(0, 8)} harbour lantern`;
  expectStatus(await api('POST', '/auth/invitations/accept', { body: { token: decodeURIComponent(link[1]), password } }), 200);
  return { area: AREA, email, password, displayName };
}

async function settled(page: Page): Promise<void> {
  await page
    .locator('main [role=status]', { hasText: 'Loading' })
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

describe('incoming pupils of a partner secondary school', () => {
  let partner: Row;
  let other: Row;
  const pupils: Record<string, string> = {};
  let orchestra: Row;
  let partnerStaff: Awaited<ReturnType<typeof staffAt>>;
  let otherStaff: Awaited<ReturnType<typeof staffAt>>;

  beforeAll(async () => {
    const urn = String(900000 + Math.floor(Math.random() * 99999));
    partner = await asAdmin<Row>('POST', '/api/scheduling/schools', 201, {
      name: `Archbishop Blanch ${unique}`,
      urn,
      phase: 'secondary',
      partner: true,
    });
    other = await asAdmin<Row>('POST', '/api/scheduling/schools', 201, { name: `Everton Free ${unique}`, phase: 'secondary' });
    const primary = await asAdmin<Row>('POST', '/api/scheduling/schools', 201, { name: `Feeder Primary ${unique}`, phase: 'primary' });
    const csv = [
      'UPN,Surname,Forename,Year,Destination School',
      `E${unique}1,Alder${unique},Ava,Y6,${urn}`,
      `E${unique}2,Birch${unique},Ben,Y6,${urn}`,
    ].join('\n');
    await asAdmin('POST', '/api/scheduling/imports/pupils', 201, { schoolId: primary.id, csv });
    for (const found of (await asAdmin<{ items: Row[] }>('GET', `/api/scheduling/pupils?schoolId=${primary.id}&limit=100`)).items)
      pupils[found.firstName as string] = found.id;
    const strings = await asAdmin<Row>('POST', '/api/scheduling/ensembles', 201, {
      schoolId: primary.id,
      name: `Y6 Strings ${unique}`,
      kind: 'whole_class',
      strand: 'curriculum',
    });
    orchestra = await asAdmin<Row>('POST', '/api/scheduling/ensembles', 201, {
      name: `Area Orchestra ${unique}`,
      kind: 'orchestra',
      strand: 'after_school',
    });
    for (const name of ['Ava', 'Ben'])
      await asAdmin('POST', `/api/scheduling/ensembles/${strings.id}/members`, 201, {
        pupilId: pupils[name],
        instrument: 'violin',
        joinedOn: '2023-09-04',
      });
    await asAdmin('POST', `/api/scheduling/ensembles/${orchestra.id}/members`, 201, {
      pupilId: pupils.Ava,
      instrument: 'cello',
      joinedOn: '2024-05-01',
    });
    expect(
      await asAdmin('POST', `/api/scheduling/schools/${primary.id}/roll-overs`, 201, {
        academicYear: '2024-25',
        leaversLeftOn: '2024-07-19',
      }),
    ).toMatchObject({ leavers: 2 });
    [partnerStaff, otherStaff] = await Promise.all([staffAt(partner.id, 'partner'), staffAt(other.id, 'other')]);
    say(`partner ${partner.id}, Ava ${pupils.Ava}, Ben ${pupils.Ben}`);
  }, 120_000);

  it(
    'the partner school’s staff see exactly the alumnus still playing: year left, ensemble and instrument',
    timed('partnerStaff', async () => {
      // What the API holds: Ava alone (Ben's strings ended with primary school).
      const listed = await asAdmin<IncomingPage>('GET', `/api/scheduling/schools/${partner.id}/incoming-pupils`);
      expect(listed.items.map((pupil) => pupil.pupilId)).toEqual([pupils.Ava]);

      const page = await open();
      await signInThroughPage(page, partnerStaff);
      await page.locator('nav.tabs a[href="/incoming-pupils"]').click();
      await page.getByRole('heading', { level: 1, name: 'Incoming pupils' }).waitFor();
      const table = page.locator('[data-testid=incoming-pupils]');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-pupil-id')).toBe(pupils.Ava);
      expect((await rows.first().locator('th, td').allInnerTexts()).map((cell) => cell.trim())).toEqual([
        `Ava Alder${unique}`,
        '2024',
        `Area Orchestra ${unique}`,
        'cello',
      ]);
      expect(await page.locator('main').innerText()).not.toContain('Ben');
      await page.getByText('Showing all 1.').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'incoming-pupils');

      // The same page at 360 px: nothing wider than the phone, axe clean there too.
      await page.setViewportSize(PHONE);
      await page.reload();
      await table.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page);
    }),
    120_000,
  );

  it(
    'another school’s staff get the not-found words for the partner’s page, and their own tab says their school is no partner',
    timed('otherStaff', async () => {
      // What the API answers them: 404, the partner's list is not theirs to see.
      const signedIn = expectStatus(
        await api<{ accessToken: string }>('POST', '/auth/sign-in', {
          body: { area: AREA, email: otherStaff.email, password: otherStaff.password },
        }),
        200,
      );
      const refused = await api('GET', `/api/scheduling/schools/${partner.id}/incoming-pupils`, {
        token: signedIn.accessToken,
        headers: { 'x-tutti-role': 'school_staff' },
      });
      expect(refused.status).toBe(404);

      const page = await open();
      await signInThroughPage(page, otherStaff);
      await page.goto(`/schools/${partner.id}/incoming-pupils`);
      await page.getByText('There is no such school for you').waitFor();
      await settled(page);
      expect(await page.locator('[data-testid=incoming-pupils]').count()).toBe(0);
      await expectAccessible(page);

      await page.locator('nav.tabs a[href="/incoming-pupils"]').click();
      await page.getByText('Your school is not a partner secondary school').waitFor();
      await expectAccessible(page);
    }),
    120_000,
  );

  it(
    'the programme admin opens the list from the partner’s school record',
    timed('admin', async () => {
      const page = await open();
      await signInThroughPage(page, admin);
      await page.goto(`/admin/schools/${partner.id}`);
      await page.getByRole('link', { name: 'Incoming pupils from the programme' }).click();
      await page.waitForURL(`**/schools/${partner.id}/incoming-pupils`);
      await page.locator(`[data-testid=incoming-pupils] tr[data-pupil-id="${pupils.Ava}"]`).waitFor();
      expect(await page.locator('[data-testid=incoming-pupils] tbody tr').count()).toBe(1);
      await expectAccessible(page);

      // A school that is not a partner offers no such link.
      await page.goto(`/admin/schools/${other.id}`);
      await page.getByRole('heading', { level: 1, name: `Everton Free ${unique}` }).waitFor();
      expect(await page.getByRole('link', { name: 'Incoming pupils from the programme' }).count()).toBe(0);
    }),
    120_000,
  );
});
