import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { ConditionGrade, InstrumentStatus, OwnerKind } from './instrument-catalogue';

/** An `instruments` row as node-postgres returns it. */
export interface InstrumentRecord {
  id: string;
  tenant_id: string;
  asset_tag: string;
  family: string;
  type: string;
  size: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  purchased_on: Date | string | null;
  purchase_value_pence: number | null;
  owner_kind: OwnerKind;
  owner_school_id: string | null;
  location: string | null;
  condition: ConditionGrade;
  status: InstrumentStatus;
  next_inspection_on: Date | string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The active loan of an instrument, as much as its keepers' checks and a clash need. */
export interface ActiveLoanRecord {
  id: string;
  school_id: string;
  pupil_id: string;
  due_on: Date | string;
}

/** What describes an instrument (everything but its status, which loans and repairs move). */
export interface InstrumentDescription {
  assetTag: string;
  family: string;
  type: string;
  size: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  purchasedOn: string | null;
  purchaseValuePence: number | null;
  ownerKind: string;
  ownerSchoolId: string | null;
  location: string | null;
  condition: string;
}

export interface InstrumentFilter {
  q?: string;
  type?: string;
  family?: string;
  size?: string;
  status?: string;
  condition?: string;
  ownerSchoolId?: string;
  inspectionDueBy?: string;
}

const descriptionValues = (fields: InstrumentDescription): unknown[] => [
  fields.family,
  fields.type,
  fields.size,
  fields.make,
  fields.model,
  fields.serial,
  fields.purchasedOn,
  fields.purchaseValuePence,
  fields.ownerKind,
  fields.ownerSchoolId,
  fields.location,
  fields.condition,
];

export function instrumentById(db: Queryable, tenantId: string, instrumentId: string): Promise<InstrumentRecord | undefined> {
  return oneRow<InstrumentRecord>(db, 'SELECT * FROM instruments WHERE tenant_id = $1 AND id = $2', [tenantId, instrumentId]);
}

export function instrumentByTag(db: Queryable, tenantId: string, assetTag: string): Promise<InstrumentRecord | undefined> {
  return oneRow<InstrumentRecord>(db, 'SELECT * FROM instruments WHERE tenant_id = $1 AND asset_tag = $2', [tenantId, assetTag]);
}

/** The instrument, locked for the rest of the caller's transaction. */
export function lockInstrument(db: Queryable, tenantId: string, instrumentId: string): Promise<InstrumentRecord | undefined> {
  return oneRow<InstrumentRecord>(db, 'SELECT * FROM instruments WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, instrumentId]);
}

export function activeLoanOf(db: Queryable, tenantId: string, instrumentId: string): Promise<ActiveLoanRecord | undefined> {
  return oneRow<ActiveLoanRecord>(
    db,
    'SELECT id, school_id, pupil_id, due_on FROM loans WHERE tenant_id = $1 AND instrument_id = $2 AND returned_at IS NULL',
    [tenantId, instrumentId],
  );
}

/** A new instrument in store (status available). */
export async function insertInstrument(
  db: Queryable,
  tenantId: string,
  id: string,
  fields: InstrumentDescription,
): Promise<InstrumentRecord> {
  const row = await oneRow<InstrumentRecord>(
    db,
    `INSERT INTO instruments (id, tenant_id, asset_tag, family, type, size, make, model, serial, purchased_on, purchase_value_pence,
                              owner_kind, owner_school_id, location, condition, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'available') RETURNING *`,
    [id, tenantId, fields.assetTag, ...descriptionValues(fields)],
  );
  return row as InstrumentRecord;
}

/** An import's new instrument; a tag taken meanwhile is left as it is. */
export async function insertImportedInstrument(db: Queryable, tenantId: string, id: string, fields: InstrumentDescription): Promise<void> {
  await db.query(
    `INSERT INTO instruments (tenant_id, id, asset_tag, family, type, size, make, model, serial, purchased_on, purchase_value_pence, owner_kind, owner_school_id, location, condition, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'available')
     ON CONFLICT (tenant_id, asset_tag) DO NOTHING`,
    [tenantId, id, fields.assetTag, ...descriptionValues(fields)],
  );
}

/** Rewrites an instrument's description (an import's update). */
export async function updateInstrumentDescription(
  db: Queryable,
  tenantId: string,
  instrumentId: string,
  fields: InstrumentDescription,
): Promise<void> {
  await db.query(
    `UPDATE instruments SET family = $3, type = $4, size = $5, make = $6, model = $7, serial = $8, purchased_on = $9, purchase_value_pence = $10,
            owner_kind = $11, owner_school_id = $12, location = $13, condition = $14, version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, instrumentId, ...descriptionValues(fields)],
  );
}

/** An edit: the instrument's description and status as given (the caller merged them with what was there). */
export async function updateInstrument(
  db: Queryable,
  tenantId: string,
  instrumentId: string,
  fields: Omit<InstrumentDescription, 'assetTag' | 'family' | 'type'> & { status: string },
): Promise<InstrumentRecord> {
  const [row] = await rows<InstrumentRecord>(
    db,
    `UPDATE instruments SET size = $3, make = $4, model = $5, serial = $6, purchased_on = $7, purchase_value_pence = $8, owner_kind = $9,
            owner_school_id = $10, location = $11, condition = $12, status = $13, version = version + 1, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 RETURNING *`,
    [
      tenantId,
      instrumentId,
      fields.size,
      fields.make,
      fields.model,
      fields.serial,
      fields.purchasedOn,
      fields.purchaseValuePence,
      fields.ownerKind,
      fields.ownerSchoolId,
      fields.location,
      fields.condition,
      fields.status,
    ],
  );
  return row;
}

/** The instruments of these tags; locked when the caller is about to change them. */
export function instrumentsByTags(db: Queryable, tenantId: string, assetTags: string[], lock: boolean): Promise<InstrumentRecord[]> {
  return rows<InstrumentRecord>(
    db,
    `SELECT * FROM instruments WHERE tenant_id = $1 AND asset_tag = ANY($2::text[]) ${lock ? 'FOR UPDATE' : ''}`,
    [tenantId, assetTags],
  );
}

/** The stock by asset tag after the (asset tag, id) cursor, at most `limit` rows (a page asks for one more, to tell whether more follow). */
export function listInstruments(
  db: Queryable,
  tenantId: string,
  filter: InstrumentFilter,
  after: readonly unknown[] | null | undefined,
  limit: number,
): Promise<InstrumentRecord[]> {
  const conditions = ['tenant_id = $1'];
  const params: unknown[] = [tenantId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
    const q = `$${params.length}`;
    conditions.push(`(asset_tag ILIKE ${q} OR serial ILIKE ${q} OR make ILIKE ${q} OR model ILIKE ${q})`);
  }
  if (filter.type) add('type = ?', filter.type);
  if (filter.family) add('family = ?', filter.family);
  if (filter.size) add('size = ?', filter.size);
  if (filter.status) add('status = ?', filter.status);
  if (filter.condition) add('condition = ?', filter.condition);
  if (filter.ownerSchoolId) add('owner_school_id = ?', filter.ownerSchoolId);
  if (filter.inspectionDueBy) add(`next_inspection_on <= ? AND status NOT IN ('lost', 'retired')`, filter.inspectionDueBy);
  if (after) {
    params.push(after[0], after[1]);
    conditions.push(`(asset_tag, id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(limit);
  return rows<InstrumentRecord>(
    db,
    `SELECT * FROM instruments WHERE ${conditions.join(' AND ')} ORDER BY asset_tag, id LIMIT $${params.length}`,
    params,
  );
}
