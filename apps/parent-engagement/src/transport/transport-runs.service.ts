import { Injectable, NotFoundException } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, onceForKey, toPage, ValidationProblem, type Page } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { conflict } from '../common/conflicts';
import type { CreateTransportRunDto } from './dto/create-transport-run.dto';
import type { TransportRunDto, TransportRunQueryDto } from './dto/transport-run.dto';
import { refuseUnclearedDriver } from './driver-clearance';
import { toRunDto } from './transport-rows';
import { performanceForShare } from '../performances/performances.queries';
import { insertRun, runById, runsPage } from './transport.queries';

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
    if (closeAt.getTime() > Math.min(...pickups))
      throw fieldError('bookingsCloseAt', 'beforePickup', 'bookingsCloseAt must not be after the first pick-up');
    if (closeAt <= new Date())
      throw fieldError('bookingsCloseAt', 'future', 'bookingsCloseAt (by default 24 hours before the first pick-up) must be in the future');

    const id = await this.dataSource.transaction((manager) =>
      onceForKey(
        manager,
        { tenantId, callerId: identity.userId, operation: 'create-transport-run', key: idempotencyKey, request: dto },
        async () => {
          const performance = await performanceForShare(manager, tenantId, dto.performanceId);
          if (!performance) throw new NotFoundException('No such performance.');
          if (performance.status === 'cancelled')
            throw conflict('performance-cancelled', 'The performance is cancelled.', { performanceId: dto.performanceId });
          if (dto.driverStaffId) await refuseUnclearedDriver(manager, tenantId, dto.driverStaffId, outbound);
          const runId = newId();
          await insertRun(manager, tenantId, {
            id: runId,
            performanceId: dto.performanceId,
            vehicle: dto.vehicle,
            driverStaffId: dto.driverStaffId ?? null,
            seats: dto.seats,
            outboundDepartsAt: outbound,
            returnDepartsAt: returnAt,
            bookingsCloseAt: closeAt,
            stops: dto.stops.map((stop) => ({ id: newId(), name: stop.name, place: stop.place, pickupAt: stop.pickupAt })),
          });
          return runId;
        },
      ),
    );
    return this.get(tenantId, id);
  }

  async get(tenantId: string, runId: string): Promise<TransportRunDto> {
    const row = await runById(this.dataSource, tenantId, runId);
    if (!row) throw new NotFoundException('No such transport run.');
    return toRunDto(row);
  }

  async list(tenantId: string, query: TransportRunQueryDto): Promise<Page<TransportRunDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await runsPage(this.dataSource, tenantId, { performanceId: query.performanceId ?? null, after, limit: query.limit + 1 });
    return toPage(found, query.limit, toRunDto, (row) => [row.outbound_departs_at.toISOString(), row.id]);
  }
}

function fieldError(field: string, rule: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, rule, message }]);
}
