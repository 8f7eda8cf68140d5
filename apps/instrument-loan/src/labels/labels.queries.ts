import { rows, type Queryable } from '@tutti/platform';

/** What a label prints of an instrument. */
export interface LabelRecord {
  id: string;
  asset_tag: string;
  type: string;
  size: string | null;
}

/** The instruments of these ids in the area, by asset tag (ids of other areas are left out). */
export function labelsOf(db: Queryable, tenantId: string, instrumentIds: string[]): Promise<LabelRecord[]> {
  return rows<LabelRecord>(
    db,
    'SELECT id, asset_tag, type, size FROM instruments WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY asset_tag',
    [tenantId, instrumentIds],
  );
}
