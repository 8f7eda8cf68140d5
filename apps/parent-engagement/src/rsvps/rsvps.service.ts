import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { guardedPupils, type Identity } from '@tutti/auth';
import { decodeCursor, newId, ProblemException, toPage, ValidationProblem, versionOfIfMatch, type Page } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../common/conflicts';
import { familyScopeOf, ownChildren } from '../common/family-scope';
import { publishRsvpChanged } from '../engagement-evidence/engagement-evidence';
import { FamiliesService } from '../families/families.service';
import { FamilyReminders } from '../reminders/family-reminders.service';
import { performanceExists, performanceForShare } from '../performances/performances.queries';
import type { PutRsvpDto, RsvpCheckInDto, RsvpDto, RsvpQueryDto, RsvpSummaryDto } from './dto/rsvp.dto';
import {
  checkInRsvp,
  rsvpCounts,
  rsvpOfGuardian,
  rsvpsPage,
  updateRsvpAtVersion,
  upsertRsvp,
  type RsvpAnswer,
  type RsvpRow,
} from './rsvps.queries';

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
    if (refused.length > 0)
      throw new ValidationProblem([{ field: 'pupilIds', rule: 'ownChildren', message: 'pupilIds may name only your own children' }]);
    if (new Set(dto.pupilIds).size !== dto.pupilIds.length)
      throw new ValidationProblem([{ field: 'pupilIds', rule: 'unique', message: 'pupilIds must not repeat a child' }]);
    const children = allowed.length + (dto.otherChildren ?? 0);
    if (dto.attending && dto.adults + children === 0)
      throw new ValidationProblem([
        { field: 'adults', rule: 'someoneComes', message: 'an attending RSVP needs at least one adult or child' },
      ]);
    const tenantId = identity.tenantId;
    const expected = versionOfIfMatch(ifMatch);
    return this.dataSource.transaction(async (manager) => {
      await this.families.ensureFamily(manager, identity);
      await this.openPerformance(manager, tenantId, performanceId);
      const answer: RsvpAnswer = {
        performanceId,
        guardianId: identity.userId,
        guardianName: identity.displayName,
        pupilIds: dto.pupilIds,
        schoolIds: familySchools(identity),
        attending: dto.attending,
        adults: dto.adults,
        children,
      };
      const saved =
        expected === null
          ? await upsertRsvp(manager, tenantId, newId(), answer)
          : await updateRsvpAtVersion(manager, tenantId, answer, expected);
      if (!saved)
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'The RSVP changed since you read it (or does not exist yet); reload and try again.',
        );
      if (saved.attending) await this.reminders.chaseMissingConsent(manager, tenantId, identity.userId, performanceId);
      await publishRsvpChanged(manager, tenantId, saved.id);
      return toRsvpDto(saved);
    });
  }

  async mine(identity: Identity, performanceId: string): Promise<RsvpDto> {
    const row = await rsvpOfGuardian(this.dataSource, identity.tenantId, performanceId, identity.userId);
    if (!row) throw new NotFoundException('You have not answered for this performance yet.');
    return toRsvpDto(row);
  }

  async list(identity: Identity, query: RsvpQueryDto): Promise<Page<RsvpDto>> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await rsvpsPage(this.dataSource, identity.tenantId, familyScopeOf(identity), {
      performanceId: query.performanceId ?? null,
      after: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(found, query.limit, toRsvpDto, (row) => [row.id]);
  }

  /** Counts over the RSVPs the caller may see: their schools' families (every family for the programme admin). */
  async summary(identity: Identity, performanceId: string): Promise<RsvpSummaryDto> {
    if (!(await performanceExists(this.dataSource, identity.tenantId, performanceId))) throw new NotFoundException('No such performance.');
    const counts = await rsvpCounts(this.dataSource, identity.tenantId, familyScopeOf(identity), performanceId);
    return { performanceId, ...counts };
  }

  async checkIn(identity: Identity, rsvpId: string, dto: RsvpCheckInDto): Promise<RsvpDto> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await checkInRsvp(manager, identity.tenantId, familyScopeOf(identity), rsvpId, {
        present: dto.present,
        byId: identity.userId,
        adults: dto.arrivedAdults ?? null,
        children: dto.arrivedChildren ?? null,
      });
      if (!updated) throw new NotFoundException('No such RSVP.');
      await publishRsvpChanged(manager, identity.tenantId, updated.id);
      return toRsvpDto(updated);
    });
  }

  private async openPerformance(manager: EntityManager, tenantId: string, performanceId: string): Promise<void> {
    const performance = await performanceForShare(manager, tenantId, performanceId);
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
