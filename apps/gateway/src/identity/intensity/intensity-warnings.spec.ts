import type { EventEnvelope } from '@tutti/contracts';
import { applyEvent } from '@tutti/messaging';
import { newId } from '@tutti/platform';
import { mailsTo, mailTo } from '@tutti/testing';
import { IdentityEventHandlers } from '../events/identity-event-handlers';
import { startIdentityTestApp, type IdentityTestApp } from '../testing/identity-test-app';
import type { TestAccount, TestTenant } from '../testing/identity-fixtures';

describe('intensity warnings: the headteachers of the class’s school are mailed', () => {
  let t: IdentityTestApp;
  let tenant: TestTenant;
  let school: string;
  let head: TestAccount;
  let disabledHead: TestAccount;
  let otherSchoolHead: TestAccount;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    tenant = await t.fixtures.tenant();
    school = await t.fixtures.school(tenant);
    head = await t.fixtures.account(tenant, { displayName: 'Hana Head', grants: [{ role: 'headteacher', schoolId: school }] });
    disabledHead = await t.fixtures.account(tenant, { status: 'disabled', grants: [{ role: 'headteacher', schoolId: school }] });
    otherSchoolHead = await t.fixtures.account(tenant, { grants: [{ role: 'headteacher', schoolId: await t.fixtures.school(tenant) }] });
    admin = await t.fixtures.account(tenant, { grants: [{ role: 'programme_admin' }] });
  });
  afterAll(() => t?.close());

  const flag = (className: string): EventEnvelope<'scheduling.intensity.flagged'> => ({
    id: newId(),
    type: 'scheduling.intensity.flagged',
    tenantId: tenant.id,
    occurredAt: new Date().toISOString(),
    source: 'scheduling',
    payload: {
      version: 1,
      classId: newId(),
      className,
      schoolId: school,
      schoolName: 'Steady Primary',
      sinceWeek: '2026-01-05',
      targetWeeklyMinutes: 60,
      lowWeeks: [
        { weekOf: '2026-01-05', averageMinutes: 45 },
        { weekOf: '2026-01-12', averageMinutes: 22.5 },
      ],
    },
  });
  const apply = (event: EventEnvelope<'scheduling.intensity.flagged'>) =>
    applyEvent(
      t.dataSource,
      'gateway',
      {
        'scheduling.intensity.flagged': (flagged, manager) =>
          t.app.get(IdentityEventHandlers).applyIntensityWarning(flagged as EventEnvelope<'scheduling.intensity.flagged'>, manager),
      },
      event as EventEnvelope,
    );

  it('mails each active headteacher of the school once per warning, naming the class, the weeks and the target, and nobody else', async () => {
    const className = `4${newId().slice(-6)}`;
    const warning = flag(className);
    await apply(warning);
    await apply(warning); // redelivered: not mailed again
    const mail = await mailTo(head.email, new RegExp(`^Music below the weekly target two weeks running: class ${className}$`));
    expect(mail.text).toContain(
      `Class ${className} at Steady Primary has been below ${tenant.name}’s target of 60 minutes of music a week for 2 teaching weeks in a row, since the week of 2026-01-05.`,
    );
    expect(mail.text).toContain(
      'Minutes attended per pupil, on average: the week of 2026-01-05: 45 minutes; the week of 2026-01-12: 22.5 minutes.',
    );
    expect(mail.html).toContain('<p>Hello Hana Head,</p>');
    expect(await mailsTo(head.email, new RegExp(className))).toHaveLength(1);
    for (const other of [disabledHead, otherSchoolHead, admin]) expect(await mailsTo(other.email, new RegExp(className))).toEqual([]);
  });
});
