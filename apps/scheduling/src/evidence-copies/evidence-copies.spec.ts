import type { FamilySessionAttendanceV1 } from '@tutti/contracts';
import { applyEvent, MessagingHandlers } from '@tutti/messaging';
import { newId, rows } from '@tutti/platform';
import { newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';

/** Scheduling's copy of family-session attendance (issue 18), as parent-engagement's events make it. */
describe('evidence copies: family-session attendance', () => {
  const kit = useSchedulingTestKit();
  const tenantId = newTenantId();
  const signUpId = newId();
  const mark = (attended: boolean | null): FamilySessionAttendanceV1 => ({
    version: 1,
    signUpId,
    sessionId: newId(),
    sessionStartsAt: '2026-02-10T16:00:00.000Z',
    guardianId: newId(),
    schoolIds: [newId()],
    attended,
  });
  const copy = () =>
    rows<{ took_part: boolean; checked_in: boolean }>(
      kit.db,
      `SELECT took_part, checked_in FROM family_engagement WHERE tenant_id = $1 AND kind = 'family_session' AND source_id = $2`,
      [tenantId, signUpId],
    );

  it('takes a mark back when a re-signup says so (attended: null), once however often it is delivered, and an older mark arriving late does not undo it', async () => {
    const at = (minute: number): Date => new Date(Date.UTC(2026, 1, 10, 17, minute));
    const attended = await kit.applyEvent(tenantId, 'engagement.family-session.attendance-marked', mark(true), at(0));
    expect(await copy()).toEqual([{ took_part: true, checked_in: true }]);

    const takenBack = await kit.applyEvent(tenantId, 'engagement.family-session.attendance-marked', mark(null), at(5));
    expect(await copy()).toEqual([{ took_part: false, checked_in: false }]);

    // Redelivered: remembered by event id, applied once.
    const handlers = kit.app.get(MessagingHandlers).handlers;
    await applyEvent(kit.db, 'scheduling', handlers, takenBack);
    await applyEvent(kit.db, 'scheduling', handlers, attended);
    const processed = await rows<{ n: number }>(
      kit.db,
      'SELECT count(*)::int AS n FROM processed_events WHERE tenant_id = $1 AND event_id = ANY($2::uuid[])',
      [tenantId, [attended.id, takenBack.id]],
    );
    expect(processed).toEqual([{ n: 2 }]);
    expect(await copy()).toEqual([{ took_part: false, checked_in: false }]);

    // The old mark republished (a new event id) with its own, earlier time does not bring it back; a later mark does.
    await kit.applyEvent(tenantId, 'engagement.family-session.attendance-marked', mark(true), at(1));
    expect(await copy()).toEqual([{ took_part: false, checked_in: false }]);
    await kit.applyEvent(tenantId, 'engagement.family-session.attendance-marked', mark(true), at(10));
    expect(await copy()).toEqual([{ took_part: true, checked_in: true }]);
  });
});
