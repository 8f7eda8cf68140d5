/**
 * Against the whole running system (demo data), the programme admin's pages for running the
 * programme (issue 16, 17): a school edited (a bad URN refused beside the field, a stale edit
 * refused in words), a class added and renamed, a pupil found by filter and name, edited, moved and
 * marked as left; staff added and edited, an account found by email, a role granted and revoked and
 * a child linked to a guardian; rooms and venues; the area's settings; an area's own wording of a
 * family message, previewed, saved and deleted, with the missing-messages report, and a whole language downloaded and uploaded back;
 * a school just created given its own Reply-To (a bad address and a stale edit told in words); /docs tried signed in. Every page is
 * checked with axe-core, new pages at 360 px too; each change is checked in the API.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { csvDocument, parseCsv } from '@tutti/platform';
import { waitFor } from '@tutti/testing';
import { demoAccount } from './testing/api';
import { browserSuite, expectAccessible, PHONE, screenshot, seriousViolations, signInThroughPage } from './testing/browser';

const admin = demoAccount('programme_admin');
const unique = Date.now().toString(36);
const say = (line: string) => process.stdout.write(`[web e2e admin programme] ${line}\n`);

const { tokenOf, as, api, open, timed } = browserSuite('web e2e admin programme');
const asAdmin = as(admin, 'programme_admin');

async function signInAsAdmin(page: Page): Promise<void> {
  await signInThroughPage(page, admin);
}

/** The message beside a form's field (the API's 400 naming it). */
function errorBeside(page: Page, form: ReturnType<Page['locator']>, control: string) {
  return form.locator('.field-invalid', { has: page.locator(control) }).locator('.field-error');
}

/** Nothing wider than a 360 px phone (wide tables scroll in their own box), and axe clean there too. */
async function expectFitsPhone(page: Page, path: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page
    .locator('main [role=status]', { hasText: 'Loading' })
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ path, width }).toEqual({ path, width: PHONE.width });
  expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
}

interface School {
  id: string;
  name: string;
  urn?: string | null;
  phase: string;
  version: number;
}
interface Pupil {
  id: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  schoolId: string;
  classId: string | null;
  status: string;
  leftOn: string | null;
  version: number;
}

describe('the programme admin runs the programme', () => {
  it(
    'edits a school, adds and renames a class, finds a pupil by filter and name, edits, moves and marks them as left',
    timed('schools', async () => {
      const school = await asAdmin<School>('POST', '/api/scheduling/schools', 201, { name: `Web Primary ${unique}`, phase: 'primary' });
      const other = await asAdmin<School>('POST', '/api/scheduling/schools', 201, { name: `Web Juniors ${unique}`, phase: 'junior' });
      const otherClass = await asAdmin<{ id: string }>('POST', '/api/scheduling/classes', 201, {
        schoolId: other.id,
        name: `Oak ${unique}`,
        yearGroup: 4,
      });
      const pupil = await asAdmin<Pupil>('POST', '/api/scheduling/pupils', 201, {
        schoolId: school.id,
        firstName: 'Zofia',
        lastName: `Nowak${unique}`,
        yearGroup: 4,
      });
      await asAdmin<Pupil>('POST', '/api/scheduling/pupils', 201, {
        schoolId: school.id,
        firstName: 'Amir',
        lastName: `Khan${unique}`,
        yearGroup: 3,
      });

      const page = await open();
      await signInAsAdmin(page);
      await page.locator('input[name=schoolSearch]').fill(unique);
      await page.locator('[data-testid=schools] a', { hasText: school.name }).click();
      const form = page.locator('form[data-testid=school-form]');
      await form.waitFor();
      await page.locator('[data-testid=pupils], .empty').first().waitFor();
      await expectAccessible(page);

      // A URN that is not six or seven digits: refused beside the field, nothing changed.
      await form.locator('input[name=name]').fill(`${school.name} (renamed)`);
      await form.locator('input[name=urn]').fill('12ab');
      await form.getByRole('button', { name: 'Save' }).click();
      await errorBeside(page, form, 'input[name=urn]').waitFor();
      expect((await asAdmin<School>('GET', `/api/scheduling/schools/${school.id}`)).name).toBe(school.name);

      const urn = String(100000 + (Date.now() % 899999));
      await form.locator('input[name=urn]').fill(urn);
      await form.locator('select[name=phase]').selectOption('infant');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Saved.').waitFor();
      const saved = await asAdmin<School>('GET', `/api/scheduling/schools/${school.id}`);
      expect(saved).toMatchObject({ name: `${school.name} (renamed)`, urn, phase: 'infant' });
      expect(saved.version).toBeGreaterThan(school.version);

      // Someone else renames it meanwhile: the page's edit is refused in words, and shows theirs.
      await asAdmin(
        'PATCH',
        `/api/scheduling/schools/${school.id}`,
        200,
        { name: `${school.name} (theirs)` },
        {
          'if-match': `"${saved.version}"`,
        },
      );
      await form.locator('input[name=name]').fill(`${school.name} (mine)`);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      await page.locator('h1', { hasText: `${school.name} (theirs)` }).waitFor();
      expect((await asAdmin<School>('GET', `/api/scheduling/schools/${school.id}`)).name).toBe(`${school.name} (theirs)`);

      // A class added, then renamed.
      const addClass = page.locator('form[data-testid=add-class]');
      await addClass.locator('input[name=newClassName]').fill(`Willow ${unique}`);
      await addClass.locator('select[name=newClassYear]').selectOption('4');
      await addClass.getByRole('button', { name: 'Add a class' }).click();
      await addClass.getByText(`Willow ${unique} added.`).waitFor();
      const classes = await asAdmin<{ items: { id: string; name: string; yearGroup: number; version: number }[] }>(
        'GET',
        `/api/scheduling/classes?schoolId=${school.id}`,
      );
      expect(classes.items).toEqual([expect.objectContaining({ name: `Willow ${unique}`, yearGroup: 4 })]);
      const willow = classes.items[0];
      const row = page.locator(`[data-testid=class][data-class-id="${willow.id}"]`);
      await row.getByRole('button', { name: `Edit Willow ${unique}` }).click();
      await row.locator('input[name=className]').fill(`Willow Class ${unique}`);
      await row.getByRole('button', { name: 'Save' }).click();
      await page
        .locator('[data-testid=class]', { hasText: `Willow Class ${unique}` })
        .getByRole('button')
        .waitFor();
      expect(await asAdmin('GET', `/api/scheduling/classes/${willow.id}`)).toMatchObject({
        name: `Willow Class ${unique}`,
      });

      // The pupils: both on roll; the name search finds one.
      const pupils = page.locator('[data-testid=pupils]');
      await pupils.locator(`tr[data-pupil-id="${pupil.id}"]`).waitFor();
      expect(await pupils.locator('tbody tr').count()).toBe(2);
      await page.locator('input[name=pupilSearch]').fill(`zofia nowak${unique}`);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=pupils] tbody tr').length === 1);
      await page.locator('select[name=statusFilter]').selectOption('left');
      await page.getByText('No pupils here.').waitFor();
      await page.locator('select[name=statusFilter]').selectOption('active');
      await pupils.locator(`tr[data-pupil-id="${pupil.id}"] a`).click();

      // The pupil's record: a name corrected, moved to the other school's class, then marked as left.
      const pupilForm = page.locator('form[data-testid=pupil-form]');
      await pupilForm.waitFor();
      await expectAccessible(page);
      await pupilForm.locator('input[name=firstName]').fill('');
      await pupilForm.getByRole('button', { name: 'Save' }).click();
      await errorBeside(page, pupilForm, 'input[name=firstName]').waitFor();
      await pupilForm.locator('input[name=firstName]').fill('Zosia');
      await pupilForm.locator('select[name=yearGroup]').selectOption('5');
      await pupilForm.getByRole('button', { name: 'Save' }).click();
      await pupilForm.getByText('Saved.').waitFor();
      expect(await asAdmin<Pupil>('GET', `/api/scheduling/pupils/${pupil.id}`)).toMatchObject({
        firstName: 'Zosia',
        yearGroup: 5,
      });

      // Their characteristics (the record's version: saved after the name change without a stale refusal).
      const flags = page.locator('form[data-testid=pupil-flags]');
      await flags.locator('select[name=send]').selectOption('sen_support');
      await flags.locator('select[name=pupilPremium]').selectOption('yes');
      await flags.getByRole('button', { name: 'Save' }).click();
      await flags.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', `/api/scheduling/pupils/${pupil.id}/characteristics`)).toMatchObject({
        send: 'sen_support',
        pupilPremium: 'yes',
      });

      const move = page.locator('form[data-testid=move-pupil]');
      await move.locator('select[name=moveSchoolId]').selectOption(other.id);
      await move.locator(`select[name=moveClassId] option[value="${otherClass.id}"]`).waitFor({ state: 'attached' });
      await move.locator('select[name=moveClassId]').selectOption(otherClass.id);
      await move.getByRole('button', { name: 'Move' }).click();
      await page.locator('form[data-testid=move-pupil]').getByText('Moved.').waitFor();
      expect(await asAdmin<Pupil>('GET', `/api/scheduling/pupils/${pupil.id}`)).toMatchObject({
        schoolId: other.id,
        classId: otherClass.id,
      });

      const leave = page.locator('form[data-testid=leave-pupil]');
      const leftOn = await leave.locator('input[name=leftOn]').inputValue();
      await leave.getByRole('button', { name: 'Mark as left' }).click();
      await leave.getByRole('button', { name: 'Yes, mark as left' }).click();
      await page.locator('[data-testid=pupil-status]', { hasText: 'Left' }).waitFor();
      expect(await asAdmin<Pupil>('GET', `/api/scheduling/pupils/${pupil.id}`)).toMatchObject({ status: 'left', leftOn });
      await expectAccessible(page);
      await screenshot(page, 'web-admin-pupil');

      await expectFitsPhone(page, `/admin/schools/${school.id}`);
      await expectFitsPhone(page, `/admin/pupils/${pupil.id}`);
      say(`school ${school.id}, pupil ${pupil.id}`);
    }),
    150_000,
  );

  it(
    'gives a school just created (no class, pupil or family yet) its own Reply-To: a bad address and a stale edit told beside the field',
    timed('school reply-to', async () => {
      const school = await asAdmin<School>('POST', '/api/scheduling/schools', 201, { name: `Web Infants ${unique}`, phase: 'infant' });
      const settingsPath = `/api/parent-engagement/message-settings/schools/${school.id}`;
      // Family messages hear of the school through scheduling's event, moments after it is created.
      await waitFor(
        async () =>
          (await api('GET', settingsPath, { token: await tokenOf(admin), headers: { 'x-tutti-role': 'programme_admin' } })).status === 200,
        {
          timeoutMs: 20_000,
          intervalMs: 250,
          description: `parent engagement to know school ${school.id} from scheduling.school.created`,
        },
      );
      expect(await asAdmin('GET', settingsPath)).toEqual({ replyTo: null, version: 0 });

      const page = await open();
      await signInAsAdmin(page);
      await page.goto(`/admin/schools/${school.id}`);
      const form = page.locator('form[data-testid=school-reply-to]');
      await form.waitFor();
      await expectAccessible(page);
      const field = form.locator('input[name=schoolReplyTo]');

      // Not an email address: refused beside the field, nothing stored.
      await field.fill('the school office');
      await form.getByRole('button', { name: 'Save' }).click();
      await errorBeside(page, form, 'input[name=schoolReplyTo]').waitFor();
      expect(await asAdmin('GET', settingsPath)).toEqual({ replyTo: null, version: 0 });

      const office = `office.${unique}@infants.example.sch.uk`;
      await field.fill(office);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', settingsPath)).toEqual({ replyTo: office, version: 1 });

      // The head changes it meanwhile: the page's edit is refused in words and shows theirs; the API keeps theirs.
      const theirs = `head.${unique}@infants.example.sch.uk`;
      await asAdmin('PUT', settingsPath, 200, { replyTo: theirs }, { 'if-match': '"1"' });
      await field.fill(`mine.${unique}@infants.example.sch.uk`);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      await page.waitForFunction(
        (expected) => (document.querySelector('input[name=schoolReplyTo]') as HTMLInputElement | null)?.value === expected,
        theirs,
      );
      expect(await asAdmin('GET', settingsPath)).toEqual({ replyTo: theirs, version: 2 });
      await expectAccessible(page);
      await screenshot(page, 'web-admin-school-reply-to');
      say(`school ${school.id}: Reply-To ${theirs}`);
    }),
    120_000,
  );

  it(
    'adds and edits a member of staff, finds an account by email, grants and revokes a role, links a child to a guardian and unlinks them',
    timed('staff and accounts', async () => {
      const schools = await asAdmin<{ items: School[] }>('GET', '/api/scheduling/schools?limit=5');
      const school = schools.items[0];
      const pupil = await asAdmin<Pupil>('POST', '/api/scheduling/pupils', 201, {
        schoolId: school.id,
        firstName: 'Ioana',
        lastName: `Popescu${unique}`,
        yearGroup: 2,
      });
      const email = `web.guardian.${unique}@example.org`;
      const account = await asAdmin<{ id: string }>('POST', '/identity/accounts', 201, {
        email,
        displayName: `Web Guardian ${unique}`,
        grants: [{ role: 'guardian' }],
        preferredLanguage: 'en',
      });

      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/staff"]').click();
      const add = page.locator('form[data-testid=add-staff]');
      await add.waitFor();
      await page.locator('[data-testid=staff], .empty').first().waitFor();
      await expectAccessible(page);

      // No name: refused beside the field.
      await add.getByRole('button', { name: 'Add a member of staff' }).click();
      await errorBeside(page, add, 'input[name=displayName]').waitFor();
      const name = `Web Tutor ${unique}`;
      await add.locator('input[name=displayName]').fill(name);
      await add.locator('select[name=kind]').selectOption('tutor');
      await add.locator(`input[name=schoolIds][value="${school.id}"]`).check();
      await add.locator('input[name=instruments]').fill('violin, cello');
      await add.getByRole('button', { name: 'Add a member of staff' }).click();
      await add.getByText(`${name} added.`).waitFor();
      const listed = await asAdmin<{ items: { id: string; displayName: string; instruments: string[]; schoolIds: string[] }[] }>(
        'GET',
        `/api/scheduling/staff?kind=tutor&schoolId=${school.id}&limit=100`,
      );
      const member = listed.items.find((item) => item.displayName === name);
      expect(member).toMatchObject({ instruments: ['violin', 'cello'], schoolIds: [school.id] });

      await page.locator('input[name=staffSearch]').fill(`tutor ${unique}`);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff] tbody tr').length === 1);
      await page.locator('[data-testid=staff]').getByRole('link', { name }).click();
      const edit = page.locator('form[data-testid=edit-staff]');
      await edit.waitFor();
      await expectAccessible(page);
      await edit.locator('input[name=employer]').fill('Liverpool Music Hub');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', `/api/scheduling/staff/${member?.id}`)).toMatchObject({ employer: 'Liverpool Music Hub' });
      await expectFitsPhone(page, `/admin/staff/${member?.id}`);
      await expectFitsPhone(page, '/admin/staff');
      await page.setViewportSize({ width: 1280, height: 900 });

      // The account, found by the start of its email address.
      await page.goto('/admin/accounts');
      await page.locator('input[name=emailSearch]').fill(`web.guardian.${unique}`);
      await page.locator(`tr[data-account-id="${account.id}"]`).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('tr[data-account-id]').length === 1);
      await page.locator(`tr[data-account-id="${account.id}"] a`).click();
      await page.locator('form[data-testid=account-form]').waitFor();
      await expectAccessible(page);

      // A role granted at a school, then revoked.
      const grant = page.locator('form[data-testid=grant-form]');
      await grant.locator('select[name=grantRole]').selectOption('school_staff');
      await grant.locator(`input[name=grantSchoolIds][value="${school.id}"]`).check();
      await grant.getByRole('button', { name: 'Grant' }).click();
      await page.locator('[data-testid=grant]', { hasText: 'School staff' }).waitFor();
      type Detail = {
        displayName: string;
        grants: { id: string; role: string; schoolId: string | null }[];
        guardianLinks: { pupilId: string; relationship: string }[];
      };
      const granted = await asAdmin<Detail>('GET', `/identity/accounts/${account.id}`);
      expect(granted.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'school_staff', schoolId: school.id })]));
      await page
        .locator('[data-testid=grant]', { hasText: 'School staff' })
        .getByRole('button', { name: /^Revoke/ })
        .click();
      await page.locator('[data-testid=grant]', { hasText: 'School staff' }).waitFor({ state: 'detached' });
      expect((await asAdmin<Detail>('GET', `/identity/accounts/${account.id}`)).grants.map((item) => item.role)).toEqual(['guardian']);

      // A child linked, found by school and name.
      const link = page.locator('form[data-testid=link-child]');
      await link.locator('select[name=schoolId]').selectOption(school.id);
      await link.locator('input[name=pupilSearch]').fill(`ioana popescu${unique}`);
      await link.locator(`input[name=subjectId][value="${pupil.id}"]`).check();
      await link.locator('select[name=relationship]').selectOption('grandparent');
      await link.locator('input[name=canBookTransport]').uncheck();
      await link.getByRole('button', { name: 'Link', exact: true }).click();
      await page.locator(`[data-testid=guardian-link][data-pupil-id="${pupil.id}"]`, { hasText: 'Grandparent' }).waitFor();
      const links = await asAdmin<{
        items: { id: string; relationship: string; canBookTransport: boolean; canGiveConsent: boolean; schoolId: string }[];
      }>('GET', `/identity/guardian-links?accountId=${account.id}`);
      expect(links.items).toEqual([
        expect.objectContaining({ relationship: 'grandparent', canBookTransport: false, canGiveConsent: true, schoolId: school.id }),
      ]);
      await expectAccessible(page);

      // The display name edited (If-Match), then the child unlinked.
      const accountForm = page.locator('form[data-testid=account-form]');
      await accountForm.locator('input[name=displayName]').fill(`Web Guardian ${unique} Jr`);
      await accountForm.getByRole('button', { name: 'Save' }).click();
      await accountForm.getByText('Saved.').waitFor();
      expect((await asAdmin<Detail>('GET', `/identity/accounts/${account.id}`)).displayName).toBe(`Web Guardian ${unique} Jr`);
      await page.getByRole('button', { name: `Unlink Ioana Popescu${unique}` }).click();
      await page.locator(`[data-testid=guardian-link][data-pupil-id="${pupil.id}"]`).waitFor({ state: 'detached' });
      expect((await asAdmin<{ items: unknown[] }>('GET', `/identity/guardian-links?accountId=${account.id}`)).items).toEqual([]);
      await screenshot(page, 'web-admin-account');
      await expectFitsPhone(page, `/admin/accounts/${account.id}`);
    }),
    150_000,
  );

  it(
    'adds and edits a room and a venue, removes the venue, and changes the area’s loan, family email and area settings',
    timed('places and settings', async () => {
      const school = await asAdmin<School>('POST', '/api/scheduling/schools', 201, { name: `Web Rooms ${unique}`, phase: 'primary' });
      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/places"]').click();
      await page.locator('select[name=roomSchoolId]').selectOption(school.id);
      await page.getByText('This school has no rooms yet.').waitFor();
      await page.locator('[data-testid=venues], .empty').last().waitFor();
      await expectAccessible(page);

      const addRoom = page.locator('form[data-testid=add-room]');
      await addRoom.locator('input[name=newRoomName]').fill('Music room');
      await addRoom.getByRole('button', { name: 'Add a room' }).click();
      await errorBeside(page, addRoom, 'input[name=newRoomCapacity]').waitFor();
      await addRoom.locator('input[name=newRoomCapacity]').fill('30');
      await addRoom.getByRole('button', { name: 'Add a room' }).click();
      await addRoom.getByText('Music room added.').waitFor();
      const rooms = await asAdmin<{ items: { id: string; name: string; capacity: number }[] }>(
        'GET',
        `/api/scheduling/rooms?schoolId=${school.id}`,
      );
      expect(rooms.items).toEqual([expect.objectContaining({ name: 'Music room', capacity: 30 })]);
      const room = page.locator(`[data-testid=room][data-room-id="${rooms.items[0].id}"]`);
      await room.getByRole('button', { name: 'Edit Music room' }).click();
      await room.locator('input[name=roomCapacity]').fill('25');
      await room.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid=room]', { hasText: '25 seats' }).waitFor();
      expect(await asAdmin('GET', `/api/scheduling/rooms/${rooms.items[0].id}`)).toMatchObject({ capacity: 25 });

      const venueName = `St Luke’s ${unique}`;
      const addVenue = page.locator('form[data-testid=add-venue]');
      await addVenue.locator('input[name=venueName]').fill(venueName);
      await addVenue.locator('select[name=venueKind]').selectOption('church');
      await addVenue.locator('textarea[name=address]').fill('1 Bold Street, Liverpool L1 4HY');
      await addVenue.locator('input[name=venueCapacity]').fill('120');
      await addVenue.getByRole('button', { name: 'Add a venue' }).click();
      await addVenue.getByText(`${venueName} added.`).waitFor();
      type Venue = { id: string; name: string; kind: string; capacity: number | null; version: number };
      const venues = await asAdmin<{ items: Venue[] }>('GET', '/api/performance-event/venues?limit=100');
      const venue = venues.items.find((item) => item.name === venueName);
      expect(venue).toMatchObject({ kind: 'church', capacity: 120 });
      const row = page.locator(`[data-testid=venue][data-venue-id="${venue?.id}"]`);
      await row.getByRole('button', { name: `Edit ${venueName}` }).click();
      await row.locator('input[name=venueCapacity]').fill('150');
      await row.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid=venue]', { hasText: '150 seats' }).waitFor();
      expect(await asAdmin('GET', `/api/performance-event/venues/${venue?.id}`)).toMatchObject({ capacity: 150 });
      const shown = page.locator(`[data-testid=venue][data-venue-id="${venue?.id}"]`);
      await shown.getByRole('button', { name: `Remove ${venueName}` }).click();
      await shown.getByRole('button', { name: 'Yes, remove it' }).click();
      await shown.waitFor({ state: 'detached' });
      await asAdmin('GET', `/api/performance-event/venues/${venue?.id}`, 404);
      await expectAccessible(page);
      await expectFitsPhone(page, '/admin/places');
      await page.setViewportSize({ width: 1280, height: 900 });

      // The area's settings.
      await page.goto('/admin/settings');
      const loans = page.locator('form[data-testid=loan-settings]');
      await loans.waitFor();
      await page.locator('form[data-testid=area-settings]').waitFor();
      await page.locator('form[data-testid=message-settings]').waitFor();
      await expectAccessible(page);
      const loanBefore = await asAdmin<{ gracePeriodDays: number; version: number }>('GET', '/api/instrument-loan/settings');
      await loans.locator('input[name=gracePeriodDays]').fill('999');
      await loans.getByRole('button', { name: 'Save' }).click();
      await errorBeside(page, loans, 'input[name=gracePeriodDays]').waitFor();
      const grace = loanBefore.gracePeriodDays === 30 ? 31 : 30;
      await loans.locator('input[name=gracePeriodDays]').fill(String(grace));
      await loans.getByRole('button', { name: 'Save' }).click();
      await loans.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', '/api/instrument-loan/settings')).toMatchObject({
        gracePeriodDays: grace,
        version: loanBefore.version + 1,
      });

      const mails = page.locator('form[data-testid=message-settings]');
      await mails.locator('input[name=replyTo]').fill('not an address');
      await mails.getByRole('button', { name: 'Save' }).click();
      await errorBeside(page, mails, 'input[name=replyTo]').waitFor();
      await mails.locator('input[name=replyTo]').fill(`office.${unique}@example.org`);
      await mails.getByRole('button', { name: 'Save' }).click();
      await mails.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', '/api/parent-engagement/message-settings')).toMatchObject({ replyTo: `office.${unique}@example.org` });

      // The area itself: a seat limit saved; then a stale save refused in words.
      const area = page.locator('form[data-testid=area-settings]');
      const tenant = await asAdmin<{ familyTransportSeatLimit: number }>('GET', '/identity/tenant');
      const limit = tenant.familyTransportSeatLimit === 6 ? 5 : 6;
      await area.locator('input[name=familyTransportSeatLimit]').fill(String(limit));
      await area.getByRole('button', { name: 'Save' }).click();
      await area.getByText('Saved.').waitFor();
      expect(await asAdmin('GET', '/identity/tenant')).toMatchObject({ familyTransportSeatLimit: limit });
      const current = await api('GET', '/identity/tenant', { token: await tokenOf(admin), headers: { 'x-tutti-role': 'programme_admin' } });
      await asAdmin(
        'PATCH',
        '/identity/tenant',
        200,
        { familyTransportSeatLimit: tenant.familyTransportSeatLimit },
        {
          'if-match': current.headers.get('etag') ?? '',
        },
      );
      await area.locator('input[name=weeklyProvisionTargetMinutes]').fill('45');
      await area.getByRole('button', { name: 'Save' }).click();
      await area.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      expect(await asAdmin('GET', '/identity/tenant')).toMatchObject({ familyTransportSeatLimit: tenant.familyTransportSeatLimit });
      await expectFitsPhone(page, '/admin/settings');
      await expectFitsPhone(page, '/admin/reminders');
      await page.locator('[data-testid=queues], .empty').first().waitFor();
      await expectAccessible(page);
    }),
    150_000,
  );

  it(
    'writes the area’s Romanian wording of a family message (wrong placeholders refused beside the text), previews it, saves it, and drops it',
    timed('message overrides', async () => {
      const url = '/api/parent-engagement/message-overrides/ro/greeting';
      type FamilyMessage = { message: string; source: string; version: number; english: string; placeholders: string[] };
      const before = await asAdmin<FamilyMessage>('GET', url);
      expect(before.source).not.toBe('override');

      const page = await open();
      await signInAsAdmin(page);
      await page.locator('nav.tabs a[href="/admin/translations"]').click();
      await page.locator('[data-testid=missing-report]').waitFor();
      await page.locator('[data-testid=missing-report] li[data-language=ro]').waitFor();
      await expectAccessible(page);

      const opener = page.locator('form[data-testid=open-message]');
      await opener.locator('select[name=language]').selectOption('ro');
      await opener.locator('input[name=key]').fill('greeting');
      await opener.getByRole('button', { name: 'Open' }).click();
      const editor = page.locator('[data-testid=message-editor]');
      await editor.locator('[data-testid=english]', { hasText: before.english }).waitFor();
      const text = editor.locator('textarea[name=message]');
      expect(await text.getAttribute('dir')).toBe('auto');
      expect(await text.getAttribute('lang')).toBe('ro');

      // Placeholders unlike English's: refused beside the text, naming them.
      await text.fill('Dragă {name},');
      await editor.getByRole('button', { name: 'Save the wording' }).click();
      await errorBeside(page, editor, 'textarea[name=message]').filter({ hasText: 'name' }).waitFor();
      expect((await asAdmin<FamilyMessage>('GET', url)).source).toBe(before.source);

      const wording = `Bună ziua, {${before.placeholders[0]}}! (${unique})`;
      await text.fill(wording);
      await editor.getByRole('button', { name: 'Preview' }).click();
      await editor.locator('[data-testid=preview-text]', { hasText: `Bună ziua` }).waitFor();
      expect(await editor.locator('[data-testid=preview]').getAttribute('dir')).toBe('ltr');
      await editor.getByRole('button', { name: 'Save the wording' }).click();
      await editor.getByText('Saved: families get this wording from their next message.').waitFor();
      const saved = await asAdmin<FamilyMessage>('GET', url);
      expect(saved).toMatchObject({ message: wording, source: 'override' });
      await page.locator('[data-testid=overrides] li[data-language=ro][data-key=greeting]').waitFor();
      await editor.locator('[data-testid=source][data-source=override]').waitFor();
      await expectAccessible(page);

      // Someone else changes it meanwhile: refused in words, the page shows theirs.
      const theirs = `Bună, {${before.placeholders[0]}}! (${unique})`;
      await asAdmin('PUT', url, 200, { message: theirs }, { 'if-match': `"${saved.version}"` });
      await text.fill(`${wording} mine`);
      await editor.getByRole('button', { name: 'Save the wording' }).click();
      await editor.locator('[data-testid=conflict]', { hasText: 'Someone changed this since you opened it' }).waitFor();
      await page.waitForFunction(
        (want) => (document.querySelector('textarea[name=message]') as HTMLTextAreaElement | null)?.value === want,
        theirs,
      );
      expect((await asAdmin<FamilyMessage>('GET', url)).message).toBe(theirs);

      // Dropped: the shipped wording applies again.
      await editor.getByRole('button', { name: 'Drop your wording' }).click();
      await editor.getByRole('button', { name: 'Yes, drop it' }).click();
      await editor.getByText('Your wording was dropped').waitFor();
      expect((await asAdmin<FamilyMessage>('GET', url)).source).toBe(before.source);

      // The key field offers every family message of the catalogue.
      const catalogue = await asAdmin<{ messages: number }>('GET', '/api/parent-engagement/message-overrides/ro/catalogue');
      await page.waitForFunction((n) => document.querySelectorAll('#family-message-keys option').length === n, catalogue.messages);

      // A whole language for a translator: downloaded as CSV, one row changed, uploaded back.
      const whole = page.locator('form[data-testid=whole-language]');
      await whole.locator('select[name=wholeLanguage]').selectOption('ro');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        whole.getByRole('button', { name: 'Download for translation' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('family-messages-ro.csv');
      const downloaded = await download.path();
      if (!downloaded) throw new Error('the download was not saved');
      const parsed = parseCsv(readFileSync(downloaded, 'utf8'));
      if ('error' in parsed) throw new Error(parsed.error);
      const [header, ...rows] = parsed.records.map((record) => record.fields);
      expect(header).toEqual(['key', 'english', 'placeholders', 'wording', 'source']);
      expect(rows).toHaveLength(catalogue.messages);
      const translated = `Dragă familie {${before.placeholders[0]}}, (${unique})`;
      const uploadRows = async (changed: string) => {
        const csv = csvDocument(
          header,
          rows.map((row) => (row[0] === 'greeting' ? [row[0], row[1], row[2], changed, row[4]] : row)),
          { bom: true },
        );
        await whole
          .locator('input[name=csv]')
          .setInputFiles({ name: 'family-messages-ro.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        await whole.getByRole('button', { name: 'Upload the translation' }).click();
      };
      // Wrong placeholders: the file is refused, naming the row.
      await uploadRows('Dragă {name},');
      await whole.locator('[data-testid=import-errors] li', { hasText: 'rows[' }).waitFor();
      expect((await asAdmin<FamilyMessage>('GET', url)).source).toBe(before.source);
      await uploadRows(translated);
      await whole
        .locator('[data-testid=import-result]', { hasText: `Uploaded: 1 new, 0 changed, ${catalogue.messages - 1} unchanged.` })
        .waitFor();
      const uploaded = await asAdmin<FamilyMessage>('GET', url);
      expect(uploaded).toMatchObject({ message: translated, source: 'override' });
      await page.locator('[data-testid=overrides] li[data-language=ro][data-key=greeting]').waitFor();
      await asAdmin('DELETE', url, 204, undefined, { 'if-match': `"${uploaded.version}"` });

      // Arabic: the text area follows the text's direction.
      await opener.locator('select[name=language]').selectOption('ar');
      await opener.getByRole('button', { name: 'Open' }).click();
      await editor.locator('textarea[name=message][lang=ar][dir=auto]').waitFor();
      await screenshot(page, 'web-admin-translations');
      await expectFitsPhone(page, '/admin/translations');
    }),
    150_000,
  );
  it(
    'tries the API at /docs signed in as the app is in that tab: every service’s routes get the token, not only identity’s',
    timed('api docs', async () => {
      const page = await open();
      await signInAsAdmin(page);
      await page.goto('/docs');
      for (const path of ['/api/scheduling/schools', '/api/instrument-loan/instruments', '/identity/me']) {
        const operation = page.locator(`.opblock-get:has(.opblock-summary-path[data-path="${path}"])`).first();
        await operation.locator('.opblock-summary').click();
        await operation.getByRole('button', { name: 'Try it out' }).click();
        await operation.getByRole('button', { name: 'Execute' }).click();
        const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
        await status.waitFor();
        expect({ path, status: (await status.innerText()).trim() }).toEqual({ path, status: '200' });
      }
    }),
    120_000,
  );
});
