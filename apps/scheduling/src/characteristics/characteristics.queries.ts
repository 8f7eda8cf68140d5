import { oneRow, type Queryable } from '@tutti/platform';
import type { Characteristics } from './characteristics.model';

export interface CharacteristicsRow extends Characteristics {
  pupilId: string;
  schoolId: string;
  version: number;
}

const CHARACTERISTICS_COLUMNS = `id AS "pupilId", school_id AS "schoolId", pupil_premium AS "pupilPremium", send, eal, gender, ethnicity_group AS "ethnicityGroup", version`;

export function characteristicsOf(db: Queryable, tenantId: string, pupilId: string): Promise<CharacteristicsRow | undefined> {
  return oneRow<CharacteristicsRow>(db, `SELECT ${CHARACTERISTICS_COLUMNS} FROM pupils WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    pupilId,
  ]);
}

/** Records the characteristics given (undefined keeps one) if the pupil is still at `expectedVersion`; undefined when not (or not there). */
export function updateCharacteristics(
  db: Queryable,
  tenantId: string,
  pupilId: string,
  expectedVersion: number,
  changes: Partial<Characteristics>,
): Promise<CharacteristicsRow | undefined> {
  return oneRow<CharacteristicsRow>(
    db,
    `UPDATE pupils SET pupil_premium = coalesce($4, pupil_premium), send = coalesce($5, send), eal = coalesce($6, eal), gender = coalesce($7, gender),
              ethnicity_group = coalesce($8, ethnicity_group), updated_at = now(), version = version + 1
        WHERE tenant_id = $1 AND id = $2 AND version = $3
        RETURNING ${CHARACTERISTICS_COLUMNS}`,
    [
      tenantId,
      pupilId,
      expectedVersion,
      changes.pupilPremium ?? null,
      changes.send ?? null,
      changes.eal ?? null,
      changes.gender ?? null,
      changes.ethnicityGroup ?? null,
    ],
  );
}
