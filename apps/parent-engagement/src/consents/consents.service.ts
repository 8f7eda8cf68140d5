import { Injectable, NotFoundException } from '@nestjs/common';
import { ALL_SCHOOLS, staffSchoolScope, type Identity } from '@tutti/auth';
import type { ConsentKind } from '@tutti/contracts';
import { publishEvent, recordAudit, type AuditOrigin, type AuditSubject } from '@tutti/messaging';
import { decodeCursor, newId, oneRow, rows, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { auditContext } from '../common/audit';
import { actingGuardianOf, assertCanReadPupil } from '../common/pupil-access';
import { FamiliesService } from '../families/families.service';
import {
  CONSENT_KINDS,
  type ConsentDto,
  type ConsentHistoryItemDto,
  type ConsentHistoryQueryDto,
  type MissingConsentListDto,
  type PupilConsentsDto,
  type RecordConsentDto,
} from './dto/consent.dto';

interface ConsentRow {
  id: string;
  seq: string;
  kind: ConsentKind;
  decision: 'granted' | 'refused' | 'withdrawn';
  note: string | null;
  reason: string | null;
  given_by_name: string;
  given_at: Date;
}

/** Statuses of a transport booking that name a child as coming (kept in step with transport-bookings.service). */
const LIVE_BOOKING = `('confirmed', 'waitlisted', 'offered')`;

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
    if (note && !dto.granted) throw new ValidationProblem([{ field: 'note', rule: 'onlyWhenGranted', message: 'note ("yes, except …") goes with granted: true only' }]);
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      await this.families.ensureFamily(manager, identity);
      // Serialises decisions on one pupil's consent, so "withdrawn" is judged against the true latest.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`consent:${tenantId}:${pupilId}:${kind}`]);
      const previous = await this.latest(manager, tenantId, pupilId, kind);
      const decision = dto.granted ? 'granted' : previous?.decision === 'granted' ? 'withdrawn' : 'refused';
      const row = await oneRow<ConsentRow>(
        manager,
        `INSERT INTO consent_records (tenant_id, id, pupil_id, school_id, kind, decision, note, reason, given_by, given_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [tenantId, newId(), pupilId, pupil.schoolId, kind, decision, note, dto.reason?.trim() || null, identity.userId, identity.displayName],
      );
      if (!row) throw new Error('INSERT … RETURNING gave no row');
      await publishEvent(manager, {
        source: 'parent-engagement',
        type: 'engagement.consent.changed',
        tenantId,
        payload: { version: 1, pupilId, kind, granted: dto.granted, note },
      });
      await recordAudit(manager, auditContext(identity, origin), { action: 'create', subjectType: 'consent', subjectId: row.id, detail: { pupilId, kind, decision } });
      return toConsentDto(row);
    });
  }

  async current(identity: Identity, pupilId: string, origin: AuditOrigin): Promise<PupilConsentsDto> {
    await assertCanReadPupil(this.dataSource, identity, pupilId);
    await this.auditReads(identity, origin, [pupilId], { view: 'current' });
    const latest = await rows<ConsentRow>(
      this.dataSource,
      `SELECT DISTINCT ON (kind) * FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 ORDER BY kind, seq DESC`,
      [identity.tenantId, pupilId],
    );
    const byKind = new Map(latest.map((row) => [row.kind, row]));
    return {
      pupilId,
      consents: CONSENT_KINDS.map((kind) => {
        const row = byKind.get(kind);
        return row ? toConsentDto(row) : { kind, state: 'missing', note: null, reason: null, givenByName: null, givenAt: null };
      }),
    };
  }

  async history(identity: Identity, pupilId: string, query: ConsentHistoryQueryDto, origin: AuditOrigin): Promise<Page<ConsentHistoryItemDto>> {
    await assertCanReadPupil(this.dataSource, identity, pupilId);
    await this.auditReads(identity, origin, [pupilId], { view: 'history' });
    const after = decodeCursor(query.cursor, ['serial']);
    const found = await rows<ConsentRow>(
      this.dataSource,
      `SELECT * FROM consent_records
        WHERE tenant_id = $1 AND pupil_id = $2 AND ($3::text IS NULL OR kind = $3) AND ($4::bigint IS NULL OR seq < $4)
        ORDER BY seq DESC LIMIT $5`,
      [identity.tenantId, pupilId, query.kind ?? null, after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => ({ id: row.id, ...toConsentDto(row) }), (row) => [String(row.seq)]);
  }

  /**
   * Children coming to a performance (named on a live bus booking or an attending RSVP) of the
   * caller's schools with no photo/film decision recorded at all, so staff can chase it beforehand.
   */
  async missingForPerformance(identity: Identity, performanceId: string, origin: AuditOrigin, kind: ConsentKind = 'photo_film'): Promise<MissingConsentListDto> {
    const tenantId = identity.tenantId;
    const performance = await oneRow<{ id: string }>(this.dataSource, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [tenantId, performanceId]);
    if (!performance) throw new NotFoundException('No such performance.');
    const scope = staffSchoolScope(identity);
    const pupils = await rows<{ pupil_id: string; school_id: string | null; guardian_name: string }>(
      this.dataSource,
      `WITH named AS (
         SELECT x.pupil_id, b.guardian_name, b.school_ids
           FROM transport_bookings b JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id, unnest(b.pupil_ids) AS x(pupil_id)
          WHERE r.tenant_id = $1 AND r.performance_id = $2 AND b.status IN ${LIVE_BOOKING}
         UNION ALL
         SELECT x.pupil_id, v.guardian_name, v.school_ids FROM rsvps v, unnest(v.pupil_ids) AS x(pupil_id)
          WHERE v.tenant_id = $1 AND v.performance_id = $2 AND v.attending
       ), placed AS (
         -- A booking lists its schools, not each child's: a child's school comes from their family, else a one-school booking.
         SELECT DISTINCT ON (n.pupil_id) n.pupil_id, n.guardian_name,
                COALESCE((SELECT c.school_id FROM family_children c WHERE c.tenant_id = $1 AND c.pupil_id = n.pupil_id LIMIT 1),
                         CASE WHEN cardinality(n.school_ids) = 1 THEN n.school_ids[1] END) AS school_id
           FROM named n ORDER BY n.pupil_id, n.guardian_name
       )
       SELECT p.pupil_id, p.school_id, p.guardian_name FROM placed p
        WHERE ($3::boolean OR p.school_id = ANY($4::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM consent_records k WHERE k.tenant_id = $1 AND k.pupil_id = p.pupil_id AND k.kind = $5)
        ORDER BY p.school_id, p.guardian_name, p.pupil_id`,
      [tenantId, performanceId, scope === ALL_SCHOOLS, scope === ALL_SCHOOLS ? [] : [...scope], kind],
    );
    await this.auditReads(identity, origin, pupils.map((row) => row.pupil_id), { view: 'missing', performanceId, kind });
    return { performanceId, kind, pupils: pupils.map((row) => ({ pupilId: row.pupil_id, schoolId: row.school_id, familyName: row.guardian_name })) };
  }

  /** A read of a pupil's consents is audited with the pupil's id as its subject: consents have no id of their own until given. */
  private async auditReads(identity: Identity, origin: AuditOrigin, pupilIds: string[], detail: Record<string, unknown>): Promise<void> {
    if (pupilIds.length === 0) return;
    const entries = pupilIds.map((pupilId): AuditSubject => ({ action: 'read', subjectType: 'consent', subjectId: pupilId, detail }));
    await this.dataSource.transaction((manager) => recordAudit(manager, auditContext(identity, origin), entries));
  }

  private latest(manager: EntityManager, tenantId: string, pupilId: string, kind: ConsentKind): Promise<ConsentRow | undefined> {
    return oneRow<ConsentRow>(manager, 'SELECT * FROM consent_records WHERE tenant_id = $1 AND pupil_id = $2 AND kind = $3 ORDER BY seq DESC LIMIT 1', [tenantId, pupilId, kind]);
  }
}

function toConsentDto(row: ConsentRow): ConsentDto {
  return { kind: row.kind, state: row.decision, note: row.note, reason: row.reason, givenByName: row.given_by_name, givenAt: row.given_at.toISOString() };
}
