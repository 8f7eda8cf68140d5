import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { viewerOf } from '../performances/viewer';
import { PrintablesService } from '../printables/printables.service';
import { pdfText } from '@tutti/testing';
import {
  feedConsent,
  feedEnsemble,
  fieldsOf,
  insertPerformance,
  insertVenue,
  member,
  usePerformanceTestKit,
} from '../testing/performance-test-kit';

const DAY = 86_400_000;

describe('rosters from ensembles, consent flags and the running order', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const schoolA = newId();
  const schoolB = newId();
  const strings = newId();
  const brass = newId();
  const [amara, ben, chloe] = [member(schoolA, 'Amara Okafor'), member(schoolA, 'Ben Hughes'), member(schoolA, 'Chloe Price', 'cello')];
  const [dev, ella] = [member(schoolB, 'Dev Patel', 'trumpet'), member(schoolB, 'Ella Jones', 'trombone')];
  const extra = member(schoolA, 'Finn Walsh');
  const admin = personas.programmeAdmin(tenantId);
  let performanceId: string;
  let etag: string;
  const start = new Date(Date.now() + 20 * DAY);

  beforeAll(async () => {
    await kit.applyEvent(tenantId, 'scheduling.school.created', {
      version: 1,
      schoolId: schoolA,
      name: 'Faith Primary',
      urn: null,
      phase: 'primary',
    });
    await feedEnsemble(kit, tenantId, strings, schoolA, [amara, ben, chloe], 'Faith Strings');
    await feedEnsemble(kit, tenantId, brass, schoolB, [dev, ella], 'Everton Brass');
    await kit.applyEvent(tenantId, 'scheduling.pupil.enrolled', {
      version: 1,
      pupilId: extra.pupilId,
      schoolId: schoolA,
      classId: null,
      yearGroup: 4,
      firstName: 'Finn',
      lastName: 'Walsh',
    });
    await feedConsent(kit, tenantId, amara.pupilId, 'photo_film', true);
    await feedConsent(kit, tenantId, amara.pupilId, 'performing_in_public', true);
    await feedConsent(kit, tenantId, ben.pupilId, 'photo_film', false);
    await feedConsent(kit, tenantId, dev.pupilId, 'photo_film', true);
    const venueId = await insertVenue(kit, tenantId);
    const created = await kit.call(admin, 'POST', '/performances', {
      title: 'Side by Side',
      venueId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      audience: 'public',
      ensembleIds: [strings, brass],
    });
    performanceId = created.json().id;
  });

  const roster = async (identity = admin) =>
    (await kit.call(identity, 'GET', `/performances/${performanceId}/roster`)).json().items as {
      pupilId: string;
      displayName: string;
      flags: string[];
      consents: object;
    }[];

  it('ignores a stale ensemble snapshot and applies each consent only if newer', async () => {
    await kit.applyEvent(
      tenantId,
      'scheduling.ensemble.membership-changed',
      { version: 1, ensembleId: strings, schoolId: schoolA, members: [] },
      new Date(Date.now() - DAY),
    );
    await kit.applyEvent(
      tenantId,
      'engagement.consent.changed',
      { version: 1, pupilId: amara.pupilId, kind: 'photo_film', granted: false, note: null },
      new Date(Date.now() - DAY),
    );
    const members = await kit.db.query(
      'SELECT count(*)::int AS n FROM replica_ensemble_members WHERE tenant_id = $1 AND ensemble_id = $2',
      [tenantId, strings],
    );
    expect(members[0].n).toBe(3);
  });

  it('builds the roster from the ensembles’ members, with consent states and flags', async () => {
    const built = await kit.call(admin, 'POST', `/performances/${performanceId}/roster/build`);
    expect(built.statusCode).toBe(200);
    expect(built.json()).toMatchObject({ performers: 5, fromEnsembles: 5, added: 0, keptRemoved: 0, firstChanceThisYear: 5 });
    const items = await roster();
    expect(items.map((p) => p.displayName)).toEqual(['Amara Okafor', 'Ben Hughes', 'Chloe Price', 'Dev Patel', 'Ella Jones']);
    expect(items[0]).toMatchObject({ consents: { photoFilm: 'granted', performingInPublic: 'granted' }, flags: [] });
    // Refused (keep the child out) and not answered (chase the family) are told apart.
    expect(items[1]).toMatchObject({
      consents: { photoFilm: 'refused', performingInPublic: 'not_answered' },
      flags: ['photo_film_refused', 'public_performance_not_answered'],
    });
    expect(items[2]).toMatchObject({
      consents: { photoFilm: 'not_answered', performingInPublic: 'not_answered' },
      flags: ['photo_film_not_answered', 'public_performance_not_answered'],
    });
    expect(items[3]).toMatchObject({
      consents: { photoFilm: 'granted', performingInPublic: 'not_answered' },
      flags: ['public_performance_not_answered'],
    });
  });

  it('keeps additions and removals when rebuilt, and follows the ensembles', async () => {
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/roster/performers`, { pupilId: extra.pupilId })).statusCode).toBe(
      201,
    );
    expect((await kit.call(admin, 'DELETE', `/performances/${performanceId}/roster/performers/${ella.pupilId}`)).statusCode).toBe(204);
    await feedEnsemble(kit, tenantId, strings, schoolA, [amara, ben], 'Faith Strings');
    const rebuilt = (await kit.call(admin, 'POST', `/performances/${performanceId}/roster/build`)).json();
    expect(rebuilt).toMatchObject({ performers: 4, fromEnsembles: 3, added: 1, keptRemoved: 1 });
    expect((await roster()).map((p) => p.displayName)).toEqual(['Amara Okafor', 'Ben Hughes', 'Dev Patel', 'Finn Walsh']);
    await feedEnsemble(kit, tenantId, strings, schoolA, [amara, ben, chloe], 'Faith Strings');
    await kit.call(admin, 'POST', `/performances/${performanceId}/roster/build`);
  });

  it('refuses an unknown pupil, or one of another area, naming the field', async () => {
    const elsewhere = member(newId(), 'Olu Adeyemi');
    await feedEnsemble(kit, newTenantId(), newId(), elsewhere.schoolId, [elsewhere], 'Their Strings');
    for (const pupilId of [newId(), elsewhere.pupilId]) {
      const response = await kit.call(admin, 'POST', `/performances/${performanceId}/roster/performers`, { pupilId });
      expect(response.statusCode).toBe(404);
      expect(fieldsOf(response)).toEqual(['pupilId']);
    }
  });

  it('tells another school’s headteacher a pupil is not found before telling them the roster is final', async () => {
    const venueId = await insertVenue(kit, tenantId, 'Old Hall');
    const completed = await insertPerformance(kit, tenantId, venueId, {
      title: 'Last Term',
      startsAt: new Date(Date.now() - 30 * DAY),
      status: 'completed',
      ensembleIds: [strings, brass],
    });
    const headBIdentity = personas.headteacher(tenantId, schoolB);
    const response = await kit.call(headBIdentity, 'POST', `/performances/${completed}/roster/performers`, { pupilId: amara.pupilId });
    expect(response.statusCode).toBe(404);
    expect(fieldsOf(response)).toEqual(['pupilId']);
    expect(response.body).not.toContain('final');
    // Their own pupil: the roster's state is the answer.
    expect(
      (await kit.call(headBIdentity, 'POST', `/performances/${completed}/roster/performers`, { pupilId: dev.pupilId })).statusCode,
    ).toBe(409);
  });

  it('suggests pupils of the schools taking part who are not on the roster', async () => {
    const response = await kit.call(admin, 'GET', `/performances/${performanceId}/roster/suggestions`);
    expect(response.json().items.map((s: { displayName: string }) => s.displayName)).toEqual(['Ella Jones']);
    // A corrected name in scheduling shows here too.
    await kit.applyEvent(tenantId, 'scheduling.pupil.details-changed', {
      version: 1,
      pupilId: ella.pupilId,
      schoolId: schoolB,
      yearGroup: 5,
      firstName: 'Ella',
      lastName: 'Jones-Brown',
    });
    const renamed = await kit.call(admin, 'GET', `/performances/${performanceId}/roster/suggestions`);
    expect(renamed.json().items.map((s: { displayName: string }) => s.displayName)).toEqual(['Ella Jones-Brown']);
  });

  it('shows staff their own schools’ children only, a guardian only their own, another area nothing', async () => {
    expect((await roster(personas.tutor(tenantId, [schoolB]))).map((p) => p.displayName)).toEqual(['Dev Patel']);
    expect((await roster(personas.schoolStaff(tenantId, schoolA))).map((p) => p.displayName)).toEqual([
      'Amara Okafor',
      'Ben Hughes',
      'Chloe Price',
      'Finn Walsh',
    ]);
    // A draft is not shown to families yet.
    const guardian = personas.guardian(tenantId, [{ pupilId: ben.pupilId, schoolId: schoolA }]);
    expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/roster`)).statusCode).toBe(404);
    await kit.call(admin, 'POST', `/performances/${performanceId}/publish`);
    expect((await roster(guardian)).map((p) => p.displayName)).toEqual(['Ben Hughes']);
    expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/roster/suggestions`)).statusCode).toBe(403);
    expect(
      (await kit.call(personas.guardian(tenantId, [{ pupilId: newId(), schoolId: schoolA }]), 'GET', `/performances/${performanceId}`))
        .statusCode,
    ).toBe(404);
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', `/performances/${performanceId}/roster`)).statusCode).toBe(404);
    expect(
      (
        await kit.call(
          personas.headteacher(tenantId, schoolB),
          'DELETE',
          `/performances/${performanceId}/roster/performers/${amara.pupilId}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  describe('running order', () => {
    const item = (piece: string, minutes: number, extra: object = {}) => ({
      piece,
      composer: 'Trad.',
      durationSeconds: minutes * 60,
      ...extra,
    });

    it('refuses a running order longer than the slot, saying by how much', async () => {
      const current = await kit.call(admin, 'GET', `/performances/${performanceId}/running-order`);
      etag = current.headers.etag as string;
      const response = await kit.call(
        admin,
        'PUT',
        `/performances/${performanceId}/running-order`,
        { items: [item('Overture', 20), item('Finale', 12, { ensembleId: brass })] },
        { 'if-match': etag },
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toContain('2 min longer than the slot (30 min)');
      expect(response.json().conflicts).toEqual([{ field: 'items', totalSeconds: 1920, slotSeconds: 1800, overBySeconds: 120 }]);
    });

    it('saves, reorders with If-Match, and refuses a stale write', async () => {
      const saved = await kit.call(
        admin,
        'PUT',
        `/performances/${performanceId}/running-order`,
        {
          items: [
            item('Ode to Joy', 5, { ensembleId: strings, soloistPupilIds: [amara.pupilId, ben.pupilId] }),
            item('Fanfare', 3, { ensembleId: brass, guestSoloists: ['Jo Bloggs'] }),
          ],
        },
        { 'if-match': etag },
      );
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ totalSeconds: 480, slotSeconds: 1800, remainingSeconds: 1320 });
      const [ode, fanfare] = saved.json().items;
      expect(ode).toMatchObject({
        ensembleName: 'Faith Strings',
        soloists: [{ displayName: 'Amara Okafor' }, { displayName: 'Ben Hughes' }],
      });
      const reordered = await kit.call(
        admin,
        'PUT',
        `/performances/${performanceId}/running-order`,
        {
          items: [
            { ...item('Fanfare', 3, { ensembleId: brass }), id: fanfare.id },
            { ...item('Ode to Joy', 5, { ensembleId: strings, soloistPupilIds: [amara.pupilId, ben.pupilId] }), id: ode.id },
          ],
        },
        { 'if-match': saved.headers.etag as string },
      );
      expect(reordered.json().items.map((i: { id: string }) => i.id)).toEqual([fanfare.id, ode.id]);
      expect(
        (
          await kit.call(
            admin,
            'PUT',
            `/performances/${performanceId}/running-order`,
            { items: [] },
            { 'if-match': saved.headers.etag as string },
          )
        ).statusCode,
      ).toBe(412);
      // A tutor of the other school sees the piece but not another school's soloists' names.
      const seenByTutorB = (
        await kit.call(personas.tutor(tenantId, [schoolB]), 'GET', `/performances/${performanceId}/running-order`)
      ).json();
      expect(seenByTutorB.items[1].soloists).toEqual([
        { pupilId: amara.pupilId, displayName: null },
        { pupilId: ben.pupilId, displayName: null },
      ]);
    });

    it.each([
      ['a soloist not on the roster', { soloistPupilIds: [ella.pupilId] }, 404, 'items[0].soloistPupilIds[0]'],
      ['an ensemble not taking part', { ensembleId: newId() }, 404, 'items[0].ensembleId'],
      ['a zero duration', { durationSeconds: 0 }, 400, 'items[0].durationSeconds'],
    ])('refuses %s naming the field', async (_what, overrides, status, field) => {
      const current = await kit.call(admin, 'GET', `/performances/${performanceId}/running-order`);
      const response = await kit.call(
        admin,
        'PUT',
        `/performances/${performanceId}/running-order`,
        { items: [item('Piece', 2, overrides)] },
        { 'if-match': current.headers.etag as string },
      );
      expect(response.statusCode).toBe(status);
      expect(fieldsOf(response)).toEqual([field]);
    });

    it('refuses to move the performance into a slot shorter than its running order', async () => {
      const current = await kit.call(admin, 'GET', `/performances/${performanceId}`);
      const response = await kit.call(
        admin,
        'POST',
        `/performances/${performanceId}/move`,
        { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 5 * 60_000).toISOString() },
        { 'if-match': current.headers.etag as string },
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().conflicts[0]).toMatchObject({ field: 'endsAt', overBySeconds: 180 });
    });
  });

  describe('printables', () => {
    it('flags pupils without photo/film consent on the staff run sheet', async () => {
      const response = await kit.call(admin, 'GET', `/performances/${performanceId}/run-sheet.html`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      const rowOf = (name: string) => response.body.split('<tr>').find((row) => row.includes(`<td>${name}</td>`)) ?? '';
      expect(rowOf('Amara Okafor')).not.toContain('NO PHOTO/FILM');
      expect(rowOf('Ben Hughes')).toContain('NO PHOTO/FILM: REFUSED');
      expect(rowOf('Finn Walsh')).toContain('NO PHOTO/FILM: NOT ANSWERED, CHASE FAMILY');
      expect(rowOf('Finn Walsh')).not.toContain('REFUSED');
      expect(rowOf('Dev Patel')).not.toContain('NO PHOTO/FILM');
      expect(response.body).toContain('Performers (5; no photo/film: 1 refused, 2 not answered)');
    });

    it('names in the audience programme only children whose families consented', async () => {
      const response = await kit.call(admin, 'GET', `/performances/${performanceId}/programme.html`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Amara Okafor');
      for (const name of ['Ben Hughes', 'Chloe Price', 'Dev Patel', 'Finn Walsh']) expect(response.body).not.toContain(name);
      expect(response.body).toContain('…and 4 more young musicians.');
      expect(response.body).toContain('a young soloist');
    });

    it('serves the audience programme as a PDF naming only children whose families consented', async () => {
      const response = await kit.call(admin, 'GET', `/performances/${performanceId}/programme.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('inline; filename="side-by-side-programme.pdf"');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const { pdf } = await kit.app.get(PrintablesService).programmePdf(viewerOf(admin), performanceId, { compress: false });
      const text = pdfText(pdf).join('\n');
      expect(text).toContain('Amara Okafor');
      for (const name of ['Ben Hughes', 'Chloe Price', 'Dev Patel', 'Finn Walsh']) expect(text).not.toContain(name);
      expect(text).toContain('…and 4 more young musicians.');
    });

    it('flags pupils without photo/film consent on the staff run sheet PDF', async () => {
      const response = await kit.call(admin, 'GET', `/performances/${performanceId}/run-sheet.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('inline; filename="side-by-side-run-sheet.pdf"');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const { pdf } = await kit.app.get(PrintablesService).runSheetPdf(viewerOf(admin), performanceId, { compress: false });
      const text = pdfText(pdf);
      // Each table row draws its cells in order: name, school, instrument, then the flags.
      const watchFor = (name: string) => {
        const at = text.indexOf(name);
        expect(at).toBeGreaterThanOrEqual(0);
        const next = text.findIndex(
          (line, i) =>
            i > at && ['Amara Okafor', 'Ben Hughes', 'Chloe Price', 'Dev Patel', 'Ella Jones-Brown', 'Finn Walsh'].includes(line),
        );
        return text.slice(at, next === -1 ? undefined : next).join(' ');
      };
      expect(text).toContain('Performers (5; no photo/film: 1 refused, 2 not answered)');
      expect(watchFor('Amara Okafor')).not.toContain('NO PHOTO/FILM');
      expect(watchFor('Ben Hughes')).toContain('REFUSED');
      expect(watchFor('Finn Walsh')).toContain('NOT ANSWERED');
      expect(watchFor('Finn Walsh')).not.toContain('REFUSED');
      expect(watchFor('Dev Patel')).not.toContain('NO PHOTO/FILM');
    });

    it('refuses the PDFs to guardians and answers 404 for a performance the caller may not see', async () => {
      const guardian = personas.guardian(tenantId, [{ pupilId: ben.pupilId, schoolId: schoolA }]);
      expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/run-sheet.pdf`)).statusCode).toBe(403);
      expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/programme.pdf`)).statusCode).toBe(403);
      expect(
        (await kit.call(personas.programmeAdmin(newTenantId()), 'GET', `/performances/${performanceId}/run-sheet.pdf`)).statusCode,
      ).toBe(404);
    });

    it('is not for guardians', async () => {
      const guardian = personas.guardian(tenantId, [{ pupilId: ben.pupilId, schoolId: schoolA }]);
      expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/run-sheet.html`)).statusCode).toBe(403);
    });

    // Who may print the programme: the programme admin and the staff of the schools taking part, since
    // it is what the audience reads; it names only children whose families granted public performance.
    it('gives the programme to the admin and staff of the schools taking part only, naming only children with consent granted now', async () => {
      await feedConsent(kit, tenantId, dev.pupilId, 'performing_in_public', true);
      await feedConsent(kit, tenantId, ben.pupilId, 'performing_in_public', false);
      // Withdrawn: the family granted, then said no.
      await kit.applyEvent(
        tenantId,
        'engagement.consent.changed',
        { version: 1, pupilId: amara.pupilId, kind: 'performing_in_public', granted: false, note: null },
        new Date(Date.now() + 1000),
      );
      const schoolC = newId();
      const takingPart = [
        admin,
        personas.headteacher(tenantId, schoolA),
        personas.tutor(tenantId, [schoolA]),
        personas.schoolStaff(tenantId, schoolA),
        personas.headteacher(tenantId, schoolB),
        personas.tutor(tenantId, [schoolB]),
      ];
      for (const identity of takingPart) {
        const response = await kit.call(identity, 'GET', `/performances/${performanceId}/programme.html`);
        expect(response.statusCode).toBe(200);
        expect(response.body).toContain('Dev Patel');
        for (const name of ['Amara Okafor', 'Ben Hughes', 'Chloe Price', 'Finn Walsh']) expect(response.body).not.toContain(name);
        expect((await kit.call(identity, 'GET', `/performances/${performanceId}/programme.pdf`)).statusCode).toBe(200);
      }
      const notTakingPart = [
        personas.headteacher(tenantId, schoolC),
        personas.tutor(tenantId, [schoolC]),
        personas.schoolStaff(tenantId, schoolC),
        personas.programmeAdmin(newTenantId()),
      ];
      for (const identity of notTakingPart) {
        for (const file of ['programme.html', 'programme.pdf', 'run-sheet.html', 'run-sheet.pdf']) {
          const response = await kit.call(identity, 'GET', `/performances/${performanceId}/${file}`);
          expect(response.statusCode).toBe(404);
          expect(response.body).not.toContain('Dev Patel');
        }
      }
      const guardian = personas.guardian(tenantId, [{ pupilId: dev.pupilId, schoolId: schoolB }]);
      expect((await kit.call(guardian, 'GET', `/performances/${performanceId}/programme.html`)).statusCode).toBe(403);
      // The run sheet stays the caller's own school's children.
      const runSheetB = await kit.call(personas.tutor(tenantId, [schoolB]), 'GET', `/performances/${performanceId}/run-sheet.html`);
      expect(runSheetB.body).toContain('Dev Patel');
      for (const name of ['Amara Okafor', 'Ben Hughes', 'Chloe Price', 'Finn Walsh']) expect(runSheetB.body).not.toContain(name);
      expect(runSheetB.body).toContain('Performers (1; no photo/film: 0 refused, 0 not answered)');
    });
  });
});
