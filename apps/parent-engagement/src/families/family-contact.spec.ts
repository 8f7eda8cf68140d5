import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import type { FamilyDto } from './dto/contact-preferences.dto';
import { useEngagementTestKit } from '../testing/engagement-test-kit';

describe('a family’s contact comes from the guardian’s account unless the family chose its own', () => {
  const kit = useEngagementTestKit({ SERVICE_MODE: 'api' });
  const tenantId = newTenantId();
  const schoolId = newId();
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  const newGuardian = () => {
    const pupilId = newId();
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    return { guardian, pupilId };
  };
  const linked = (guardianId: string, pupilId: string, email: string, at: Date, preferredLanguage = 'en') =>
    kit.applyEvent(
      tenantId,
      'identity.guardian.linked',
      {
        version: 1,
        guardianLinkId: newId(),
        accountId: guardianId,
        pupilId,
        schoolId,
        email,
        displayName: 'Agnieszka Kowalska',
        preferredLanguage,
      },
      at,
    );
  const accountUpdated = (guardianId: string, email: string, at: Date, preferredLanguage = 'en', displayName = 'Agnieszka Kowalska') =>
    kit.applyEvent(
      tenantId,
      'identity.account.updated',
      { version: 1, accountId: guardianId, email, displayName, preferredLanguage, status: 'active' },
      at,
    );
  const family = async (guardian: ReturnType<typeof newGuardian>['guardian']) => {
    const response = await kit.call(guardian, 'GET', '/families/me');
    expect(response.statusCode).toBe(200);
    return response.json<FamilyDto>();
  };

  it('fills an invited guardian’s family from the link, before and after the guardian first signs in', async () => {
    const before = newGuardian();
    await linked(before.guardian.userId, before.pupilId, 'agnieszka@example.org', minutesAgo(5), 'pl');
    expect(await family(before.guardian)).toMatchObject({ email: 'agnieszka@example.org', language: 'pl', emailEnabled: true });

    const after = newGuardian();
    expect((await family(after.guardian)).email).toBeNull(); // signed in before the link's event arrived
    await linked(after.guardian.userId, after.pupilId, 'second@example.org', minutesAgo(1));
    expect((await family(after.guardian)).email).toBe('second@example.org');
  });

  it('follows the account’s changes of name and language, newest event first whatever the order of arrival', async () => {
    const { guardian, pupilId } = newGuardian();
    await linked(guardian.userId, pupilId, 'follow@example.org', minutesAgo(30));
    await accountUpdated(guardian.userId, 'follow@example.org', minutesAgo(10), 'ur', 'Amina Shah');
    await accountUpdated(guardian.userId, 'follow@example.org', minutesAgo(20), 'pl', 'Old Name'); // older, arriving late
    const seen = await kit.db.query(`SELECT display_name, language FROM families WHERE tenant_id = $1 AND guardian_id = $2`, [
      tenantId,
      guardian.userId,
    ]);
    expect(seen).toEqual([{ display_name: 'Amina Shah', language: 'ur' }]);
  });

  it('keeps the address and language the family chose, and follows the account again when the family clears its address', async () => {
    const { guardian, pupilId } = newGuardian();
    await linked(guardian.userId, pupilId, 'account@example.org', minutesAgo(30));
    const mine = await family(guardian);
    const chosen = await kit.call(
      guardian,
      'PUT',
      '/families/me/contact-preferences',
      { email: 'family-own@example.org', language: 'pl', emailEnabled: true, smsEnabled: false },
      { 'if-match': `"${mine.version}"` },
    );
    expect(chosen.statusCode).toBe(200);
    await accountUpdated(guardian.userId, 'account@example.org', minutesAgo(1), 'ur');
    expect(await family(guardian)).toMatchObject({ email: 'family-own@example.org', language: 'pl' });

    const cleared = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
      email: null,
      language: 'ur',
      emailEnabled: true,
      smsEnabled: false,
    });
    expect(cleared.json<FamilyDto>()).toMatchObject({ email: 'account@example.org', language: 'ur' });
    await accountUpdated(guardian.userId, 'account@example.org', new Date(), 'en');
    expect(await family(guardian)).toMatchObject({ email: 'account@example.org', language: 'en' });
  });

  it('leaves accounts that are not guardians alone (no family is made for them)', async () => {
    const staffId = newId();
    await accountUpdated(staffId, 'teacher@example.org', new Date());
    expect(await kit.db.query(`SELECT 1 FROM families WHERE tenant_id = $1 AND guardian_id = $2`, [tenantId, staffId])).toEqual([]);
  });
});
