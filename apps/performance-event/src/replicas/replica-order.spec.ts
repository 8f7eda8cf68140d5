import type { EventCatalog } from '@tutti/contracts';
import { newId } from '@tutti/platform';
import { newTenantId } from '@tutti/testing';
import { rerunHandler, usePerformanceTestKit } from '../testing/performance-test-kit';

const MINUTE = 60_000;
const origin = Date.parse('2026-09-01T08:00:00Z');
/** t(n): n minutes after the first event of a story; the later n, the newer the event. */
const t = (minutes: number) => new Date(origin + minutes * MINUTE);

interface PupilRow {
  school_id: string;
  display_name: string;
  left_on: string | null;
}

describe('replica pupils keep the newest state whatever order events are applied in', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const [schoolA, schoolB, schoolC] = [newId(), newId(), newId()];

  const pupilRow = async (pupilId: string): Promise<PupilRow> => {
    const found: PupilRow[] = await kit.db.query(
      `SELECT school_id, display_name, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM replica_pupils WHERE tenant_id = $1 AND pupil_id = $2`,
      [tenantId, pupilId],
    );
    return found[0];
  };
  const wholeRow = async (pupilId: string): Promise<unknown> =>
    (await kit.db.query(`SELECT * FROM replica_pupils WHERE tenant_id = $1 AND pupil_id = $2`, [tenantId, pupilId]))[0];

  const enrolled = (pupilId: string, schoolId: string, firstName: string, lastName: string, at: Date) =>
    kit.applyEvent(
      tenantId,
      'scheduling.pupil.enrolled',
      { version: 1, pupilId, schoolId, classId: null, yearGroup: 5, firstName, lastName },
      at,
    );
  const moved = (pupilId: string, fromSchoolId: string, toSchoolId: string, at: Date) =>
    kit.applyEvent(
      tenantId,
      'scheduling.pupil.moved',
      { version: 1, pupilId, fromSchoolId, toSchoolId, fromClassId: null, toClassId: null, yearGroup: 5 },
      at,
    );
  const left = (pupilId: string, schoolId: string, leftOn: string, at: Date) =>
    kit.applyEvent(tenantId, 'scheduling.pupil.left', { version: 1, pupilId, schoolId, leftOn, reason: 'left' }, at);
  const detailsChanged = (pupilId: string, schoolId: string, firstName: string, lastName: string, at: Date) =>
    kit.applyEvent(tenantId, 'scheduling.pupil.details-changed', { version: 1, pupilId, schoolId, yearGroup: 5, firstName, lastName }, at);
  const snapshot = (members: EventCatalog['scheduling.ensemble.membership-changed']['members'], at: Date) =>
    kit.applyEvent(
      tenantId,
      'scheduling.ensemble.membership-changed',
      { version: 1, ensembleId: newId(), schoolId: null, ensembleName: 'Wind Band', members },
      at,
    );

  it('keeps a leave when the enrolment before it is applied after it, and clears it on a later re-enrolment', async () => {
    const pupilId = newId();
    await enrolled(pupilId, schoolA, 'Amara', 'Okafor', t(0));
    await left(pupilId, schoolA, '2026-09-03', t(3));
    await enrolled(pupilId, schoolA, 'Amara', 'Okafor', t(1));
    expect(await pupilRow(pupilId)).toEqual({ school_id: schoolA, display_name: 'Amara Okafor', left_on: '2026-09-03' });
    await enrolled(pupilId, schoolB, 'Amara', 'Okafor', t(5));
    expect(await pupilRow(pupilId)).toEqual({ school_id: schoolB, display_name: 'Amara Okafor', left_on: null });
  });

  it('keeps the newer school when an older move is applied after a newer one', async () => {
    const pupilId = newId();
    await enrolled(pupilId, schoolA, 'Ben', 'Hughes', t(0));
    await moved(pupilId, schoolB, schoolC, t(2));
    await moved(pupilId, schoolA, schoolB, t(1));
    expect(await pupilRow(pupilId)).toMatchObject({ school_id: schoolC, left_on: null });
  });

  it('keeps a corrected name when an older enrolment arrives, yet takes that enrolment’s newer place', async () => {
    const pupilId = newId();
    await snapshot([{ pupilId, schoolId: schoolA, displayName: 'Jon Smith', instrument: 'flute' }], t(0));
    await detailsChanged(pupilId, schoolA, 'Jonathan', 'Smith', t(3));
    await enrolled(pupilId, schoolB, 'Jon', 'Smith', t(1));
    expect(await pupilRow(pupilId)).toEqual({ school_id: schoolB, display_name: 'Jonathan Smith', left_on: null });
  });

  it('lets neither a newer move undo an older name nor a newer name undo an older move, nor an older snapshot either', async () => {
    const movedFirst = newId();
    await enrolled(movedFirst, schoolA, 'Sam', 'Lee', t(0));
    await moved(movedFirst, schoolA, schoolB, t(3));
    await detailsChanged(movedFirst, schoolA, 'Samuel', 'Lee', t(2));
    expect(await pupilRow(movedFirst)).toEqual({ school_id: schoolB, display_name: 'Samuel Lee', left_on: null });

    const renamedFirst = newId();
    await enrolled(renamedFirst, schoolA, 'Priya', 'Shah', t(0));
    await detailsChanged(renamedFirst, schoolA, 'Priya', 'Shah-Patel', t(3));
    await moved(renamedFirst, schoolA, schoolC, t(2));
    expect(await pupilRow(renamedFirst)).toEqual({ school_id: schoolC, display_name: 'Priya Shah-Patel', left_on: null });

    await snapshot(
      [
        { pupilId: movedFirst, schoolId: schoolA, displayName: 'Sam Lee', instrument: 'oboe' },
        { pupilId: renamedFirst, schoolId: schoolA, displayName: 'Priya Shah', instrument: 'clarinet' },
      ],
      t(1),
    );
    expect(await pupilRow(movedFirst)).toEqual({ school_id: schoolB, display_name: 'Samuel Lee', left_on: null });
    expect(await pupilRow(renamedFirst)).toEqual({ school_id: schoolC, display_name: 'Priya Shah-Patel', left_on: null });
  });

  it('takes a newer ensemble snapshot’s school and name but leaves a leave alone', async () => {
    const pupilId = newId();
    await enrolled(pupilId, schoolA, 'Chloe', 'Price', t(0));
    await left(pupilId, schoolA, '2026-09-02', t(1));
    await snapshot([{ pupilId, schoolId: schoolB, displayName: 'Chloe Price-Evans', instrument: 'horn' }], t(2));
    expect(await pupilRow(pupilId)).toEqual({ school_id: schoolB, display_name: 'Chloe Price-Evans', left_on: '2026-09-02' });
  });

  it('changes nothing when the same events are applied again', async () => {
    const pupilId = newId();
    const enrolment = await enrolled(pupilId, schoolA, 'Dev', 'Patel', t(0));
    const move = await moved(pupilId, schoolA, schoolB, t(1));
    const rename = await detailsChanged(pupilId, schoolB, 'Devan', 'Patel', t(2));
    const leave = await left(pupilId, schoolB, '2026-09-04', t(3));
    const settled = await wholeRow(pupilId);
    for (const event of [leave, rename, move, enrolment]) await rerunHandler(kit, event);
    for (const event of [enrolment, move, rename, leave]) await rerunHandler(kit, event);
    expect(await wholeRow(pupilId)).toEqual(settled);
    expect(await pupilRow(pupilId)).toEqual({ school_id: schoolB, display_name: 'Devan Patel', left_on: '2026-09-04' });
  });
});
