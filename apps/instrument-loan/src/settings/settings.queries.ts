import { oneRow, type Queryable } from '@tutti/platform';

/** An area's loan settings; the defaults apply until the programme admin changes them. */
export interface AreaSettings {
  missedSessionsThreshold: number;
  gracePeriodDays: number;
  termsVersion: string;
  inspectionIntervalDays: number;
}

/** The settings with the version an edit's If-Match names: 0 while the area is on the defaults (no row). */
export interface VersionedAreaSettings extends AreaSettings {
  version: number;
}

export const DEFAULT_AREA_SETTINGS: AreaSettings = {
  missedSessionsThreshold: 3,
  gracePeriodDays: 14,
  termsVersion: '2025-1',
  inspectionIntervalDays: 120,
};

const SETTINGS_COLUMNS = `missed_sessions_threshold AS "missedSessionsThreshold", grace_period_days AS "gracePeriodDays", terms_version AS "termsVersion",
  inspection_interval_days AS "inspectionIntervalDays", version`;

export async function areaSettings(manager: Queryable, tenantId: string): Promise<VersionedAreaSettings> {
  const row = await oneRow<VersionedAreaSettings>(manager, `SELECT ${SETTINGS_COLUMNS} FROM area_settings WHERE tenant_id = $1`, [
    tenantId,
  ]);
  return row ?? { ...DEFAULT_AREA_SETTINGS, version: 0 };
}

/**
 * Changes the given settings, keeping the others, if the area's settings are still at
 * `expectedVersion`; undefined when they are not (someone changed them meanwhile). Decided by one
 * conditional statement: the first edit inserts the row only if none exists, later ones update only
 * the version they were based on.
 */
export function updateAreaSettings(
  manager: Queryable,
  tenantId: string,
  changes: Partial<AreaSettings>,
  expectedVersion: number,
): Promise<VersionedAreaSettings | undefined> {
  const values = [
    changes.missedSessionsThreshold ?? null,
    changes.gracePeriodDays ?? null,
    changes.termsVersion ?? null,
    changes.inspectionIntervalDays ?? null,
  ];
  if (expectedVersion === 0) {
    const first = { ...DEFAULT_AREA_SETTINGS, ...definedOnly(changes) };
    return oneRow<VersionedAreaSettings>(
      manager,
      `INSERT INTO area_settings (tenant_id, missed_sessions_threshold, grace_period_days, terms_version, inspection_interval_days, version)
       VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (tenant_id) DO NOTHING RETURNING ${SETTINGS_COLUMNS}`,
      [tenantId, first.missedSessionsThreshold, first.gracePeriodDays, first.termsVersion, first.inspectionIntervalDays],
    );
  }
  return oneRow<VersionedAreaSettings>(
    manager,
    `UPDATE area_settings SET missed_sessions_threshold = coalesce($2, missed_sessions_threshold), grace_period_days = coalesce($3, grace_period_days),
       terms_version = coalesce($4, terms_version), inspection_interval_days = coalesce($5, inspection_interval_days), version = version + 1
     WHERE tenant_id = $1 AND version = $6 RETURNING ${SETTINGS_COLUMNS}`,
    [tenantId, ...values, expectedVersion],
  );
}

function definedOnly(changes: Partial<AreaSettings>): Partial<AreaSettings> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null));
}
