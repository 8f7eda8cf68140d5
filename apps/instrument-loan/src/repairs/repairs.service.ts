import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ReminderScheduler, type ReminderRow } from '@tutti/messaging';
import { addDays, ConflictProblem, decodeCursor, isoDate, newId, oneRow, PLANNING_TIME_ZONE, rows, todayIn, toPage, ValidationProblem, zonedDateTime } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { lockLookedAfterInstrument } from '../instruments/instrument-access';
import { areaSettings } from '../settings/settings.queries';
import type { CloseRepairDto, InspectionDto, OpenRepairDto, RecordInspectionDto, RepairListQueryDto, RepairTicketDto, RepairTicketPageDto } from './dto/repair.dto';

export const INSPECTION_REMINDER_KIND = 'instrument.inspection-due';
/** How long before an inspection falls due its reminder goes out. */
const INSPECTION_REMINDER_LEAD_DAYS = 7;

interface RepairRecord {
  id: string;
  instrument_id: string;
  asset_tag: string;
  fault: string;
  repairer: string | null;
  cost_pence: number | null;
  opened_on: Date | string;
  closed_on: Date | string | null;
  condition_after: string | null;
}

const REPAIR_SELECT = `SELECT r.*, i.asset_tag FROM repair_tickets r JOIN instruments i ON i.tenant_id = r.tenant_id AND i.id = r.instrument_id`;

@Injectable()
export class RepairsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** Sends an instrument for repair; while the ticket is open it cannot go out on loan. */
  async open(identity: Identity, instrumentId: string, input: OpenRepairDto): Promise<RepairTicketDto> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const { instrument: current } = await lockLookedAfterInstrument(manager, identity, instrumentId);
      if (current.status !== 'available') {
        const why = current.status === 'on_loan' ? 'is out on loan: record its return first' : `is ${current.status.replace('_', ' ')}`;
        throw new ConflictProblem(`Instrument ${current.asset_tag} ${why}.`, [{ instrumentId, assetTag: current.asset_tag, status: current.status }]);
      }
      await manager.query(`UPDATE instruments SET status = 'in_repair', version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, instrumentId]);
      const id = newId();
      await manager.query(
        `INSERT INTO repair_tickets (id, tenant_id, instrument_id, fault, repairer, cost_pence, opened_on, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, tenantId, instrumentId, input.fault, input.repairer ?? null, input.costPence ?? null, input.openedOn ?? todayIn(PLANNING_TIME_ZONE), identity.userId],
      );
      return toRepairDto((await oneRow<RepairRecord>(manager, `${REPAIR_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, id])) as RepairRecord);
    });
  }

  /** The repair is done: the cost is recorded and the instrument is available again. */
  async close(identity: Identity, ticketId: string, input: CloseRepairDto): Promise<RepairTicketDto> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const ticket = await oneRow<RepairRecord>(manager, `SELECT * FROM repair_tickets WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, ticketId]);
      if (!ticket) throw new NotFoundException('No such repair ticket.');
      if (ticket.closed_on) throw new ConflictProblem('This repair ticket is already closed.', [{ repairTicketId: ticketId, closedOn: isoDate(ticket.closed_on) }]);
      const closedOn = input.closedOn ?? todayIn(PLANNING_TIME_ZONE);
      if (closedOn < (isoDate(ticket.opened_on) as string)) throw new ValidationProblem([{ field: 'closedOn', rule: 'afterOpened', message: 'closedOn cannot be before the ticket was opened' }]);
      await manager.query(
        `UPDATE repair_tickets SET closed_on = $3, cost_pence = $4, condition_after = $5, repairer = COALESCE($6, repairer) WHERE tenant_id = $1 AND id = $2`,
        [tenantId, ticketId, closedOn, input.costPence, input.conditionAfter, input.repairer ?? null],
      );
      const status = input.conditionAfter === 'unusable' ? 'retired' : 'available';
      await manager.query(
        `UPDATE instruments SET status = $3, condition = $4, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'in_repair'`,
        [tenantId, ticket.instrument_id, status, input.conditionAfter],
      );
      return toRepairDto((await oneRow<RepairRecord>(manager, `${REPAIR_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, ticketId])) as RepairRecord);
    });
  }

  async list(tenantId: string, query: RepairListQueryDto): Promise<RepairTicketPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const params: unknown[] = [tenantId];
    const conditions = ['r.tenant_id = $1', { open: 'r.closed_on IS NULL', closed: 'r.closed_on IS NOT NULL', all: 'true' }[query.state]];
    if (query.instrumentId) {
      params.push(query.instrumentId);
      conditions.push(`r.instrument_id = $${params.length}`);
    }
    if (after) {
      params.push(after[0]);
      conditions.push(`r.id < $${params.length}::uuid`);
    }
    params.push(query.limit + 1);
    const found = await rows<RepairRecord>(this.dataSource, `${REPAIR_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY r.id DESC LIMIT $${params.length}`, params);
    return toPage(found, query.limit, toRepairDto, (row) => [row.id]);
  }

  /**
   * Records a termly inspection: the instrument's condition and next due date are updated, and a
   * reminder to the inspector is (re)scheduled a week before the next one.
   */
  async inspect(identity: Identity, instrumentId: string, input: RecordInspectionDto): Promise<InspectionDto> {
    const tenantId = identity.tenantId;
    const inspectedOn = input.inspectedOn ?? todayIn(PLANNING_TIME_ZONE);
    let reminder: ReminderRow | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      const settings = await areaSettings(manager, tenantId);
      const nextInspectionOn = addDays(inspectedOn, settings.inspectionIntervalDays);
      const { instrument } = await lockLookedAfterInstrument(manager, identity, instrumentId);
      if (instrument.status === 'lost' || instrument.status === 'retired') {
        throw new ConflictProblem(`Instrument ${instrument.asset_tag} is ${instrument.status} and is no longer inspected.`, [{ instrumentId, status: instrument.status }]);
      }
      await manager.query(`UPDATE instruments SET condition = $3, next_inspection_on = $4, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        instrumentId,
        input.condition,
        nextInspectionOn,
      ]);
      const id = newId();
      await manager.query(
        `INSERT INTO inspections (id, tenant_id, instrument_id, inspected_on, condition, notes, inspected_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, tenantId, instrumentId, inspectedOn, input.condition, input.notes ?? null, identity.userId],
      );
      const cancelled = await this.reminders.cancelForSubjectIn(manager, tenantId, 'instrument', instrumentId);
      reminder = await this.reminders.schedule(manager, {
        tenantId,
        kind: INSPECTION_REMINDER_KIND,
        recipientId: identity.userId,
        subjectType: 'instrument',
        subjectId: instrumentId,
        dueAt: zonedDateTime(addDays(nextInspectionOn, -INSPECTION_REMINDER_LEAD_DAYS), '09:00', PLANNING_TIME_ZONE),
        payload: { assetTag: instrument.asset_tag, nextInspectionOn },
      });
      return {
        dto: { id, instrumentId, inspectedOn, condition: input.condition, notes: input.notes ?? null, nextInspectionOn, reminderAt: reminder.dueAt.toISOString() },
        staleJobIds: cancelled.staleJobIds,
      };
    });
    await this.reminders.syncJobs({ staleJobIds: result.staleJobIds, toEnqueue: reminder ? [reminder] : [] });
    return result.dto;
  }
}

function toRepairDto(row: RepairRecord): RepairTicketDto {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    assetTag: row.asset_tag,
    fault: row.fault,
    repairer: row.repairer,
    costPence: row.cost_pence,
    openedOn: isoDate(row.opened_on) as string,
    closedOn: isoDate(row.closed_on),
    conditionAfter: row.condition_after,
  };
}
