import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { IdempotencyKeysByCaller1764062000000 } from '@tutti/platform';
import { Schools1764060100000 } from './migrations/1764060100000-schools';
import { Roster1764060400000 } from './migrations/1764060400000-roster';
import { CalendarAndTimetable1764060500000 } from './migrations/1764060500000-calendar-and-timetable';
import { Imports1764060600000 } from './migrations/1764060600000-imports';
import { ImportNewClasses1764071500000 } from './migrations/1764071500000-import-new-classes';
import { ProgressionAndLessonPlans1764060700000 } from './migrations/1764060700000-progression-and-lesson-plans';
import { DropPupilRecordReads1764063000000 } from './migrations/1764063000000-drop-pupil-record-reads';
import { RegisterIndexes1764064000000 } from './migrations/1764064000000-register-indexes';
import { EditVersions1764065000000 } from './migrations/1764065000000-edit-versions';
import { PupilCharacteristics1764080000000 } from './migrations/1764080000000-pupil-characteristics';
import { AlumniAndDestination1764081000000 } from './migrations/1764081000000-alumni-and-destination';
import { PupilAnonymisedAt1764091000000 } from './migrations/1764091000000-pupil-anonymised-at';
import { IntensityWarnings1764092000000 } from './migrations/1764092000000-intensity-warnings';
import { ComparisonSchools1764093000000 } from './migrations/1764093000000-comparison-schools';
import { SafeguardingRecords1796437251582 } from './migrations/1796437251582-safeguarding-records';
import { IntensityCheckPendingIndex1796460054599 } from './migrations/1796460054599-intensity-check-pending-index';
import { SafeguardingChecksValidated1796460061187 } from './migrations/1796460061187-safeguarding-checks-validated';
import { EvidenceCopies1796470000000 } from './migrations/1796470000000-evidence-copies';
import { PartnerSchools1796476069791 } from './migrations/1796476069791-partner-schools';

/** Scheduling reads and writes with raw SQL (each feature's `.queries.ts`); only messaging brings entities. */
export const SCHEDULING_ENTITIES = [...MESSAGING_ENTITIES];
export const SCHEDULING_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  Schools1764060100000,
  Roster1764060400000,
  CalendarAndTimetable1764060500000,
  Imports1764060600000,
  ProgressionAndLessonPlans1764060700000,
  IdempotencyKeysByCaller1764062000000,
  DropPupilRecordReads1764063000000,
  RegisterIndexes1764064000000,
  EditVersions1764065000000,
  ImportNewClasses1764071500000,
  PupilCharacteristics1764080000000,
  AlumniAndDestination1764081000000,
  PupilAnonymisedAt1764091000000,
  SafeguardingRecords1796437251582,
  IntensityWarnings1764092000000,
  ComparisonSchools1764093000000,
  IntensityCheckPendingIndex1796460054599,
  SafeguardingChecksValidated1796460061187,
  EvidenceCopies1796470000000,
  PartnerSchools1796476069791,
];
