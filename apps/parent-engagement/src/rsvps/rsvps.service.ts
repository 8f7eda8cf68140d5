import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { guardedPupils, type Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, ProblemException, rows, toPage, ValidationProblem, versionOfIfMatch, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import { familyScopeCondition, familyScopeOf, familyScopeParams, ownChildren } from '../common/family-scope';
import { FamiliesService } from '../families/families.service';
import { FamilyReminders } from '../reminders/family-reminders.service';
import type { PutRsvpDto, RsvpCheckInDto, RsvpDto, RsvpQueryDto, RsvpSummaryDto } from './dto/rsvp.dto';

interface RsvpRow {
  id: string;
  performance_id: string;
  guardian_name: string;
  attending: boolean;
  adults: number;
  children: number;
  pupil_ids: string[];
  arrived_adults: number | null;
  arrived_children: number | null;
  checked_in_at: Date | null;
  version: number;
}

/**
 * One RSVP per family and performance: how many adults and children are coming, changed by PUT
 * (If-Match refuses a stale edit); on the day, staff record who actually came.
 */
@Injectable()
export class RsvpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: FamiliesService,
    private readonly reminders: FamilyReminders,
  ) {}

  async put(identity: Identity, performanceId: string, dto: PutRsvpDto, ifMatch: string | undefined): Promise<RsvpDto> {
    const { allowed, refused } = ownChildren(identity, dto.pupilIds, () => true);
    if (refused.length > 0) throw new ValidationProblem([{ field: 'pupilIds', rule: 'ownChildren', message: 'pupilIds may name only your own children' }]);
    if (new Set(dto.pupilIds).size !== dto.pupilIds.length) throw new ValidationProblem([{ field: 'pupilIds', rule: 'unique', message: 'pupilIds must not repeat a child' }]);
    const children = allowed.length + (dto.otherChildren ?? 0);
    if (dto.attending && dto.adults + children === 0) throw new ValidationProblem([{ field: 'adults', rule: 'someoneComes', message: 'an attending RSVP needs at least one adult or child' }]);
    const tenantId = identity.tenantId;
    const expected = versionOfIfMatch(ifMatch);
    return this.dataSource.transaction(async (manager) => {
      await this.families.ensureFamily(manager, identity);
      await this.openPerformance(manager, tenantId, performanceId);
      const values = [tenantId, performanceId, identity.userId, identity.displayName, dto.pupilIds, familySchools(identity), dto.attending, dto.adults, children];
      const saved =
        expected === null
          ? await oneRow<RsvpRow>(
              manager,
              `INSERT INTO rsvps (tenant_id, id, performance_id, guardian_id, guardian_name, pupil_ids, school_ids, attending, adults, children)
               VALUES ($1, $10, $2, $3, $4, $5, $6, $7, $8, $9)
               ON CONFLICT (tenant_id, performance_id, guardian_id) DO UPDATE SET guardian_name = EXCLUDED.guardian_name, pupil_ids = EXCLUDED.pupil_ids,
                 school_ids = EXCLUDED.school_ids, attending = EXCLUDED.attending, adults = EXCLUDED.adults, children = EXCLUDED.children,
                 version = rsvps.version + 1, updated_at = now()
               RETURNING *`,
              [...values, newId()],
            )
          : await oneRow<RsvpRow>(
              manager,
              `UPDATE rsvps SET guardian_name = $4, pupil_ids = $5, school_ids = $6, attending = $7, adults = $8, children = $9, version = version + 1, updated_at = now()
                WHERE tenant_id = $1 AND performance_id = $2 AND guardian_id = $3 AND version = $10 RETURNING *`,
              [...values, expected],
            );
      if (!saved) throw new ProblemException(HttpStatus.PRECONDITION_FAILED, 'The RSVP changed since you read it (or does not exist yet); reload and try again.');
      if (saved.attending) await this.reminders.chaseMissingConsent(manager, tenantId, identity.userId, performanceId);
      return toRsvpDto(saved);
    });
  }

  async mine(identity: Identity, performanceId: string): Promise<RsvpDto> {
    const row = await oneRow<RsvpRow>(this.dataSource, 'SELECT * FROM rsvps WHERE tenant_id = $1 AND performance_id = $2 AND guardian_id = $3', [identity.tenantId, performanceId, identity.userId]);
    if (!row) throw new NotFoundException('You have not answered for this performance yet.');
    return toRsvpDto(row);
  }

  async list(identity: Identity, query: RsvpQueryDto): Promise<Page<RsvpDto>> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rows<RsvpRow>(
      this.dataSource,
      `SELECT * FROM rsvps v WHERE v.tenant_id = $1 AND ${familyScopeCondition('v', 2)}
          AND ($6::uuid IS NULL OR v.performance_id = $6) AND ($7::uuid IS NULL OR v.id > $7)
        ORDER BY v.id LIMIT $8`,
      [identity.tenantId, ...familyScopeParams(familyScopeOf(identity)), query.performanceId ?? null, after?.[0] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, toRsvpDto, (row) => [row.id]);
  }

  /** Counts over the RSVPs the caller may see: their schools' families (every family for the programme admin). */
  async summary(identity: Identity, performanceId: string): Promise<RsvpSummaryDto> {
    const performance = await oneRow<{ id: string }>(this.dataSource, 'SELECT id FROM performances WHERE tenant_id = $1 AND id = $2', [identity.tenantId, performanceId]);
    if (!performance) throw new NotFoundException('No such performance.');
    const counts = await oneRow<Omit<RsvpSummaryDto, 'performanceId'>>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE v.attending)::int AS "familiesComing",
              COALESCE(sum(v.adults) FILTER (WHERE v.attending), 0)::int AS "adultsComing",
              COALESCE(sum(v.children) FILTER (WHERE v.attending), 0)::int AS "childrenComing",
              count(*) FILTER (WHERE NOT v.attending)::int AS "familiesNotComing",
              count(v.checked_in_at)::int AS "familiesArrived",
              COALESCE(sum(v.arrived_adults), 0)::int AS "adultsArrived",
              COALESCE(sum(v.arrived_children), 0)::int AS "childrenArrived"
         FROM rsvps v WHERE v.tenant_id = $1 AND v.performance_id = $6 AND ${familyScopeCondition('v', 2)}`,
      [identity.tenantId, ...familyScopeParams(familyScopeOf(identity)), performanceId],
    );
    if (!counts) throw new Error('an aggregate always gives a row');
    return { performanceId, ...counts };
  }

  async checkIn(identity: Identity, rsvpId: string, dto: RsvpCheckInDto): Promise<RsvpDto> {
    const updated = await oneRow<RsvpRow>(
      this.dataSource,
      `UPDATE rsvps v SET checked_in_at = CASE WHEN $7 THEN COALESCE(v.checked_in_at, now()) END, checked_in_by = CASE WHEN $7 THEN $8::uuid END,
              arrived_adults = CASE WHEN $7 THEN COALESCE($9, v.adults) END, arrived_children = CASE WHEN $7 THEN COALESCE($10, v.children) END,
              updated_at = now()
        WHERE v.tenant_id = $1 AND v.id = $6 AND ${familyScopeCondition('v', 2)} RETURNING *`,
      [identity.tenantId, ...familyScopeParams(familyScopeOf(identity)), rsvpId, dto.present, identity.userId, dto.arrivedAdults ?? null, dto.arrivedChildren ?? null],
    );
    if (!updated) throw new NotFoundException('No such RSVP.');
    return toRsvpDto(updated);
  }

  private async openPerformance(manager: EntityManager, tenantId: string, performanceId: string): Promise<void> {
    const performance = await oneRow<{ status: string; ends_at: Date }>(manager, 'SELECT status, ends_at FROM performances WHERE tenant_id = $1 AND id = $2 FOR SHARE', [tenantId, performanceId]);
    if (!performance) throw new NotFoundException('No such performance.');
    if (performance.status === 'cancelled') throw conflict('performance-cancelled', 'The performance is cancelled.', { performanceId });
    if (performance.ends_at <= new Date()) throw conflict('performance-over', 'The performance is over.', { performanceId });
  }
}

/** The RSVP is the family's, so their children's schools' staff see it even when the answer is "not coming". */
function familySchools(identity: Identity): string[] {
  return [...new Set(guardedPupils(identity).map((pupil) => pupil.schoolId))];
}

function toRsvpDto(row: RsvpRow): RsvpDto {
  return {
    id: row.id,
    performanceId: row.performance_id,
    guardianName: row.guardian_name,
    attending: row.attending,
    adults: row.adults,
    children: row.children,
    pupilIds: row.pupil_ids,
    arrivedAdults: row.arrived_adults,
    arrivedChildren: row.arrived_children,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    version: row.version,
  };
}
