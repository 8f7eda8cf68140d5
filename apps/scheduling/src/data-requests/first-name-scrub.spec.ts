import type { DataRequestOpenedV1 } from '@tutti/contracts';
import { rows } from '@tutti/platform';
import { answerDataRequest } from '@tutti/testing';
import { expecting } from '../testing/api';
import { adminOf, newTenantId } from '../testing/identities';
import { useSchedulingTestKit } from '../testing/scheduling-test-kit';
import { jsPatterns, sqlPatterns } from './names';

type Request = Omit<DataRequestOpenedV1, 'version' | 'requestId'>;

describe('erasure: a first name alone, in the texts about the pupil’s sessions only', () => {
  const kit = useSchedulingTestKit();
  let call: ReturnType<typeof expecting>;
  const tenantId = newTenantId();
  const admin = adminOf(tenantId);
  const pseudonym = 'Pupil 4C1E';
  let pupil: string;
  /** Occurrence ids: of her ensemble while she was in it, of her school's other ensemble, of another school's. */
  const sessions: Record<'hers' | 'notHers' | 'otherSchool', string> = { hers: '', notHers: '', otherSchool: '' };

  const ensembleWithSession = async (schoolId: string, name: string, day: string): Promise<{ ensemble: string; occurrence: string }> => {
    const ensemble = (await call(admin, 'POST', '/ensembles', { schoolId, name, kind: 'band', strand: 'after_school' }, 201)).id;
    await call(
      admin,
      'POST',
      '/sessions',
      { ensembleId: ensemble, recurrence: 'once', firstOn: day, startTime: '15:30', durationMinutes: 45 },
      201,
    );
    const occurrences = await call<{ items: { id: string; ensembleId: string }[] }>(admin, 'GET', '/occurrences', undefined, 200);
    const occurrence = occurrences.items.find((item) => item.ensembleId === ensemble)?.id ?? '';
    return { ensemble, occurrence };
  };
  const note = (occurrenceId: string, notes: string) =>
    call(admin, 'PUT', `/occurrences/${occurrenceId}/rehearsal-note`, { repertoire: ['Ode to Joy'], focus: 'rhythm', notes }, 200);
  const notes = async () =>
    Object.fromEntries(
      (
        await rows<{ occurrenceId: string; notes: string; version: number }>(
          kit.db,
          'SELECT occurrence_id AS "occurrenceId", notes, version FROM rehearsal_notes WHERE tenant_id = $1',
          [tenantId],
        )
      ).map((row) => [row.occurrenceId, row]),
    );

  beforeAll(async () => {
    call = expecting(kit);
    const school = (await call(admin, 'POST', '/schools', { name: 'Łąka Primary', phase: 'primary' }, 201)).id;
    const otherSchool = (await call(admin, 'POST', '/schools', { name: 'Brook Primary', phase: 'primary' }, 201)).id;
    pupil = (await call(admin, 'POST', '/pupils', { schoolId: school, firstName: 'Łucja', lastName: 'Żak', yearGroup: 5 }, 201)).id;
    const band = await ensembleWithSession(school, 'Recorder Band', '2026-03-04');
    await call(
      admin,
      'POST',
      `/ensembles/${band.ensemble}/members`,
      { pupilId: pupil, instrument: 'recorder', joinedOn: '2026-01-05' },
      201,
    );
    sessions.hers = band.occurrence;
    sessions.notHers = (await ensembleWithSession(school, 'Ukulele Club', '2026-03-05')).occurrence;
    sessions.otherSchool = (await ensembleWithSession(otherSchool, 'Brook Strings', '2026-03-06')).occurrence;
    await note(sessions.hers, 'Łucja played well; ŁUCJA’s breathing better, lucja to lead. Łucjan from year 6 helped.');
    await note(sessions.notHers, 'Łucja played well');
    await note(sessions.otherSchool, 'Łucja played well');
    await call(admin, 'POST', `/occurrences/${sessions.hers}/cancel`, { reason: 'Łucja’s class trip' }, 200);
  });

  it('matches a name as a whole word, case and accents aside, in SQL as in JavaScript', () => {
    const text = 'Łucja, ŁUCJA’s lucja Łucjan xŁucja Żak, Łucja';
    expect(text.replace(jsPatterns({ firstName: 'Łucja', lastName: 'Żak' }).words, 'P')).toBe('P, P’s P Łucjan xŁucja P');
    expect(sqlPatterns({ firstName: 'Łucja', lastName: 'Żak' }).words).not.toContain('\\m');
  });

  it('scrubs "Łucja" in her ensemble’s session, not the same word in another ensemble’s or another school’s note', async () => {
    const before = await notes();
    const answer = await answerDataRequest(kit, tenantId, 'scheduling.data-request.answered', {
      kind: 'erasure',
      subject: { type: 'pupil', pupilId: pupil },
      retention: null,
      pseudonym,
    } satisfies Request);
    // Her session's note and its cancellation reason.
    expect(answer.actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ what: expect.stringMatching(/^free text naming the pupil/), rows: 2 })]),
    );
    const after = await notes();
    expect(after[sessions.hers]).toMatchObject({
      notes: `${pseudonym} played well; ${pseudonym}’s breathing better, ${pseudonym} to lead. Łucjan from year 6 helped.`,
      version: before[sessions.hers].version + 1,
    });
    expect(after[sessions.notHers]).toEqual(before[sessions.notHers]);
    expect(after[sessions.otherSchool]).toEqual(before[sessions.otherSchool]);
    const [cancelled] = await rows<{ reason: string }>(
      kit.db,
      'SELECT cancel_reason AS reason FROM occurrences WHERE tenant_id = $1 AND id = $2',
      [tenantId, sessions.hers],
    );
    expect(cancelled.reason).toBe(`${pseudonym}’s class trip`);
  });
});
