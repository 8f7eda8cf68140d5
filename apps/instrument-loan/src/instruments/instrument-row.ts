import { isoDate } from '@tutti/platform';
import type { ConditionGrade, InstrumentStatus, OwnerKind } from './instrument-catalogue';
import type { InstrumentDto } from './dto/instrument.dto';

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

export function toInstrumentDto(row: InstrumentRecord): InstrumentDto {
  return {
    id: row.id,
    assetTag: row.asset_tag,
    family: row.family,
    type: row.type,
    size: row.size,
    make: row.make,
    model: row.model,
    serial: row.serial,
    purchasedOn: isoDate(row.purchased_on),
    purchaseValuePence: row.purchase_value_pence,
    ownerKind: row.owner_kind,
    ownerSchoolId: row.owner_school_id,
    location: row.location,
    condition: row.condition,
    status: row.status,
    nextInspectionOn: isoDate(row.next_inspection_on),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
