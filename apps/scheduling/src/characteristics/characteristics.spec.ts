import { newId } from '@tutti/platform';
import { expecting, ifMatch, type ApiRow } from '../testing/api';
import { adminOf, guardianOf, headteacherOf, newTenantId, schoolStaffOf, tutorOf } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

describe('pupil characteristics: admin and own headteacher only, every read audited, unknown until recorded', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  let school: string;
  let otherSchool: string;
  let pupil: ApiRow;
  const url = () => `/pupils/${pupil.id}/characteristics`;

  const audited = async (actorUserId: string): Promise<{ action: string; detail: unknown }[]> =>
    (
      await kit.db.query(
        `SELECT payload FROM outbox_events WHERE tenant_id = $1 AND type = 'audit.entry.recorded' AND payload->>'actorUserId' = $2 AND payload->>'subjectId' = $3 ORDER BY id`,
        [tenantId, actorUserId, pupil.id],
      )
    ).map((row: { payload: { action: string; detail: unknown } }) => ({ action: row.payload.action, detail: row.payload.detail }));

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Characteristics Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Next Door Primary', phase: 'primary' }, 201)).id;
    pupil = await call(
      admin,
      'POST',
      '/pupils',
      { schoolId: school, firstName: 'Iris', lastName: 'Okafor', yearGroup: 4, eal: 'yes' },
      201,
    );
  });

  it('answers what is recorded and unknown for the rest, to the programme admin and the pupil’s headteacher, auditing each read', async () => {
    const head = headteacherOf(tenantId, [school]);
    const read = await kit.call<ApiRow>(head, 'GET', url());
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      pupilId: pupil.id,
      pupilPremium: 'unknown',
      send: 'unknown',
      eal: 'yes',
      gender: 'unknown',
      ethnicityGroup: 'unknown',
      version: 1,
    });
    expect(read.headers.etag).toBe('"1"');
    expect(await audited(head.userId)).toEqual([{ action: 'read', detail: { characteristics: true } }]);
    expect((await kit.call(admin, 'GET', url())).status).toBe(200);
    expect(await audited(admin.userId)).toEqual([
      expect.objectContaining({ action: 'create' }),
      { action: 'read', detail: { characteristics: true } },
    ]);
  });

  it('refuses tutors, school staff and the child’s own guardian (403), and is not there for another school’s headteacher or another area (404)', async () => {
    for (const who of [
      tutorOf(tenantId, [school]),
      schoolStaffOf(tenantId, [school]),
      guardianOf(tenantId, [{ pupilId: pupil.id, schoolId: school }]),
    ]) {
      expect((await kit.call(who, 'GET', url())).status).toBe(403);
      expect((await kit.call(who, 'PATCH', url(), { gender: 'male' }, { 'if-match': '"1"' })).status).toBe(403);
      expect(await audited(who.userId)).toEqual([]);
    }
    for (const who of [headteacherOf(tenantId, [otherSchool]), adminOf(newTenantId())]) {
      expect((await kit.call(who, 'GET', url())).status).toBe(404);
      expect((await kit.call(who, 'PATCH', url(), { gender: 'male' }, { 'if-match': '"1"' })).status).toBe(404);
    }
    expect((await kit.call(admin, 'GET', `/pupils/${newId()}/characteristics`)).status).toBe(404);
  });

  it('records a change under If-Match: 428 without, 412 when stale, 400 naming a bad value; unknown clears one', async () => {
    const head = headteacherOf(tenantId, [school]);
    const current = (await call<ApiRow>(head, 'GET', url(), undefined, 200)) as ApiRow;
    expect((await kit.call(head, 'PATCH', url(), { gender: 'female' })).status).toBe(428);
    const bad = await kit.call<{ errors: { field: string }[] }>(
      head,
      'PATCH',
      url(),
      { send: 'yes', gender: 'girl', pupilPremium: true },
      ifMatch(current),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(['gender', 'pupilPremium', 'send']);
    const changed = await kit.call<ApiRow>(
      head,
      'PATCH',
      url(),
      { pupilPremium: 'yes', send: 'ehcp', gender: 'female', ethnicityGroup: 'black', eal: 'unknown' },
      ifMatch(current),
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      pupilId: pupil.id,
      pupilPremium: 'yes',
      send: 'ehcp',
      eal: 'unknown',
      gender: 'female',
      ethnicityGroup: 'black',
      version: 2,
    });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await kit.call<{ currentETag: string }>(admin, 'PATCH', url(), { gender: 'other' }, ifMatch(current));
    expect(stale.status).toBe(412);
    expect(stale.body.currentETag).toBe('"2"');
    expect((await audited(head.userId)).at(-1)).toEqual({
      action: 'update',
      detail: { characteristics: ['pupilPremium', 'send', 'eal', 'gender', 'ethnicityGroup'] },
    });
    // The pupil record itself never carries them, even to the programme admin.
    const record = await call<ApiRow>(admin, 'GET', `/pupils/${pupil.id}`, undefined, 200);
    for (const name of ['pupilPremium', 'send', 'eal', 'gender', 'ethnicityGroup']) expect(record).not.toHaveProperty(name);
    expect((await kit.call(admin, 'PATCH', `/pupils/${pupil.id}`, { send: 'none' }, ifMatch(record))).status).toBe(400);
  });
});
