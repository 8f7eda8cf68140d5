import { oneRow, rows, type Queryable } from '@tutti/platform';

/** A `repair_tickets` row with its instrument's asset tag. */
export interface RepairRecord {
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

/** The open ticket of an instrument in repair, as much as a refused check-out says of it. */
export interface OpenTicketRecord {
  id: string;
  fault: string;
  opened_on: Date | string;
}

const REPAIR_SELECT = `SELECT r.*, i.asset_tag FROM repair_tickets r JOIN instruments i ON i.tenant_id = r.tenant_id AND i.id = r.instrument_id`;

export function repairById(db: Queryable, tenantId: string, ticketId: string): Promise<RepairRecord | undefined> {
  return oneRow<RepairRecord>(db, `${REPAIR_SELECT} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, ticketId]);
}

/** The ticket, locked for the rest of the caller's transaction. */
export function lockRepairTicket(db: Queryable, tenantId: string, ticketId: string): Promise<Omit<RepairRecord, 'asset_tag'> | undefined> {
  return oneRow<Omit<RepairRecord, 'asset_tag'>>(db, `SELECT * FROM repair_tickets WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
    tenantId,
    ticketId,
  ]);
}

export function openTicketOf(db: Queryable, tenantId: string, instrumentId: string): Promise<OpenTicketRecord | undefined> {
  return oneRow<OpenTicketRecord>(
    db,
    'SELECT id, fault, opened_on FROM repair_tickets WHERE tenant_id = $1 AND instrument_id = $2 AND closed_on IS NULL',
    [tenantId, instrumentId],
  );
}

/** Opens a ticket and takes the instrument out of use until it is closed. */
export async function openRepairTicket(
  db: Queryable,
  tenantId: string,
  ticket: {
    id: string;
    instrumentId: string;
    fault: string;
    repairer: string | null;
    costPence: number | null;
    openedOn: string;
    openedBy: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE instruments SET status = 'in_repair', version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, ticket.instrumentId],
  );
  await db.query(
    `INSERT INTO repair_tickets (id, tenant_id, instrument_id, fault, repairer, cost_pence, opened_on, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ticket.id, tenantId, ticket.instrumentId, ticket.fault, ticket.repairer, ticket.costPence, ticket.openedOn, ticket.openedBy],
  );
}

/** Closes the ticket and brings its instrument back (available, or retired when unusable) if it is still in repair. */
export async function closeRepairTicket(
  db: Queryable,
  tenantId: string,
  ticket: {
    id: string;
    instrumentId: string;
    closedOn: string;
    costPence: number;
    conditionAfter: string;
    repairer: string | null;
    instrumentStatus: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE repair_tickets SET closed_on = $3, cost_pence = $4, condition_after = $5, repairer = COALESCE($6, repairer) WHERE tenant_id = $1 AND id = $2`,
    [tenantId, ticket.id, ticket.closedOn, ticket.costPence, ticket.conditionAfter, ticket.repairer],
  );
  await db.query(
    `UPDATE instruments SET status = $3, condition = $4, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'in_repair'`,
    [tenantId, ticket.instrumentId, ticket.instrumentStatus, ticket.conditionAfter],
  );
}

/** Tickets by id, newest first, after the cursor's id; at most `limit` rows (a page asks for one more). */
export function listRepairs(
  db: Queryable,
  tenantId: string,
  filter: { state: 'open' | 'closed' | 'all'; instrumentId?: string },
  afterId: unknown,
  limit: number,
): Promise<RepairRecord[]> {
  const params: unknown[] = [tenantId];
  const conditions = ['r.tenant_id = $1', { open: 'r.closed_on IS NULL', closed: 'r.closed_on IS NOT NULL', all: 'true' }[filter.state]];
  if (filter.instrumentId) {
    params.push(filter.instrumentId);
    conditions.push(`r.instrument_id = $${params.length}`);
  }
  if (afterId !== undefined) {
    params.push(afterId);
    conditions.push(`r.id < $${params.length}::uuid`);
  }
  params.push(limit);
  return rows<RepairRecord>(db, `${REPAIR_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY r.id DESC LIMIT $${params.length}`, params);
}

/** Records an inspection and the instrument's condition and next due date. */
export async function recordInspection(
  db: Queryable,
  tenantId: string,
  inspection: {
    id: string;
    instrumentId: string;
    inspectedOn: string;
    condition: string;
    notes: string | null;
    inspectedBy: string;
    nextInspectionOn: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE instruments SET condition = $3, next_inspection_on = $4, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, inspection.instrumentId, inspection.condition, inspection.nextInspectionOn],
  );
  await db.query(
    `INSERT INTO inspections (id, tenant_id, instrument_id, inspected_on, condition, notes, inspected_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      inspection.id,
      tenantId,
      inspection.instrumentId,
      inspection.inspectedOn,
      inspection.condition,
      inspection.notes,
      inspection.inspectedBy,
    ],
  );
}
