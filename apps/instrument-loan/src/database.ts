import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { IdempotencyKeysByCaller1764062000000 } from '@tutti/platform';
import { InstrumentsAndLoans1764060700000 } from './migrations/1764060700000-instruments-and-loans';
import { PupilEventMarkers1764067000000 } from './migrations/1764067000000-pupil-event-markers';
import { AreaSettingsVersion1764071000000 } from './migrations/1764071000000-area-settings-version';
import { DataRequestMarkers1796437236638 } from './migrations/1796437236638-data-request-markers';
import { ConditionAttendanceSchool1796472000000 } from './migrations/1796472000000-condition-attendance-school';

/** This service reads and writes with raw SQL over its own schema; only messaging brings entities. */
export const INSTRUMENT_LOAN_ENTITIES = [...MESSAGING_ENTITIES];
export const INSTRUMENT_LOAN_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  InstrumentsAndLoans1764060700000,
  IdempotencyKeysByCaller1764062000000,
  PupilEventMarkers1764067000000,
  AreaSettingsVersion1764071000000,
  DataRequestMarkers1796437236638,
  ConditionAttendanceSchool1796472000000,
];
