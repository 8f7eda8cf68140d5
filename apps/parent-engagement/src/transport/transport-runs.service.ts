import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, oneRow, rows, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { conflict } from '../common/conflicts';
import type { CreateTransportRunDto } from './dto/create-transport-run.dto';
import type { TransportRunDto, TransportRunQueryDto } from './dto/transport-run.dto';
import { RUN_SELECT, toRunDto, type RunRow } from './transport-rows';

const DEFAULT_CUTOFF_BEFORE_PICKUP_MS = 24 * 3_600_000;

/** Staff set up the free buses to a performance: vehicle, seats, times and pick-up stops. */
@Injectable()
export class TransportRunsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(identity: Identity, dto: CreateTransportRunDto, idempotencyKey: string | undefined): Promise<TransportRunDto> {
    const tenantId = identity.tenantId;
    const outbound = new Date(dto.outboundDepartsAt);
    const returnAt = dto.returnDepartsAt ? new Date(dto.returnDepartsAt) : null;
    const pickups = dto.stops.map((stop) => new Date(stop.pickupAt).getTime());
    const closeAt = dto.bookingsCloseAt ? new Date(dto.bookingsCloseAt) : new Date(Math.min(...pickups) - DEFAULT_CUTOFF_BEFORE_PICKUP_MS);
    if (returnAt && returnAt <= outbound) throw fieldError('returnDepartsAt', 'after', 'returnDepartsAt must be after outboundDepartsAt');
    if (closeAt.getTime() > Math.min(...pickups)) throw fieldError('bookingsCloseAt', 'beforePickup', 'bookingsCloseAt must not be after the first pick-up');
    if (closeAt <= new Date()) throw fieldError('bookingsCloseAt', 'future', 'bookingsCloseAt (by default 24 hours before the first pick-up) must be in the future');

    const id = await this.dataSource.transaction((manager) =>
      onceForKey(manager, { tenantId, callerId: identity.userId, operation: 'create-transport-run', key: idempotencyKey, request: dto }, async () => {
        const performance = await oneRow<{ status: string }>(manager, 'SELECT status FROM performances WHERE tenant_id = $1 AND id = $2 FOR SHARE', [tenantId, dto.performanceId]);
        if (!performance) throw new NotFoundException('No such performance.');
        if (performance.status === 'cancelled') throw conflict('performance-cancelled', 'The performance is cancelled.', { performanceId: dto.performanceId });
        const runId = newId();
        await manager.query(
          `INSERT INTO transport_runs (tenant_id, id, performance_id, vehicle, seats, outbound_departs_at, return_departs_at, bookings_close_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [tenantId, runId, dto.performanceId, dto.vehicle, dto.seats, outbound, returnAt, closeAt],
        );
        await manager.query(
          `INSERT INTO pickup_stops (tenant_id, id, run_id, position, name, place, pickup_at)
           SELECT $1, stop.id, $2, stop.position, stop.name, stop.place, stop.pickup_at
             FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) AS stop(id, position, name, place, pickup_at)`,
          [tenantId, runId, dto.stops.map(() => newId()), dto.stops.map((_stop, index) => index + 1), dto.stops.map((s) => s.name), dto.stops.map((s) => s.place), dto.stops.map((s) => s.pickupAt)],
        );
        return runId;
      }),
    );
    return this.get(tenantId, id);
  }

  async get(tenantId: string, runId: string): Promise<TransportRunDto> {
    const row = await oneRow<RunRow>(this.dataSource, `${RUN_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, runId]);
    if (!row) throw new NotFoundException('No such transport run.');
    return toRunDto(row);
  }

  async list(tenantId: string, query: TransportRunQueryDto): Promise<Page<TransportRunDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await rows<RunRow>(
      this.dataSource,
      `${RUN_SELECT}
        WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.performance_id = $2)
          AND ($3::timestamptz IS NULL OR (r.outbound_departs_at, r.id) > ($3::timestamptz, $4::uuid))
        ORDER BY r.outbound_departs_at, r.id LIMIT $5`,
      [tenantId, query.performanceId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, toRunDto, (row) => [row.outbound_departs_at.toISOString(), row.id]);
  }
}

function fieldError(field: string, rule: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, rule, message }]);
}
