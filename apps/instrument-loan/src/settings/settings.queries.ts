import { oneRow } from '@tutti/platform';
import type { EntityManager } from 'typeorm';

/** An area's loan settings; the defaults apply until the programme admin changes them. */
export interface AreaSettings {
  missedSessionsThreshold: number;
  gracePeriodDays: number;
  termsVersion: string;
  inspectionIntervalDays: number;
}

export const DEFAULT_AREA_SETTINGS: AreaSettings = { missedSessionsThreshold: 3, gracePeriodDays: 14, termsVersion: '2025-1', inspectionIntervalDays: 120 };

export async function areaSettings(manager: Pick<EntityManager, 'query'>, tenantId: string): Promise<AreaSettings> {
  const row = await oneRow<{ missed_sessions_threshold: number; grace_period_days: number; terms_version: string; inspection_interval_days: number }>(
    manager,
    'SELECT * FROM area_settings WHERE tenant_id = $1',
    [tenantId],
  );
  if (!row) return DEFAULT_AREA_SETTINGS;
  return {
    missedSessionsThreshold: row.missed_sessions_threshold,
    gracePeriodDays: row.grace_period_days,
    termsVersion: row.terms_version,
    inspectionIntervalDays: row.inspection_interval_days,
  };
}
