import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { afterCommit, ReminderScheduler } from '@tutti/messaging';
import {
  addDays,
  ConflictProblem,
  decodeCursor,
  isoDate,
  newId,
  PLANNING_TIME_ZONE,
  todayIn,
  toPage,
  ValidationProblem,
  zonedDateTime,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import { lockLookedAfterInstrument } from '../instruments/instrument-access';
import { areaSettings } from '../settings/settings.queries';
import {
  closeRepairTicket,
  listRepairs,
  lockRepairTicket,
  openRepairTicket,
  recordInspection,
  repairById,
  type RepairRecord,
} from './repairs.queries';
import type {
  CloseRepairDto,
  InspectionDto,
  OpenRepairDto,
  RecordInspectionDto,
  RepairListQueryDto,
  RepairTicketDto,
  RepairTicketPageDto,
} from './dto/repair.dto';

export const INSPECTION_REMINDER_KIND = 'instrument.inspection-due';
/** How long before an inspection falls due its reminder goes out. */
const INSPECTION_REMINDER_LEAD_DAYS = 7;

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
        throw new ConflictProblem(`Instrument ${current.asset_tag} ${why}.`, [
          { instrumentId, assetTag: current.asset_tag, status: current.status },
        ]);
      }
      const id = newId();
      await openRepairTicket(manager, tenantId, {
        id,
        instrumentId,
        fault: input.fault,
        repairer: input.repairer ?? null,
        costPence: input.costPence ?? null,
        openedOn: input.openedOn ?? todayIn(PLANNING_TIME_ZONE),
        openedBy: identity.userId,
      });
      return toRepairDto((await repairById(manager, tenantId, id)) as RepairRecord);
    });
  }

  /** The repair is done: the cost is recorded and the instrument is available again. */
  async close(identity: Identity, ticketId: string, input: CloseRepairDto): Promise<RepairTicketDto> {
    const tenantId = identity.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const ticket = await lockRepairTicket(manager, tenantId, ticketId);
      if (!ticket) throw new NotFoundException('No such repair ticket.');
      if (ticket.closed_on)
        throw new ConflictProblem('This repair ticket is already closed.', [
          { repairTicketId: ticketId, closedOn: isoDate(ticket.closed_on) },
        ]);
      const closedOn = input.closedOn ?? todayIn(PLANNING_TIME_ZONE);
      if (closedOn < (isoDate(ticket.opened_on) as string))
        throw new ValidationProblem([
          { field: 'closedOn', rule: 'afterOpened', message: 'closedOn cannot be before the ticket was opened' },
        ]);
      await closeRepairTicket(manager, tenantId, {
        id: ticketId,
        instrumentId: ticket.instrument_id,
        closedOn,
        costPence: input.costPence,
        conditionAfter: input.conditionAfter,
        repairer: input.repairer ?? null,
        instrumentStatus: input.conditionAfter === 'unusable' ? 'retired' : 'available',
      });
      return toRepairDto((await repairById(manager, tenantId, ticketId)) as RepairRecord);
    });
  }

  async list(tenantId: string, query: RepairListQueryDto): Promise<RepairTicketPageDto> {
    const after = decodeCursor(query.cursor, ['uuid']);
    const found = await listRepairs(this.dataSource, tenantId, query, after?.[0], query.limit + 1);
    return toPage(found, query.limit, toRepairDto, (row) => [row.id]);
  }

  /**
   * Records a termly inspection: the instrument's condition and next due date are updated, and a
   * reminder to the inspector is (re)scheduled a week before the next one.
   */
  async inspect(identity: Identity, instrumentId: string, input: RecordInspectionDto): Promise<InspectionDto> {
    const tenantId = identity.tenantId;
    const inspectedOn = input.inspectedOn ?? todayIn(PLANNING_TIME_ZONE);
    return this.dataSource.transaction(async (manager) => {
      const settings = await areaSettings(manager, tenantId);
      const nextInspectionOn = addDays(inspectedOn, settings.inspectionIntervalDays);
      const { instrument } = await lockLookedAfterInstrument(manager, identity, instrumentId);
      if (instrument.status === 'lost' || instrument.status === 'retired') {
        throw new ConflictProblem(`Instrument ${instrument.asset_tag} is ${instrument.status} and is no longer inspected.`, [
          { instrumentId, status: instrument.status },
        ]);
      }
      const id = newId();
      await recordInspection(manager, tenantId, {
        id,
        instrumentId,
        inspectedOn,
        condition: input.condition,
        notes: input.notes ?? null,
        inspectedBy: identity.userId,
        nextInspectionOn,
      });
      const cancelled = await this.reminders.cancelForSubjectIn(manager, tenantId, 'instrument', instrumentId);
      const reminder = await this.reminders.schedule(manager, {
        tenantId,
        kind: INSPECTION_REMINDER_KIND,
        recipientId: identity.userId,
        subjectType: 'instrument',
        subjectId: instrumentId,
        dueAt: zonedDateTime(addDays(nextInspectionOn, -INSPECTION_REMINDER_LEAD_DAYS), '09:00', PLANNING_TIME_ZONE),
        payload: { assetTag: instrument.asset_tag, nextInspectionOn },
      });
      afterCommit(manager, () => this.reminders.syncJobs({ staleJobIds: cancelled.staleJobIds, toEnqueue: [reminder] }));
      return {
        id,
        instrumentId,
        inspectedOn,
        condition: input.condition,
        notes: input.notes ?? null,
        nextInspectionOn,
        reminderAt: reminder.dueAt.toISOString(),
      };
    });
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
