import type { Identity } from '@tutti/auth';
import { newId } from '@tutti/platform';
import { expecting, type ApiRow } from '../testing/api';
import { adminOf, headteacherOf, newTenantId, tutorOf } from '../testing/identities';
import { clearToWorkWithChildren } from '../testing/safeguarding';
import { useSchedulingTestKit, type TestResponse } from '../testing/scheduling-test-kit';

interface Problem {
  status: number;
  detail: string;
  currentETag?: string;
  errors?: { field: string }[];
}

type Method = 'PATCH' | 'PUT';
type Edit = Record<string, unknown>;

describe('edits two people may make at once: ETag and If-Match', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  const otherArea = adminOf(newTenantId());
  let school: string;
  let otherSchool: string;
  let head: Identity;
  let otherHead: Identity;
  const tutorUsers = [newId(), newId()];
  let tutors: Identity[];
  let tutorStaff: string[];
  let occurrenceId: string;

  const send = (who: Identity, method: Method, url: string, body: unknown, ifMatch?: string) =>
    kit.call<ApiRow & Problem>(who, method, url, body, ifMatch === undefined ? {} : { 'if-match': ifMatch });
  const etagOf = (response: TestResponse): string => {
    expect(typeof response.headers.etag).toBe('string');
    return response.headers.etag as string;
  };

  beforeAll(async () => {
    call = expecting(kit);
    school = (await call(admin, 'POST', '/schools', { name: 'Versions Primary', phase: 'primary' }, 201)).id;
    otherSchool = (await call(admin, 'POST', '/schools', { name: 'Elsewhere Primary', phase: 'primary' }, 201)).id;
    head = headteacherOf(tenantId, [school]);
    otherHead = headteacherOf(tenantId, [otherSchool]);
    tutors = tutorUsers.map((userId) => tutorOf(tenantId, [school], userId));
    tutorStaff = [];
    for (const [index, userId] of tutorUsers.entries()) {
      tutorStaff.push(
        (await call(admin, 'POST', '/staff', { kind: 'tutor', displayName: `Co-tutor ${index + 1}`, userId, schoolIds: [school] }, 201)).id,
      );
      await clearToWorkWithChildren(kit, admin, tutorStaff[index]);
    }
    const ensemble = (
      await call(admin, 'POST', '/ensembles', { schoolId: school, name: 'Y5 Strings', kind: 'whole_class', strand: 'curriculum' }, 201)
    ).id;
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: ensemble, recurrence: 'once', firstOn: '2026-03-18', startTime: '09:00', durationMinutes: 60, tutorIds: tutorStaff },
      201,
    );
    occurrenceId = (await call<{ items: ApiRow[] }>(admin, 'GET', `/occurrences?ensembleId=${ensemble}`, undefined, 200)).items[0].id;
  });

  /** What every edited object must do; `edits` are two different changes, `field` the one they make. */
  const behavesLikeAnEditWithIfMatch = async (what: {
    url: string;
    method: Method;
    editor: Identity;
    edits: [Edit, Edit];
    field: string;
    outsider: Identity;
  }) => {
    const read = await kit.call<ApiRow>(what.editor, 'GET', what.url);
    expect(read.status).toBe(200);
    const first = etagOf(read);
    expect(first).toBe(`"${String(read.body.version)}"`);

    const edited = await send(what.editor, what.method, what.url, what.edits[0], first);
    expect(edited.status).toBe(200);
    const second = etagOf(edited);
    expect(second).not.toBe(first);
    expect(edited.body.version).toBe(Number(JSON.parse(second)));

    // The colleague who read before that edit is refused, told the version now, and changes nothing.
    const stale = await send(what.editor, what.method, what.url, what.edits[1], first);
    expect(stale.status).toBe(412);
    expect(stale.body.currentETag).toBe(second);
    const after = await kit.call<ApiRow>(what.editor, 'GET', what.url);
    expect(after.body[what.field]).toEqual(what.edits[0][what.field]);
    expect(etagOf(after)).toBe(second);

    const without = await send(what.editor, what.method, what.url, what.edits[1]);
    expect(without.status).toBe(428);
    expect(without.body.detail).toContain('If-Match');
    const malformed = await send(what.editor, what.method, what.url, what.edits[1], 'version 2');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((error) => error.field)).toEqual(['If-Match']);

    // Who may not see the object learns nothing of its version, stale or not.
    expect((await send(otherArea, what.method, what.url, what.edits[1], second)).status).toBe(404);
    expect((await send(what.outsider, what.method, what.url, what.edits[1], first)).status).toBe(404);
    expect((await kit.call(what.editor, 'GET', what.url)).headers.etag).toBe(second);
  };

  it('edits a pupil only from the version read', async () => {
    const pupil = await call(admin, 'POST', '/pupils', { schoolId: school, firstName: 'Ifan', lastName: 'Morgan', yearGroup: 5 }, 201);
    await behavesLikeAnEditWithIfMatch({
      url: `/pupils/${pupil.id}`,
      method: 'PATCH',
      editor: head,
      edits: [{ firstName: 'Ifor' }, { firstName: 'Ivor' }],
      field: 'firstName',
      outsider: otherHead,
    });
  });

  it('edits a room only from the version read', async () => {
    const room = await call(admin, 'POST', '/rooms', { schoolId: school, name: 'Hall', capacity: 100 }, 201);
    await behavesLikeAnEditWithIfMatch({
      url: `/rooms/${room.id}`,
      method: 'PATCH',
      editor: head,
      edits: [{ capacity: 90 }, { capacity: 80 }],
      field: 'capacity',
      outsider: otherHead,
    });
  });

  it('validates the body before the version, and a roll-over made since the read makes an edit stale', async () => {
    const pupil = await call(admin, 'POST', '/pupils', { schoolId: otherSchool, firstName: 'Nia', lastName: 'Roberts', yearGroup: 3 }, 201);
    const read = await kit.call(admin, 'GET', `/pupils/${pupil.id}`);
    const bad = await send(admin, 'PATCH', `/pupils/${pupil.id}`, { yearGroup: 'three' }, etagOf(read));
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.errors?.map((error) => error.field))).toEqual(new Set(['yearGroup']));
    await call(admin, 'POST', `/schools/${otherSchool}/roll-overs`, { academicYear: '2026-27', leaversLeftOn: '2026-07-22' }, 201);
    const stale = await send(admin, 'PATCH', `/pupils/${pupil.id}`, { yearGroup: 3 }, etagOf(read));
    expect(stale.status).toBe(412);
    expect((await kit.call<ApiRow>(admin, 'GET', `/pupils/${pupil.id}`)).body.yearGroup).toBe(4);
  });

  it('lets two tutors of a session share its rehearsal note without losing each other’s words', async () => {
    const url = `/occurrences/${occurrenceId}/rehearsal-note`;
    const [tomos, sian] = tutors;
    expect((await kit.call(tomos, 'GET', url)).status).toBe(404);
    const noNote = await send(tomos, 'PUT', url, { repertoire: ['Ode to Joy'] }, '"1"');
    expect(noNote.status).toBe(412);

    // The first note needs no If-Match; it answers the ETag for the next edit.
    const created = await send(tomos, 'PUT', url, { repertoire: ['Ode to Joy'], notes: 'Bow holds' });
    expect(created.status).toBe(200);
    const first = etagOf(created);
    const seenBySian = await kit.call<ApiRow>(sian, 'GET', url);
    expect(etagOf(seenBySian)).toBe(first);

    const sianSaves = await send(sian, 'PUT', url, { repertoire: ['Ode to Joy'], notes: 'Bow holds; Cy led the round' }, first);
    expect(sianSaves.status).toBe(200);
    const second = etagOf(sianSaves);
    expect(second).not.toBe(first);

    const tomosSaves = await send(tomos, 'PUT', url, { repertoire: ['Ode to Joy'], notes: 'Bow holds and posture' }, first);
    expect(tomosSaves.status).toBe(412);
    expect(tomosSaves.body.currentETag).toBe(second);
    expect((await kit.call<ApiRow>(tomos, 'GET', url)).body).toMatchObject({ notes: 'Bow holds; Cy led the round', version: 2 });

    // Writing "the first note" when there is one already (written meanwhile) is refused too.
    const blind = await send(tomos, 'PUT', url, { repertoire: ['Skye Boat Song'] });
    expect(blind.status).toBe(428);
    expect(blind.body.currentETag).toBe(second);
    expect((await send(tomos, 'PUT', url, { repertoire: ['Skye Boat Song'] }, 'W/2')).body.errors?.map((error) => error.field)).toEqual([
      'If-Match',
    ]);

    expect((await send(otherArea, 'PUT', url, { repertoire: ['Skye Boat Song'] }, second)).status).toBe(404);
    expect((await send(tutorOf(tenantId, [otherSchool]), 'PUT', url, { repertoire: ['Skye Boat Song'] }, first)).status).toBe(404);

    const again = await send(
      tomos,
      'PUT',
      url,
      { repertoire: ['Ode to Joy'], notes: 'Bow holds; Cy led the round; posture next time' },
      second,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 3, authorUserId: tomos.userId });
  });

  it('replaces a session’s tutors only from the version read', async () => {
    const url = `/occurrences/${occurrenceId}`;
    const read = await kit.call<ApiRow>(head, 'GET', url);
    const replaced = await send(head, 'PUT', `${url}/tutors`, { staffIds: [tutorStaff[0]] }, etagOf(read));
    expect(replaced.status).toBe(200);
    expect(replaced.body.tutorIds).toEqual([tutorStaff[0]]);
    const stale = await send(admin, 'PUT', `${url}/tutors`, { staffIds: [tutorStaff[1]] }, etagOf(read));
    expect(stale.status).toBe(412);
    expect(stale.body.currentETag).toBe(etagOf(replaced));
    expect((await kit.call<ApiRow>(head, 'GET', url)).body.tutorIds).toEqual([tutorStaff[0]]);
    expect((await send(head, 'PUT', `${url}/tutors`, { staffIds: tutorStaff })).status).toBe(428);
    expect((await send(otherHead, 'PUT', `${url}/tutors`, { staffIds: tutorStaff }, etagOf(replaced))).status).toBe(404);
  });
});
