import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, staffSchoolScope, type Identity } from '@tutti/auth';
import type { ConsentKind } from '@tutti/contracts';
import { publishEvent, recordAudit, type AuditOrigin, type AuditSubject } from '@tutti/messaging';
import { decodeCursor, newId, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/audit';
import { actingGuardianOf, assertCanReadPupil } from '../common/pupil-access';
import { FamiliesService } from '../families/families.service';
import { performanceExists } from '../performances/performances.queries';
import {
  childrenComingWithoutConsentBySchool,
  consentHistoryPage,
  insertConsent,
  latestConsent,
  latestConsentsOfPupil,
  lockConsentDecisions,
  type ConsentRow,
} from './consents.queries';
import {
  CONSENT_KINDS,
  type ConsentDto,
  type ConsentHistoryItemDto,
  type ConsentHistoryQueryDto,
  type MissingConsentListDto,
  type PupilConsentsDto,
  type RecordConsentDto,
} from './dto/consent.dto';

/**
 * Consents per pupil and kind, as an append-only record: every decision is a new row and the
 * current state is the latest one. Given (and withdrawn) by a guardian whose link allows consent;
 * read by the pupil's guardians and the staff of the pupil's school.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: FamiliesService,
  ) {}

  async record(identity: Identity, pupilId: string, kind: ConsentKind, dto: RecordConsentDto, origin: AuditOrigin): Promise<ConsentDto> {
    const pupil = actingGuardianOf(identity, pupilId, (link) => link.canConsent, 'give consent for them');
    const note = dto.note?.trim() || null;
    if (note && !dto.granted)
      throw new ValidationProblem([
        { field: 'note', rule: 'onlyWhenGranted', message: 'note ("yes, except …") goes with granted: true only' },
      ]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      await this.families.ensureFamily(manager, identity);
      await lockConsentDecisions(manager, tenantId, pupilId, kind);
      const previous = await latestConsent(manager, tenantId, pupilId, kind);
      const decision = dto.granted ? 'granted' : previous?.decision === 'granted' ? 'withdrawn' : 'refused';
      const row = await insertConsent(manager, tenantId, {
        id: newId(),
        pupilId,
        schoolId: pupil.schoolId,
        kind,
        decision,
        note,
        reason: dto.reason?.trim() || null,
        givenBy: identity.userId,
        givenByName: identity.displayName,
      });
      await publishEvent(manager, {
        source: 'parent-engagement',
        type: 'engagement.consent.changed',
        tenantId,
        payload: { version: 1, pupilId, kind, granted: dto.granted, note },
      });
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'create',
        subjectType: 'consent',
        subjectId: row.id,
        detail: { pupilId, kind, decision },
      });
      return toConsentDto(row);
    });
  }

  async current(identity: Identity, pupilId: string, origin: AuditOrigin): Promise<PupilConsentsDto> {
    await assertCanReadPupil(this.dataSource, identity, pupilId);
    await this.auditReads(identity, origin, [pupilId], { view: 'current' });
    const latest = await latestConsentsOfPupil(this.dataSource, identity.tenantId, pupilId);
    const byKind = new Map(latest.map((row) => [row.kind, row]));
    return {
      pupilId,
      consents: CONSENT_KINDS.map((kind) => {
        const row = byKind.get(kind);
        return row ? toConsentDto(row) : { kind, state: 'missing', note: null, reason: null, givenByName: null, givenAt: null };
      }),
    };
  }

  async history(
    identity: Identity,
    pupilId: string,
    query: ConsentHistoryQueryDto,
    origin: AuditOrigin,
  ): Promise<Page<ConsentHistoryItemDto>> {
    await assertCanReadPupil(this.dataSource, identity, pupilId);
    await this.auditReads(identity, origin, [pupilId], { view: 'history' });
    const after = decodeCursor(query.cursor, ['serial']);
    const found = await consentHistoryPage(this.dataSource, identity.tenantId, pupilId, {
      kind: query.kind ?? null,
      before: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(
      found,
      query.limit,
      (row) => ({ id: row.id, ...toConsentDto(row) }),
      (row) => [String(row.seq)],
    );
  }

  /**
   * Children coming to a performance (named on a live bus booking or an attending RSVP) of the
   * caller's schools with no photo/film decision recorded at all, so staff can chase it beforehand.
   */
  async missingForPerformance(
    identity: Identity,
    performanceId: string,
    origin: AuditOrigin,
    kind: ConsentKind = 'photo_film',
  ): Promise<MissingConsentListDto> {
    const tenantId = identity.tenantId;
    if (!(await performanceExists(this.dataSource, tenantId, performanceId))) throw new NotFoundException('No such performance.');
    const scope = staffSchoolScope(identity);
    const pupils = await childrenComingWithoutConsentBySchool(
      this.dataSource,
      tenantId,
      performanceId,
      { allSchools: scope === ALL_SCHOOLS, schoolIds: scope === ALL_SCHOOLS ? [] : [...scope] },
      kind,
    );
    await this.auditReads(
      identity,
      origin,
      pupils.map((row) => row.pupil_id),
      { view: 'missing', performanceId, kind },
    );
    return {
      performanceId,
      kind,
      pupils: pupils.map((row) => ({ pupilId: row.pupil_id, schoolId: row.school_id, familyName: row.guardian_name })),
    };
  }

  /** A read of a pupil's consents is audited with the pupil's id as its subject: consents have no id of their own until given. */
  private async auditReads(identity: Identity, origin: AuditOrigin, pupilIds: string[], detail: Record<string, unknown>): Promise<void> {
    if (pupilIds.length === 0) return;
    const entries = pupilIds.map((pupilId): AuditSubject => ({ action: 'read', subjectType: 'consent', subjectId: pupilId, detail }));
    await this.dataSource.transaction((manager) => recordAudit(manager, auditContext(identity, origin), entries));
  }
}

function toConsentDto(row: ConsentRow): ConsentDto {
  return {
    kind: row.kind,
    state: row.decision,
    note: row.note,
    reason: row.reason,
    givenByName: row.given_by_name,
    givenAt: row.given_at.toISOString(),
  };
}
