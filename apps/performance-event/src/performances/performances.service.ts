import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  ConflictProblem,
  notFoundField,
  decodeCursor,
  newId,
  onceForKey,
  staleEdit,
  toPage,
  ValidationProblem,
  type FieldError,
  type Queryable,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { runningOrderSeconds } from '../running-order/running-order.queries';
import { venueById, type VenueRow } from '../venues/venues.queries';
import { assertSchoolInArea, assertVenueVisible, toVenueDto } from '../venues/venues.service';
import type {
  CreatePerformanceDto,
  MovePerformanceDto,
  PerformanceDto,
  PerformancePageDto,
  PerformanceQueryDto,
  PerformanceSummaryDto,
  UpdatePerformanceDto,
} from './dto/performance.dto';
import { publishCancelledEvent, publishCompletedEvent, publishScheduleEvent } from './performance-events';
import { assertManagesPerformance, describeSeconds, findVisiblePerformance } from './performance-lookup';
import type { PerformanceStatus } from './performance.model';
import {
  deletePerformanceEnsembles,
  insertPerformance,
  insertPerformanceEnsembles,
  knownEnsembleIds,
  markPerformancePublished,
  performanceEnsembles,
  updatePerformanceDetails,
  updatePerformanceSlot,
  updatePerformanceStatus,
  visiblePerformances,
  type PerformanceRow,
  type PerformanceSummaryRow,
} from './performances.queries';
import { managesSchool, type Viewer } from './viewer';

@Injectable()
export class PerformancesService {
  constructor(private readonly db: DataSource) {}

  async list(viewer: Viewer, query: PerformanceQueryDto): Promise<PerformancePageDto> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await visiblePerformances(this.db, viewer.tenantId, viewer, {
      status: query.status ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      schoolId: query.schoolId ?? null,
      after,
      limit: query.limit + 1,
    });
    return toPage(found, query.limit, toSummary, (row) => [row.starts_at.toISOString(), row.id]);
  }

  async get(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    return this.toDto(this.db.manager, performance);
  }

  async create(viewer: Viewer, input: CreatePerformanceDto, callerId: string, idempotencyKey: string | undefined): Promise<PerformanceDto> {
    const schoolId = input.schoolId ?? null;
    if (!managesSchool(viewer, schoolId))
      throw new ForbiddenException('A headteacher may plan performances of their own school only (give its schoolId).');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const callTime = input.callTime ? new Date(input.callTime) : null;
    assertTimes(startsAt, endsAt, callTime);
    return this.db.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId: viewer.tenantId, callerId, operation: 'performance.create', key: idempotencyKey, request: input },
        async () => {
          await assertSchoolInArea(manager, viewer.tenantId, schoolId, 'schoolId');
          await assertVenueVisible(manager, viewer, input.venueId, 'venueId');
          const ensembleIds = input.ensembleIds ?? [];
          await assertEnsemblesKnown(manager, viewer.tenantId, ensembleIds);
          const id = newId();
          await insertPerformance(manager, viewer.tenantId, id, {
            venueId: input.venueId,
            schoolId,
            title: input.title,
            startsAt,
            endsAt,
            callTime,
            dress: input.dress ?? null,
            audience: input.audience,
            professionalMusicians: input.professionalMusicians ?? [],
          });
          await replaceEnsembles(manager, viewer.tenantId, id, ensembleIds);
          return this.toDto(manager, await findVisiblePerformance(manager, viewer, id));
        },
      ),
    );
  }

  async update(viewer: Viewer, performanceId: string, expectedVersion: number, input: UpdatePerformanceDto): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForEdit(manager, viewer, performanceId, expectedVersion);
      if (input.ensembleIds) {
        await assertEnsemblesKnown(manager, viewer.tenantId, input.ensembleIds);
        await replaceEnsembles(manager, viewer.tenantId, performanceId, input.ensembleIds);
      }
      await updatePerformanceDetails(manager, viewer.tenantId, performanceId, {
        title: input.title ?? current.title,
        audience: input.audience ?? current.audience,
        dress: input.dress === undefined ? current.dress : input.dress,
        professionalMusicians: input.professionalMusicians ?? current.professional_musicians,
      });
      return this.toDto(manager, await findVisiblePerformance(manager, viewer, performanceId));
    });
  }

  /** Moves a performance in time (and, optionally, place); families hear of it when it was published. */
  async move(viewer: Viewer, performanceId: string, expectedVersion: number, input: MovePerformanceDto): Promise<PerformanceDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    return this.db.transaction(async (manager) => {
      const current = await this.lockForEdit(manager, viewer, performanceId, expectedVersion);
      if (current.status === 'cancelled' || current.status === 'completed') {
        throw new ConflictProblem(`A ${current.status} performance cannot be moved.`, [{ field: 'status', status: current.status }]);
      }
      // Without a new call time, performers are called as long before the start as they were.
      const callTime =
        input.callTime !== undefined
          ? input.callTime
            ? new Date(input.callTime)
            : null
          : current.call_time
            ? new Date(startsAt.getTime() - (current.starts_at.getTime() - current.call_time.getTime()))
            : null;
      assertTimes(startsAt, endsAt, callTime);
      if (input.venueId) await assertVenueVisible(manager, viewer, input.venueId, 'venueId');
      const total = await runningOrderSeconds(manager, viewer.tenantId, performanceId);
      const slot = Math.round((endsAt.getTime() - startsAt.getTime()) / 1000);
      if (total > slot) {
        throw new ConflictProblem(
          `The running order (${describeSeconds(total)}) is ${describeSeconds(total - slot)} longer than the new slot (${describeSeconds(slot)}); shorten it first.`,
          [{ field: 'endsAt', runningOrderSeconds: total, slotSeconds: slot, overBySeconds: total - slot }],
        );
      }
      await updatePerformanceSlot(manager, viewer.tenantId, performanceId, {
        startsAt,
        endsAt,
        callTime,
        venueId: input.venueId ?? current.venue_id,
      });
      const moved = await findVisiblePerformance(manager, viewer, performanceId);
      if (moved.status === 'published')
        await publishScheduleEvent(manager, 'performance.performance.rescheduled', moved, current.starts_at);
      return this.toDto(manager, moved);
    });
  }

  async publish(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['draft'], 'published');
      if (current.ends_at.getTime() <= Date.now())
        throw new ConflictProblem('This performance is over; it cannot be published.', [
          { field: 'endsAt', endsAt: current.ends_at.toISOString() },
        ]);
      await updatePerformanceStatus(manager, current.tenant_id, current.id, 'published', null);
      await markPerformancePublished(manager, current.tenant_id, current.id);
      const published = await findVisiblePerformance(manager, viewer, performanceId);
      await publishScheduleEvent(manager, 'performance.performance.published', published, null);
      return this.toDto(manager, published);
    });
  }

  async cancel(viewer: Viewer, performanceId: string, reason: string | null): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['draft', 'published'], 'cancelled');
      await updatePerformanceStatus(manager, current.tenant_id, current.id, 'cancelled', reason);
      // Families only ever heard of a published performance.
      if (current.status === 'published') await publishCancelledEvent(manager, current, reason);
      return this.toDto(manager, await findVisiblePerformance(manager, viewer, performanceId));
    });
  }

  async complete(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['published'], 'completed');
      if (current.starts_at.getTime() > Date.now())
        throw new ConflictProblem('This performance has not started yet.', [
          { field: 'startsAt', startsAt: current.starts_at.toISOString() },
        ]);
      await updatePerformanceStatus(manager, current.tenant_id, current.id, 'completed', null);
      await publishCompletedEvent(manager, current);
      return this.toDto(manager, await findVisiblePerformance(manager, viewer, performanceId));
    });
  }

  private async lockForEdit(manager: Queryable, viewer: Viewer, performanceId: string, expectedVersion: number): Promise<PerformanceRow> {
    const current = await findVisiblePerformance(manager, viewer, performanceId, true);
    assertManagesPerformance(viewer, current);
    if (current.version !== expectedVersion) throw staleEdit('performance', current.version);
    return current;
  }

  private async lockForTransition(
    manager: Queryable,
    viewer: Viewer,
    performanceId: string,
    from: PerformanceStatus[],
    to: PerformanceStatus,
  ): Promise<PerformanceRow> {
    const current = await findVisiblePerformance(manager, viewer, performanceId, true);
    assertManagesPerformance(viewer, current);
    if (!from.includes(current.status)) {
      throw new ConflictProblem(`A ${current.status} performance cannot become ${to}.`, [
        { field: 'status', status: current.status, allowedFrom: from },
      ]);
    }
    return current;
  }

  private async toDto(manager: Queryable, row: PerformanceRow): Promise<PerformanceDto> {
    const venue = await venueById(manager, row.tenant_id, row.venue_id);
    const ensembles = await performanceEnsembles(manager, row.tenant_id, row.id);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      audience: row.audience,
      schoolId: row.school_id,
      venue: toVenueDto(venue as VenueRow),
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      callTime: row.call_time?.toISOString() ?? null,
      dress: row.dress,
      ensembles: ensembles.map((e) => ({ ensembleId: e.ensemble_id, name: e.name, schoolId: e.school_id })),
      professionalMusicians: row.professional_musicians.map((m) => ({
        name: m.name,
        instrument: m.instrument,
        organisation: m.organisation ?? null,
      })),
      cancelReason: row.cancel_reason,
      version: row.version,
    };
  }
}

function assertTimes(startsAt: Date, endsAt: Date, callTime: Date | null): void {
  const errors: FieldError[] = [];
  if (endsAt.getTime() <= startsAt.getTime())
    errors.push({ field: 'endsAt', rule: 'afterStartsAt', message: 'endsAt must be after startsAt' });
  if (callTime && callTime.getTime() > startsAt.getTime())
    errors.push({ field: 'callTime', rule: 'notAfterStartsAt', message: 'callTime must not be after startsAt' });
  if (endsAt.getTime() - startsAt.getTime() > 12 * 3_600_000)
    errors.push({ field: 'endsAt', rule: 'maxLength', message: 'a performance lasts at most 12 hours' });
  if (errors.length) throw new ValidationProblem(errors);
}

async function assertEnsemblesKnown(manager: Queryable, tenantId: string, ensembleIds: string[]): Promise<void> {
  if (ensembleIds.length === 0) return;
  const knownIds = new Set(await knownEnsembleIds(manager, tenantId, ensembleIds));
  const index = ensembleIds.findIndex((id) => !knownIds.has(id.toLowerCase()));
  if (index >= 0) throw notFoundField(`ensembleIds[${index}]`, 'ensemble');
}

async function replaceEnsembles(manager: Queryable, tenantId: string, performanceId: string, ensembleIds: string[]): Promise<void> {
  await deletePerformanceEnsembles(manager, tenantId, performanceId);
  if (ensembleIds.length === 0) return;
  await insertPerformanceEnsembles(manager, tenantId, performanceId, ensembleIds);
}

function toSummary(row: PerformanceSummaryRow): PerformanceSummaryDto {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    audience: row.audience,
    schoolId: row.school_id,
    venueId: row.venue_id,
    venueName: row.venue_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    version: row.version,
  };
}
