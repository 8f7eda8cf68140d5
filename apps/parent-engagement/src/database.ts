import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { Engagement1764060600000 } from './migrations/1764060600000-engagement';
import { ConsentsRsvpsSessions1764060800000 } from './migrations/1764060800000-consents-rsvps-sessions';
import { AnnouncementReadState1764061700000 } from './migrations/1764061700000-announcement-read-state';
import { BookingPathIndexes1764062500000 } from './migrations/1764062500000-booking-path-indexes';
import { GinWithoutPendingList1764063000000 } from './migrations/1764063000000-gin-without-pending-list';
import { RosterReplica1764063500000 } from './migrations/1764063500000-roster-replica';
import { RunsCountWaiting1764065500000 } from './migrations/1764065500000-runs-count-waiting';
import { BookingsKnowTheirPerformance1764066000000 } from './migrations/1764066000000-bookings-know-their-performance';
import { BookingsKnowTheirFamily1764066500000 } from './migrations/1764066500000-bookings-know-their-family';
import { FamilyContactFromAccount1764067000000 } from './migrations/1764067000000-family-contact-from-account';
import { DataRequestAnonymisation1796439710112 } from './migrations/1796439710112-data-request-anonymisation';
import { DriverSafeguarding1796439957235 } from './migrations/1796439957235-driver-safeguarding';
import { MessageOverrides1796455176995 } from './migrations/1796455176995-message-overrides';
import { MessageSettings1796458211017 } from './migrations/1796458211017-message-settings';
import { SchoolMessageSettings1796471556380 } from './migrations/1796471556380-school-message-settings';
import { TransportRunsHaveAVersion1796489972623 } from './migrations/1796489972623-transport-runs-have-a-version';
import { RosterSchools1796505079939 } from './migrations/1796505079939-roster-schools';
import { StaffClearanceKind1796506916348 } from './migrations/1796506916348-staff-clearance-kind';

/** Engagement's own tables are reached with raw SQL (see the migrations); TypeORM entities are messaging's. */
export const PARENT_ENGAGEMENT_ENTITIES = [...MESSAGING_ENTITIES];
export const PARENT_ENGAGEMENT_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  Engagement1764060600000,
  ConsentsRsvpsSessions1764060800000,
  AnnouncementReadState1764061700000,
  BookingPathIndexes1764062500000,
  GinWithoutPendingList1764063000000,
  RosterReplica1764063500000,
  RunsCountWaiting1764065500000,
  BookingsKnowTheirPerformance1764066000000,
  BookingsKnowTheirFamily1764066500000,
  FamilyContactFromAccount1764067000000,
  DataRequestAnonymisation1796439710112,
  DriverSafeguarding1796439957235,
  MessageOverrides1796455176995,
  MessageSettings1796458211017,
  SchoolMessageSettings1796471556380,
  TransportRunsHaveAVersion1796489972623,
  RosterSchools1796505079939,
  StaffClearanceKind1796506916348,
];
