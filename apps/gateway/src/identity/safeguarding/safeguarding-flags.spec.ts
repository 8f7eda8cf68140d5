import type { EventEnvelope } from '@tutti/contracts';
import { applyEvent } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, mailTo } from '@tutti/testing';
import { IdentityEventHandlers } from '../events/identity-event-handlers';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';

describe('safeguarding flags: the programme admins are mailed', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let admin: TestAccount;
  let disabledAdmin: TestAccount;
  let head: TestAccount;
  let otherAreaAdmin: TestAccount;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    const school = await t.fixtures.school(tenant);
    admin = await t.fixtures.account(tenant, { displayName: 'Priya Admin', grants: [{ role: 'programme_admin' }] });
    disabledAdmin = await t.fixtures.account(tenant, { status: 'disabled', grants: [{ role: 'programme_admin' }] });
    head = await t.fixtures.account(tenant, { grants: [{ role: 'headteacher', schoolId: school }] });
    otherAreaAdmin = await t.fixtures.account(await t.fixtures.tenant(), { grants: [{ role: 'programme_admin' }] });
  });
  afterAll(() => t?.close());

  const flag = (stage: 'expiring' | 'expired', staffId: string): EventEnvelope<'scheduling.safeguarding.flagged'> => ({
    id: newId(),
    type: 'scheduling.safeguarding.flagged',
    tenantId: tenant.id,
    occurredAt: new Date().toISOString(),
    source: 'scheduling',
    payload: {
      version: 1,
      staffId,
      displayName: `Sam Soon ${staffId.slice(-4)}`,
      stage,
      expiresOn: '2027-01-19',
      reasons: stage === 'expired' ? ['training-expired'] : [],
      ensembleIds: [newId()],
      upcomingSessions: 3,
      nextSessionAt: '2026-12-14T16:00:00.000Z',
    },
  });
  const apply = (event: EventEnvelope<'scheduling.safeguarding.flagged'>) =>
    applyEvent(
      t.dataSource,
      'gateway',
      {
        'scheduling.safeguarding.flagged': (flagged, manager) =>
          t.app.get(IdentityEventHandlers).applySafeguardingFlag(flagged as EventEnvelope<'scheduling.safeguarding.flagged'>, manager),
      },
      event as EventEnvelope,
    );

  it('mails each active programme admin of the area, 30 days ahead and on expiry, once per event', async () => {
    const staffId = newId();
    const name = `Sam Soon ${staffId.slice(-4)}`;
    const ahead = flag('expiring', staffId);
    await apply(ahead);
    await apply(ahead); // redelivered: not mailed again
    const advance = await mailTo(admin.email, new RegExp(`^Safeguarding check runs out in 30 days: ${name}$`));
    expect(advance.text).toContain(`The safeguarding clearance of ${name} in ${tenant.name} runs out on 2027-01-19.`);
    expect(advance.text).toContain('a staff member of 1 ensemble and tutor of 3 sessions to come');

    await apply(flag('expired', staffId));
    const expired = await mailTo(admin.email, new RegExp(`^Safeguarding check expired: ${name}$`));
    expect(expired.text).toContain('ran out on 2027-01-19 (the safeguarding training has expired)');
    expect(expired.html).toContain('<p>Hello Priya Admin,</p>');

    expect(await mailsTo(admin.email, new RegExp(name))).toHaveLength(2);
    for (const other of [disabledAdmin, head, otherAreaAdmin]) expect(await mailsTo(other.email, new RegExp(name))).toEqual([]);
  });
});
