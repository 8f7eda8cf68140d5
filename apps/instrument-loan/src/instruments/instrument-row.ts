import { isoDate } from '@tutti/platform';
import type { InstrumentDto } from './dto/instrument.dto';
import type { InstrumentRecord } from './instruments.queries';

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
