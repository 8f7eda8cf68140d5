import { ForbiddenException, Injectable } from '@nestjs/common';
import { ConflictProblem, notFoundField, decodeCursor, newId, onceForKey, oneRow, rows, staleEdit, toPage, ValidationProblem, type FieldError } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
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
import { publishCancelledEvent, publishScheduleEvent } from './performance-events';
import { assertManagesPerformance, describeSeconds, findVisiblePerformance, type PerformanceRow } from './performance-lookup';
import type { PerformanceStatus } from './performance.model';
import { managesSchool, visibilityParams, visiblePerformanceSql, type Viewer } from './viewer';

interface SummaryRow {
  id: string;
  title: string;
  status: PerformanceStatus;
  audience: PerformanceDto['audience'];
  school_id: string | null;
  venue_id: string;
  venue_name: string;
  starts_at: Date;
  ends_at: Date;
  version: number;
}

@Injectable()
export class PerformancesService {
  constructor(private readonly db: DataSource) {}

  async list(viewer: Viewer, query: PerformanceQueryDto): Promise<PerformancePageDto> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await rows<SummaryRow>(
      this.db,
      `SELECT p.id, p.title, p.status, p.audience, p.school_id, p.venue_id, v.name AS venue_name, p.starts_at, p.ends_at, p.version
       FROM performances p JOIN venues v ON v.tenant_id = p.tenant_id AND v.id = p.venue_id
       WHERE p.tenant_id = $1 AND ${visiblePerformanceSql(2)}
         AND ($5::text IS NULL OR p.status = $5)
         AND ($6::timestamptz IS NULL OR p.starts_at >= $6)
         AND ($7::timestamptz IS NULL OR p.starts_at < $7)
         AND ($8::uuid IS NULL OR p.school_id = $8
              OR EXISTS (SELECT 1 FROM performance_ensembles pe JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
                         WHERE pe.tenant_id = p.tenant_id AND pe.performance_id = p.id AND e.school_id = $8))
         AND ($9::timestamptz IS NULL OR (p.starts_at, p.id) > ($9::timestamptz, $10::uuid))
       ORDER BY p.starts_at, p.id LIMIT $11`,
      [viewer.tenantId, ...visibilityParams(viewer), query.status ?? null, query.from ?? null, query.to ?? null, query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, toSummary, (row) => [row.starts_at.toISOString(), row.id]);
  }

  async get(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    const performance = await findVisiblePerformance(this.db, viewer, performanceId);
    return this.toDto(this.db.manager, performance);
  }

  async create(viewer: Viewer, input: CreatePerformanceDto, callerId: string, idempotencyKey: string | undefined): Promise<PerformanceDto> {
    const schoolId = input.schoolId ?? null;
    if (!managesSchool(viewer, schoolId)) throw new ForbiddenException('A headteacher may plan performances of their own school only (give its schoolId).');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const callTime = input.callTime ? new Date(input.callTime) : null;
    assertTimes(startsAt, endsAt, callTime);
    return this.db.transaction((manager) =>
      onceForKey(manager, { tenantId: viewer.tenantId, callerId, operation: 'performance.create', key: idempotencyKey, request: input }, async () => {
        await assertSchoolInArea(manager, viewer.tenantId, schoolId, 'schoolId');
        await assertVenueVisible(manager, viewer, input.venueId, 'venueId');
        const ensembleIds = input.ensembleIds ?? [];
        await assertEnsemblesKnown(manager, viewer.tenantId, ensembleIds);
        const id = newId();
        await manager.query(
          `INSERT INTO performances (id, tenant_id, venue_id, school_id, title, starts_at, ends_at, call_time, dress, status, audience, professional_musicians)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11::jsonb)`,
          [id, viewer.tenantId, input.venueId, schoolId, input.title, startsAt, endsAt, callTime, input.dress ?? null, input.audience, JSON.stringify(input.professionalMusicians ?? [])],
        );
        await replaceEnsembles(manager, viewer.tenantId, id, ensembleIds);
        return this.toDto(manager, await findVisiblePerformance(manager, viewer, id));
      }),
    );
  }

  async update(viewer: Viewer, performanceId: string, expectedVersion: number, input: UpdatePerformanceDto): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForEdit(manager, viewer, performanceId, expectedVersion);
      if (input.ensembleIds) {
        await assertEnsemblesKnown(manager, viewer.tenantId, input.ensembleIds);
        await replaceEnsembles(manager, viewer.tenantId, performanceId, input.ensembleIds);
      }
      await manager.query(
        `UPDATE performances SET title = $3, audience = $4, dress = $5, professional_musicians = $6::jsonb, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
        [
          viewer.tenantId,
          performanceId,
          input.title ?? current.title,
          input.audience ?? current.audience,
          input.dress === undefined ? current.dress : input.dress,
          JSON.stringify(input.professionalMusicians ?? current.professional_musicians),
        ],
      );
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
        input.callTime !== undefined ? (input.callTime ? new Date(input.callTime) : null) : current.call_time ? new Date(startsAt.getTime() - (current.starts_at.getTime() - current.call_time.getTime())) : null;
      assertTimes(startsAt, endsAt, callTime);
      if (input.venueId) await assertVenueVisible(manager, viewer, input.venueId, 'venueId');
      const total = await runningOrderSeconds(manager, viewer.tenantId, performanceId);
      const slot = Math.round((endsAt.getTime() - startsAt.getTime()) / 1000);
      if (total > slot) {
        throw new ConflictProblem(`The running order (${describeSeconds(total)}) is ${describeSeconds(total - slot)} longer than the new slot (${describeSeconds(slot)}); shorten it first.`, [
          { field: 'endsAt', runningOrderSeconds: total, slotSeconds: slot, overBySeconds: total - slot },
        ]);
      }
      await manager.query(
        `UPDATE performances SET starts_at = $3, ends_at = $4, call_time = $5, venue_id = $6, version = version + 1 WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, performanceId, startsAt, endsAt, callTime, input.venueId ?? current.venue_id],
      );
      const moved = await findVisiblePerformance(manager, viewer, performanceId);
      if (moved.status === 'published') await publishScheduleEvent(manager, 'performance.performance.rescheduled', moved, current.starts_at);
      return this.toDto(manager, moved);
    });
  }

  async publish(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['draft'], 'published');
      if (current.ends_at.getTime() <= Date.now()) throw new ConflictProblem('This performance is over; it cannot be published.', [{ field: 'endsAt', endsAt: current.ends_at.toISOString() }]);
      await setStatus(manager, current, 'published', null);
      await manager.query('UPDATE performances SET published_at = now() WHERE tenant_id = $1 AND id = $2', [current.tenant_id, current.id]);
      const published = await findVisiblePerformance(manager, viewer, performanceId);
      await publishScheduleEvent(manager, 'performance.performance.published', published, null);
      return this.toDto(manager, published);
    });
  }

  async cancel(viewer: Viewer, performanceId: string, reason: string | null): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['draft', 'published'], 'cancelled');
      await setStatus(manager, current, 'cancelled', reason);
      // Families only ever heard of a published performance.
      if (current.status === 'published') await publishCancelledEvent(manager, current, reason);
      return this.toDto(manager, await findVisiblePerformance(manager, viewer, performanceId));
    });
  }

  async complete(viewer: Viewer, performanceId: string): Promise<PerformanceDto> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockForTransition(manager, viewer, performanceId, ['published'], 'completed');
      if (current.starts_at.getTime() > Date.now()) throw new ConflictProblem('This performance has not started yet.', [{ field: 'startsAt', startsAt: current.starts_at.toISOString() }]);
      await setStatus(manager, current, 'completed', null);
      return this.toDto(manager, await findVisiblePerformance(manager, viewer, performanceId));
    });
  }

  private async lockForEdit(manager: EntityManager, viewer: Viewer, performanceId: string, expectedVersion: number): Promise<PerformanceRow> {
    const current = await findVisiblePerformance(manager, viewer, performanceId, true);
    assertManagesPerformance(viewer, current);
    if (current.version !== expectedVersion) throw staleEdit('performance', current.version);
    return current;
  }

  private async lockForTransition(manager: EntityManager, viewer: Viewer, performanceId: string, from: PerformanceStatus[], to: PerformanceStatus): Promise<PerformanceRow> {
    const current = await findVisiblePerformance(manager, viewer, performanceId, true);
    assertManagesPerformance(viewer, current);
    if (!from.includes(current.status)) {
      throw new ConflictProblem(`A ${current.status} performance cannot become ${to}.`, [{ field: 'status', status: current.status, allowedFrom: from }]);
    }
    return current;
  }

  private async toDto(manager: Pick<EntityManager, 'query'>, row: PerformanceRow): Promise<PerformanceDto> {
    const venue = await oneRow<Parameters<typeof toVenueDto>[0]>(manager, 'SELECT id, name, kind, address, capacity, access_notes, school_id, version FROM venues WHERE tenant_id = $1 AND id = $2', [
      row.tenant_id,
      row.venue_id,
    ]);
    const ensembles = await rows<{ ensemble_id: string; name: string | null; school_id: string | null }>(
      manager,
      `SELECT pe.ensemble_id, e.name, e.school_id FROM performance_ensembles pe
       LEFT JOIN replica_ensembles e ON e.tenant_id = pe.tenant_id AND e.ensemble_id = pe.ensemble_id
       WHERE pe.tenant_id = $1 AND pe.performance_id = $2 ORDER BY e.name NULLS LAST, pe.ensemble_id`,
      [row.tenant_id, row.id],
    );
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      audience: row.audience,
      schoolId: row.school_id,
      venue: toVenueDto(venue as Parameters<typeof toVenueDto>[0]),
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      callTime: row.call_time?.toISOString() ?? null,
      dress: row.dress,
      ensembles: ensembles.map((e) => ({ ensembleId: e.ensemble_id, name: e.name, schoolId: e.school_id })),
      professionalMusicians: row.professional_musicians.map((m) => ({ name: m.name, instrument: m.instrument, organisation: m.organisation ?? null })),
      cancelReason: row.cancel_reason,
      version: row.version,
    };
  }
}

function assertTimes(startsAt: Date, endsAt: Date, callTime: Date | null): void {
  const errors: FieldError[] = [];
  if (endsAt.getTime() <= startsAt.getTime()) errors.push({ field: 'endsAt', rule: 'afterStartsAt', message: 'endsAt must be after startsAt' });
  if (callTime && callTime.getTime() > startsAt.getTime()) errors.push({ field: 'callTime', rule: 'notAfterStartsAt', message: 'callTime must not be after startsAt' });
  if (endsAt.getTime() - startsAt.getTime() > 12 * 3_600_000) errors.push({ field: 'endsAt', rule: 'maxLength', message: 'a performance lasts at most 12 hours' });
  if (errors.length) throw new ValidationProblem(errors);
}

async function assertEnsemblesKnown(manager: EntityManager, tenantId: string, ensembleIds: string[]): Promise<void> {
  if (ensembleIds.length === 0) return;
  const known = await rows<{ ensemble_id: string }>(manager, 'SELECT ensemble_id FROM replica_ensembles WHERE tenant_id = $1 AND ensemble_id = ANY($2::uuid[])', [tenantId, ensembleIds]);
  const knownIds = new Set(known.map((row) => row.ensemble_id));
  const index = ensembleIds.findIndex((id) => !knownIds.has(id.toLowerCase()));
  if (index >= 0) throw notFoundField(`ensembleIds[${index}]`, 'ensemble');
}

async function replaceEnsembles(manager: EntityManager, tenantId: string, performanceId: string, ensembleIds: string[]): Promise<void> {
  await manager.query('DELETE FROM performance_ensembles WHERE tenant_id = $1 AND performance_id = $2', [tenantId, performanceId]);
  if (ensembleIds.length === 0) return;
  await manager.query(
    'INSERT INTO performance_ensembles (tenant_id, performance_id, ensemble_id) SELECT $1, $2, unnest($3::uuid[])',
    [tenantId, performanceId, ensembleIds],
  );
}

export async function runningOrderSeconds(manager: Pick<EntityManager, 'query'>, tenantId: string, performanceId: string): Promise<number> {
  const total = await oneRow<{ total: number }>(manager, 'SELECT coalesce(sum(duration_seconds), 0)::int AS total FROM running_order_items WHERE tenant_id = $1 AND performance_id = $2', [tenantId, performanceId]);
  return total?.total ?? 0;
}

async function setStatus(manager: EntityManager, performance: PerformanceRow, status: PerformanceStatus, reason: string | null): Promise<void> {
  await manager.query(
    'UPDATE performances SET status = $3, cancel_reason = coalesce($4, cancel_reason), version = version + 1 WHERE tenant_id = $1 AND id = $2',
    [performance.tenant_id, performance.id, status, reason],
  );
}

function toSummary(row: SummaryRow): PerformanceSummaryDto {
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
