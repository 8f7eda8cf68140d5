import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { IdempotencyKeysByCaller1764062000000 } from '@tutti/platform';
import { VenuesAndPerformances1764060100000 } from './migrations/1764060100000-venues-and-performances';
import { ProgrammesRostersReplicas1764060600000 } from './migrations/1764060600000-programmes-rosters-replicas';
import { ReplicaPupilEventMarkers1764070000000 } from './migrations/1764070000000-replica-pupil-event-markers';
import { PrintedSheetsAndErasure1796437248618 } from './migrations/1796437248618-printed-sheets-and-erasure';

export const PERFORMANCE_EVENT_ENTITIES = [...MESSAGING_ENTITIES];
export const PERFORMANCE_EVENT_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  VenuesAndPerformances1764060100000,
  ProgrammesRostersReplicas1764060600000,
  IdempotencyKeysByCaller1764062000000,
  ReplicaPupilEventMarkers1764070000000,
  PrintedSheetsAndErasure1796437248618,
];
