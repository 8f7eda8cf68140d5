import { newId } from '@tutti/platform';
import { newTenantId, personas } from '@tutti/testing';
import { feedConsent, feedEnsemble, feedSchool, insertVenue, member, usePerformanceTestKit } from '../testing/performance-test-kit';
import type { AuditedChildDto, ConsentAuditDto } from './dto/consent-audit.dto';

const DAY = 86_400_000;

describe('performance-event: the consent enforcement audit of a performance', () => {
  const kit = usePerformanceTestKit();
  const tenantId = newTenantId();
  const admin = personas.programmeAdmin(tenantId);
  const [schoolA, schoolB, schoolC] = [newId(), newId(), newId()];
  const [ensembleA, ensembleB] = [newId(), newId()];
  const allClear = member(schoolA, 'Ada Allclear');
  const photoWithdrawn = member(schoolA, 'Bea Photowithdrawn');
  const neverAnswered = member(schoolA, 'Cy Neveranswered');
  const publicWithdrawn = member(schoolB, 'Dot Publicwithdrawn');
  let performanceId: string;

  const audit = async (identity = admin) => {
    const response = await kit.call(identity, 'GET', `/performances/${performanceId}/consent-audit`);
    expect(response.statusCode).toBe(200);
    return response.json() as ConsentAuditDto;
  };
  const childOf = (report: ConsentAuditDto, pupilId: string): AuditedChildDto => {
    const found = report.children.find((child) => child.pupilId === pupilId);
    if (!found) throw new Error(`${pupilId} is not in the audit`);
    return found;
  };
  const mismatchesOf = (report: ConsentAuditDto, pupilId: string) =>
    childOf(report, pupilId)
      .mismatches.map((m) => `${m.where}:${m.consent}:${m.state}`)
      .sort();

  beforeAll(async () => {
    await feedSchool(kit, tenantId, schoolA, 'Faith Primary');
    await feedSchool(kit, tenantId, schoolB, 'Everton Primary');
    await feedSchool(kit, tenantId, schoolC, 'Anfield Primary');
    await feedEnsemble(kit, tenantId, ensembleA, schoolA, [allClear, photoWithdrawn, neverAnswered], 'Faith Strings');
    await feedEnsemble(kit, tenantId, ensembleB, schoolB, [publicWithdrawn], 'Everton Brass');
    for (const child of [allClear, photoWithdrawn, publicWithdrawn]) {
      await feedConsent(kit, tenantId, child.pupilId, 'performing_in_public', true);
      await feedConsent(kit, tenantId, child.pupilId, 'photo_film', true);
    }
    const venueId = await insertVenue(kit, tenantId, 'Philharmonic Hall');
    const startsAt = Date.now() + 30 * DAY;
    const created = await kit.call(admin, 'POST', '/performances', {
      // A title naming a child: the public listing shows it.
      title: 'Schools Gala with soloist Cy Neveranswered',
      venueId,
      schoolId: schoolA,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      audience: 'public',
      ensembleIds: [ensembleA, ensembleB],
    });
    expect(created.statusCode).toBe(201);
    performanceId = created.json().id;
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/publish`)).statusCode).toBeLessThan(300);
    expect((await kit.call(admin, 'POST', `/performances/${performanceId}/roster/build`)).statusCode).toBe(200);
    // Printed while every answer was still yes.
    expect((await kit.call(admin, 'GET', `/performances/${performanceId}/programme.html`)).statusCode).toBe(200);
    expect((await kit.call(admin, 'GET', `/performances/${performanceId}/run-sheet.pdf`)).statusCode).toBe(200);
    // Since then: one family refuses photos, another refuses performing in public.
    await feedConsent(kit, tenantId, photoWithdrawn.pupilId, 'photo_film', false);
    await feedConsent(kit, tenantId, publicWithdrawn.pupilId, 'performing_in_public', false);
  });

  it('lists every child of the programme, run sheet and public listing with their current consents and flags each mismatch', async () => {
    const report = await audit();
    expect(report).toMatchObject({
      performanceId,
      status: 'published',
      audience: 'public',
      publiclyListed: true,
      childrenWithMismatches: 3,
    });
    expect(report.children.map((child) => child.displayName).sort()).toEqual([
      'Ada Allclear',
      'Bea Photowithdrawn',
      'Cy Neveranswered',
      'Dot Publicwithdrawn',
    ]);

    expect(mismatchesOf(report, allClear.pupilId)).toEqual([]);
    expect(childOf(report, allClear.pupilId).appearances).toMatchObject({ runSheet: true, programme: 'named', publicListing: false });

    // Printed when photos were allowed: the run sheet in use does not flag the refusal.
    expect(mismatchesOf(report, photoWithdrawn.pupilId)).toEqual(['printed_run_sheet:photo_film:refused']);
    expect(childOf(report, photoWithdrawn.pupilId).consents).toEqual({ photoFilm: 'refused', performingInPublic: 'granted' });

    // Named in the printed programme, then the family refused: the printed copies, the run sheet and the roster itself.
    expect(mismatchesOf(report, publicWithdrawn.pupilId)).toEqual([
      'printed_programme:performing_in_public:refused',
      'printed_run_sheet:performing_in_public:refused',
      'public_performance:performing_in_public:refused',
    ]);
    const dot = childOf(report, publicWithdrawn.pupilId);
    expect(dot.appearances.programme).toBe('counted');
    expect(dot.appearances.printed.map((sheet) => [sheet.kind, sheet.named, sheet.consentsAsPrinted.performingInPublic])).toEqual([
      ['programme', true, 'granted'],
      ['run_sheet', true, 'granted'],
    ]);
    expect(dot.mismatches.find((m) => m.where === 'printed_programme')?.message).toContain('the family has since refused');

    // Never answered: not named in the programme (no mismatch there), but on a public roster and named by the title.
    expect(mismatchesOf(report, neverAnswered.pupilId)).toEqual([
      'public_listing:performing_in_public:not_answered',
      'public_performance:performing_in_public:not_answered',
    ]);
    expect(childOf(report, neverAnswered.pupilId).appearances).toMatchObject({ programme: 'counted', publicListing: true });
  });

  it('clears a printed-sheet mismatch once the sheet is reprinted with the current consents', async () => {
    expect((await kit.call(admin, 'GET', `/performances/${performanceId}/run-sheet.html`)).statusCode).toBe(200);
    const report = await audit();
    expect(mismatchesOf(report, photoWithdrawn.pupilId)).toEqual([]);
    expect(mismatchesOf(report, publicWithdrawn.pupilId)).toEqual([
      'printed_programme:performing_in_public:refused',
      'public_performance:performing_in_public:refused',
    ]);
  });

  it('shows a headteacher of a school taking part only their own children; others cannot see it', async () => {
    const report = await audit(personas.headteacher(tenantId, schoolB));
    expect(report.children.map((child) => child.pupilId)).toEqual([publicWithdrawn.pupilId]);
    expect(JSON.stringify(report)).not.toContain('Ada Allclear');
    expect(
      (await kit.call(personas.headteacher(tenantId, schoolC), 'GET', `/performances/${performanceId}/consent-audit`)).statusCode,
    ).toBe(404);
    expect((await kit.call(personas.tutor(tenantId, [schoolA]), 'GET', `/performances/${performanceId}/consent-audit`)).statusCode).toBe(
      403,
    );
    expect((await kit.call(personas.programmeAdmin(newTenantId()), 'GET', `/performances/${performanceId}/consent-audit`)).statusCode).toBe(
      404,
    );
  });
});
