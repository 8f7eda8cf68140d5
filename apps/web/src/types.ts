/** The shapes the gateway answers (see each service's DTOs); only the fields the app reads. */
import type { Schema } from './api/client';

/** The signed-in person as /identity/me answers. */
export type Me = Schema<'MeDto'>;

export type Area = Schema<'AreaSummaryDto'>;

export type GuardedPupil = Schema<'GuardedPupilDto'>;

export type Role = Me['roles'][number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Pupil {
  id: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
}

export interface School {
  id: string;
  name: string;
  urn: string | null;
  phase: string;
}

export interface Performance {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  status: string;
}

export interface PickupStop {
  id: string;
  name: string;
  place: string;
  pickupAt: string;
}

export interface TransportRun {
  id: string;
  performance: { id: string; title: string; startsAt: string; venueName: string; status: string };
  vehicle: string;
  seats: number;
  seatsTaken: number;
  seatsLeft: number;
  bookingsCloseAt: string;
  status: string;
  /** Whether a family may book now (the bus runs, its performance is on, the cut-off has not passed). */
  bookingOpen: boolean;
  stops: PickupStop[];
}

export type BookingStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'expired' | 'declined';

export interface Booking {
  id: string;
  runId: string;
  stopId: string;
  status: BookingStatus;
  adults: number;
  children: number;
  seats: number;
  pupilIds: string[];
  waitlistPlace: number | null;
  offerExpiresAt: string | null;
  createdAt: string;
}

export type ConsentKind = 'photo_film' | 'performing_in_public' | 'transport' | 'trips';

export interface PupilConsents {
  pupilId: string;
  consents: {
    kind: ConsentKind;
    state: 'granted' | 'refused' | 'withdrawn' | 'missing';
    note: string | null;
    givenByName: string | null;
    givenAt: string | null;
  }[];
}

export interface Occurrence {
  id: string;
  title: string;
  schoolName: string | null;
  roomName: string | null;
  localDate: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  registerTaken: boolean;
}

export type AttendanceStatus = 'present' | 'late' | 'absent' | 'excused';

export interface RegisterEntry {
  pupilId: string | null;
  staffId: string | null;
  name: string;
  instrument: string | null;
  section: string | null;
  status: AttendanceStatus | null;
  markId: string | null;
}

export interface Register {
  occurrenceId: string;
  submissionId: string | null;
  submittedAt: string | null;
  entries: RegisterEntry[];
}

export interface RehearsalNote {
  repertoire: string[];
  focus?: string;
  notes?: string;
  /** The version saved: sent back as If-Match, so that a colleague's save in between is not overwritten. */
  version: number;
}

export interface SchoolProvision {
  period: { from: string; to: string; teachingWeeks: number };
  targetWeeklyMinutes: number;
  school: { schoolId: string; name: string; pupils: number; averageWeeklyMinutes: number | null; pupilsBelowTarget: number };
  classes: { classId: string | null; name: string; pupils: number; averageWeeklyMinutes: number | null; pupilsBelowTarget: number }[];
  pupils: { pupilId: string; name: string; weeklyAverageMinutes: number | null; totalMinutes: number; belowTarget: boolean }[];
}

export interface SchoolFairness {
  schoolId: string;
  schoolName: string | null;
  pupils: number;
  performed: number;
  notYetPerformed: number;
  offered: number;
  notYetOffered: number;
}

export interface EngagementFigures {
  schools: { schoolId: string; familiesEngaged: number; usedTransport: number; attendedPerformance: number }[];
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  status: string;
  grants: { role: Role; schoolIds?: string[] }[];
}

export interface Instrument {
  id: string;
  assetTag: string;
  family: string;
  type: string;
  size: string | null;
  condition: string;
  status: string;
}

export interface Ensemble {
  id: string;
  schoolId: string | null;
  name: string;
}

export interface Room {
  id: string;
  schoolId: string;
  name: string;
}

export interface Staff {
  id: string;
  displayName: string;
  schoolIds: string[];
}

export interface Term {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** One double booking a 409 from scheduling lists. */
export interface Clash {
  kind: 'tutor' | 'room' | 'pupil';
  occurrenceId: string;
  startsAt: string;
  clashesWith: { occurrenceId: string; title: string; startsAt: string; endsAt: string };
}
