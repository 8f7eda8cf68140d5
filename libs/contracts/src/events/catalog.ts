import type { ServiceName } from '../services';

/**
 * Every event that crosses a service boundary, with its versioned payload. Adding an event means
 * adding it here and naming its subscribers in `subscriptions.ts`; the compiler then holds producers
 * and consumers to the same shape.
 */
export interface EventCatalog {
  'identity.tenant.created': TenantChangedV1;
  'identity.tenant.updated': TenantChangedV1;
  'identity.guardian.linked': GuardianLinkedV1;
  'identity.account.updated': AccountUpdatedV1;
  'identity.data-request.opened': DataRequestOpenedV1;
  'scheduling.school.created': SchoolChangedV1;
  'scheduling.school.updated': SchoolChangedV1;
  'scheduling.pupil.enrolled': PupilEnrolledV1;
  'scheduling.pupil.moved': PupilMovedV1;
  'scheduling.pupil.left': PupilLeftV1;
  'scheduling.pupil.became-alumni': PupilBecameAlumniV1;
  'scheduling.pupil.details-changed': PupilDetailsChangedV1;
  'scheduling.ensemble-membership.changed': EnsembleMembershipChangedV1;
  'scheduling.ensemble.membership-changed': EnsembleMembersSnapshotV1;
  'scheduling.attendance.recorded': AttendanceRecordedV1;
  'scheduling.session.cancelled': SessionOccurrenceChangedV1;
  'scheduling.session.moved': SessionOccurrenceChangedV1;
  'scheduling.safeguarding.changed': SafeguardingClearanceV1;
  'scheduling.safeguarding.flagged': SafeguardingFlaggedV1;
  'scheduling.intensity.flagged': IntensityFlaggedV1;
  'loan.loan.started': LoanStartedV1;
  'loan.loan.returned': LoanReturnedV1;
  'loan.loan.overdue': LoanOverdueV1;
  'loan.loan.flagged': LoanFlaggedV1;
  'engagement.consent.changed': ConsentChangedV1;
  'performance.performance.published': PerformanceScheduleV1;
  'performance.performance.rescheduled': PerformanceScheduleV1;
  'performance.performance.cancelled': PerformanceCancelledV1;
  'performance.performance.completed': PerformanceCompletedV1;
  'engagement.rsvp.changed': RsvpChangedV1;
  'engagement.family-session.attendance-marked': FamilySessionAttendanceV1;
  'audit.entry.recorded': AuditEntryRecordedV1;
  'scheduling.data-request.answered': DataRequestAnsweredV1;
  'loan.data-request.answered': DataRequestAnsweredV1;
  'performance.data-request.answered': DataRequestAnsweredV1;
  'engagement.data-request.answered': DataRequestAnsweredV1;
}

export interface TenantChangedV1 {
  version: 1;
  tenantId: string;
  name: string;
  slug: string;
  timeZone: string;
  weeklyProvisionTargetMinutes: number;
  familyLanguages: string[];
  familyTransportSeatLimit: number;
}

/** How to reach a person, as their account has it: a family's contact unless the family chose its own. */
export interface AccountContactV1 {
  accountId: string;
  email: string;
  displayName: string;
  /** BCP 47 tag. */
  preferredLanguage: string;
}

/** An account became guardian of a pupil; carries the account's contact. */
export interface GuardianLinkedV1 extends AccountContactV1 {
  version: 1;
  guardianLinkId: string;
  pupilId: string;
  schoolId: string;
}

/** An account's name, language or status changed; the payload is the account as it now is. */
export interface AccountUpdatedV1 extends AccountContactV1 {
  version: 1;
  status: 'invited' | 'active' | 'disabled';
}

export interface SchoolChangedV1 {
  version: 1;
  schoolId: string;
  name: string;
  urn: string | null;
  phase: string;
}

export interface PupilEnrolledV1 {
  version: 1;
  pupilId: string;
  schoolId: string;
  classId: string | null;
  yearGroup: number;
  firstName: string;
  lastName: string;
}

export interface PupilMovedV1 {
  version: 1;
  pupilId: string;
  fromSchoolId: string;
  toSchoolId: string;
  fromClassId: string | null;
  toClassId: string | null;
  yearGroup: number;
}

/** A pupil's name or year group changed (an edit or an MIS import); the payload is their details as they are now. */
export interface PupilDetailsChangedV1 {
  version: 1;
  pupilId: string;
  schoolId: string;
  yearGroup: number;
  firstName: string;
  lastName: string;
}

export interface PupilLeftV1 {
  version: 1;
  pupilId: string;
  schoolId: string;
  /** YYYY-MM-DD. */
  leftOn: string;
  /**
   * `left`: left the school; `leaver`: finished its last year at the academic-year roll-over (a
   * school whose pupils do not move on to secondary school: a primary or junior school's last year
   * become alumni instead, `scheduling.pupil.became-alumni`, and are not told as left).
   */
  reason: 'left' | 'leaver';
}

/**
 * A primary or junior school's last year group left for secondary school at the roll-over: the pupil
 * stays with the programme as an alumnus (area-wide ensembles, after-school provision, their
 * attendance, a loan on the conditional rule), so consumers keep them as on roll: not a `pupil.left`.
 * Their school's ensembles end as membership changes of their own. Recorded for audit.
 */
export interface PupilBecameAlumniV1 {
  version: 1;
  pupilId: string;
  /** The school they left. */
  schoolId: string;
  /** YYYY-MM-DD. */
  leftOn: string;
}

export interface EnsembleMembershipChangedV1 {
  version: 1;
  ensembleId: string;
  memberId: string;
  pupilId: string | null;
  staffId: string | null;
  change: 'joined' | 'left';
  instrument: string | null;
  section: string | null;
  /** YYYY-MM-DD. */
  on: string;
}

export interface AttendanceRecordedV1 {
  version: 1;
  occurrenceId: string;
  ensembleId: string;
  schoolId: string | null;
  startsAt: string;
  marks: { pupilId: string | null; staffId: string | null; status: 'present' | 'late' | 'absent' | 'excused' }[];
}

export interface SessionOccurrenceChangedV1 {
  version: 1;
  occurrenceId: string;
  sessionId: string;
  ensembleId: string;
  schoolId: string | null;
  /** ISO 8601, UTC: the time it now has (moved) or had (cancelled). */
  startsAt: string;
  endsAt: string;
  previousStartsAt: string | null;
  reason: string | null;
}

export interface PerformanceScheduleV1 {
  version: 1;
  performanceId: string;
  title: string;
  /** ISO 8601, UTC. */
  startsAt: string;
  endsAt: string;
  venueName: string;
  /** Optional additions (still version 1): the time it had before a move, and who is on the roster. */
  previousStartsAt?: string | null;
  callTime?: string | null;
  audience?: 'public' | 'school_community';
  venueAddress?: string;
  pupilIds?: string[];
}

export interface PerformanceCancelledV1 {
  version: 1;
  performanceId: string;
  reason: string | null;
  /** Optional additions (still version 1). */
  title?: string;
  startsAt?: string;
  pupilIds?: string[];
}

/**
 * A performance took place (marked completed): who performed in it, as its roster then stood. The
 * whole roster (a snapshot): applying it twice, late, or again from a backfill is harmless.
 */
export interface PerformanceCompletedV1 {
  version: 1;
  performanceId: string;
  title: string;
  /** ISO 8601, UTC. */
  startsAt: string;
  audience: 'public' | 'school_community';
  performers: { pupilId: string; schoolId: string }[];
}

/**
 * A family's RSVP to a performance as it now stands, after an answer or a check-in: the whole RSVP
 * (a snapshot), so that the latest one a consumer has applied wins whatever the order of delivery.
 */
export interface RsvpChangedV1 {
  version: 1;
  rsvpId: string;
  performanceId: string;
  /** ISO 8601, UTC: when the performance starts (the academic year the RSVP counts in). */
  performanceStartsAt: string;
  guardianId: string;
  pupilIds: string[];
  schoolIds: string[];
  attending: boolean;
  adults: number;
  children: number;
  checkedIn: boolean;
  /** Head counts taken at the check-in, when taken. */
  arrivedAdults: number | null;
  arrivedChildren: number | null;
}

/** A family's sign-up to a family music session or workshop, after its attendance was marked (or the mark taken back: null). */
export interface FamilySessionAttendanceV1 {
  version: 1;
  signUpId: string;
  sessionId: string;
  /** ISO 8601, UTC. */
  sessionStartsAt: string;
  guardianId: string;
  schoolIds: string[];
  attended: boolean | null;
}

/** What a family is told about an instrument that went home with their child. */
export interface LoanStartedV1 {
  version: 1;
  loanId: string;
  instrumentId: string;
  assetTag: string;
  instrumentType: string;
  /** Fractional size of a string instrument (`1/2`), else null. */
  size: string | null;
  pupilId: string;
  schoolId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  startedAt: string;
  termsVersion: string;
}

export interface LoanReturnedV1 {
  version: 1;
  loanId: string;
  instrumentId: string;
  pupilId: string;
  returnedAt: string;
  /** `swapped`: returned as part of a size upgrade; `lost`: reported lost. */
  outcome: 'returned' | 'swapped' | 'lost';
  conditionIn: string | null;
}

export interface LoanOverdueV1 {
  version: 1;
  loanId: string;
  instrumentId: string;
  assetTag: string;
  instrumentType: string;
  pupilId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** A conditional loan whose condition no longer seems met: the family is told and staff review it. */
export interface LoanFlaggedV1 {
  version: 1;
  loanId: string;
  instrumentId: string;
  pupilId: string;
  ensembleId: string | null;
  reason: string;
  missedInARow: number;
}

/** The whole membership of one ensemble after a change (a snapshot, so that applying it twice or late is harmless). */
export interface EnsembleMembersSnapshotV1 {
  version: 1;
  ensembleId: string;
  schoolId: string | null;
  /** Optional addition: the ensemble's name, for programmes. */
  ensembleName?: string;
  members: { pupilId: string; schoolId: string; displayName: string; instrument: string | null }[];
}

export type ConsentKind = 'photo_film' | 'performing_in_public' | 'transport' | 'trips';

export interface ConsentChangedV1 {
  version: 1;
  pupilId: string;
  kind: ConsentKind;
  granted: boolean;
  note: string | null;
}

/** One read or change of a pupil-, family- or staff-level record, for the gateway's append-only audit log. */
export interface AuditEntryRecordedV1 {
  version: 1;
  /** The entry's own id: the gateway records each entry once, however often it is delivered. */
  entryId: string;
  actorUserId: string;
  actorRole: string | null;
  action: 'read' | 'create' | 'update' | 'delete';
  /**
   * `report`: a read of an aggregate report (counts, suppressed) as a whole, its subject the area
   * (`subjectId` the tenant id) and `detail` naming the report, the year and how many pupils it counted.
   */
  subjectType:
    | 'pupil'
    | 'staff'
    | 'family'
    | 'booking'
    | 'consent'
    | 'loan'
    | 'safeguarding_record'
    | 'message_override'
    | 'report'
    /** A bus to a performance (parent-engagement's transport run): `detail.changes` holds each changed field's before and after. */
    | 'transport_run';
  subjectId: string;
  service: ServiceName;
  requestId: string | null;
  ip: string | null;
  /** ISO 8601, UTC. */
  at: string;
  detail?: Record<string, unknown>;
}

/** Whom a subject access request or an erasure is about. */
export type DataSubjectV1 = { type: 'pupil'; pupilId: string } | { type: 'guardian'; accountId: string };

/**
 * How long an area keeps what it no longer needs, after the IRMS schools toolkit. Each service applies
 * the lines about what it holds; a line names a period after the moment the record stopped being needed.
 */
export interface RetentionScheduleV1 {
  /** Registers and attendance: the current academic year plus this many. */
  attendanceYears: number;
  /** A family's contact details, this many months after their last child left the programme. */
  familyContactMonthsAfterLeaving: number;
  /** A former pupil's record (name, notes, exams), this many years after they left. */
  pupilRecordYearsAfterLeaving: number;
  /** A returned loan and its agreement, this many years after the return. */
  loanYearsAfterReturn: number;
  /** Messages sent to families and their delivery, this many months after sending. */
  messageMonths: number;
  /** The audit log, this many years after the entry. */
  auditYears: number;
}

/**
 * The gateway opened a data request: each service answers it once (`<service>.data-request.answered`),
 * however often it is delivered and however late (a service that was down catches up from its queue).
 * - `export`: everything the service holds about the subject;
 * - `erasure`: the subject's names and contacts removed or anonymised ("Pupil 7F3A"), keys kept so that
 *   figures and other children's records stay true; what the law requires to keep is kept and said why;
 * - `retention`: what has passed the area's schedule is anonymised or deleted (`dryRun`: only counted).
 */
export interface DataRequestOpenedV1 {
  version: 1;
  requestId: string;
  kind: 'export' | 'erasure' | 'retention';
  /** Null for a retention run, which is about the whole area. */
  subject: DataSubjectV1 | null;
  /** A retention run's schedule, the day it is applied as of (YYYY-MM-DD) and whether it only counts. */
  retention: (RetentionScheduleV1 & { asOf: string; dryRun: boolean }) | null;
  /** The short pseudonym every service writes in place of an erased name ("Pupil 7F3A"). */
  pseudonym: string | null;
}

/** One line of what a service did (or, in a dry run, would do) to answer an erasure or a retention run. */
export interface DataRequestActionV1 {
  /** What was touched, in words a programme admin reads: "attendance marks", "family contact details". */
  what: string;
  rows: number;
  action: 'anonymised' | 'deleted' | 'kept';
  /** Why something was kept (the law or the programme needs it), or what the rule was. */
  reason: string | null;
}

/** A service's answer to a data request. */
export interface DataRequestAnsweredV1 {
  version: 1;
  requestId: string;
  kind: DataRequestOpenedV1['kind'];
  service: ServiceName;
  /** An export's records, by what they are ("attendance", "loans"): plain JSON rows. Empty otherwise. */
  records: Record<string, unknown[]>;
  /** An erasure's or retention run's actions. Empty for an export. */
  actions: DataRequestActionV1[];
}

/** Why a member of staff may not work with children (DBS check and safeguarding training). */
export type SafeguardingReasonV1 = 'dbs-missing' | 'dbs-level-too-low' | 'dbs-expired' | 'training-missing' | 'training-expired';

/**
 * A member of staff's safeguarding clearance, as scheduling decides it (never the DBS number): sent
 * when the programme admin records or edits it, and on the day it runs out. A service that rosters
 * staff itself (a driver of a run) keeps this copy and refuses who is not cleared.
 */
export interface SafeguardingClearanceV1 {
  version: 1;
  staffId: string;
  kind: 'tutor' | 'school_staff' | 'driver' | 'volunteer';
  displayName: string;
  /** Cleared to work with children today; 'expiring' is cleared, running out within 30 days. */
  status: 'cleared' | 'expiring' | 'not_cleared';
  reasons: SafeguardingReasonV1[];
  /** The first day they are no longer cleared (YYYY-MM-DD); null when not cleared. */
  expiresOn: string | null;
  /** The day the DBS check and the training each run out (YYYY-MM-DD), so that a copy can tell, later, which has. */
  dbsExpiresOn: string | null;
  trainingExpiresOn: string | null;
  /** The day the status was decided for, in the area's time zone. */
  asOf: string;
}

/**
 * Someone rostered with children (a current staff member of an ensemble, or tutor of sessions to
 * come) whose check or training runs out in 30 days (`expiring`) or has run out (`expired`): the
 * programme admins of the area are told.
 */
export interface SafeguardingFlaggedV1 {
  version: 1;
  staffId: string;
  displayName: string;
  stage: 'expiring' | 'expired';
  /** The day the clearance runs out (YYYY-MM-DD). */
  expiresOn: string;
  reasons: SafeguardingReasonV1[];
  ensembleIds: string[];
  upcomingSessions: number;
  /** ISO instant of the next session they tutor, if any. */
  nextSessionAt: string | null;
}

/** One teaching week of a class below the area's weekly target. */
export interface IntensityLowWeekV1 {
  /** The Monday of the week (YYYY-MM-DD). */
  weekOf: string;
  /** Minutes of sessions attended (present or late) that week, averaged over the class's pupils, one decimal. */
  averageMinutes: number;
}

/**
 * A class whose pupils' average attended minutes fell below the area's weekly target two teaching
 * weeks in a row (holiday weeks skipped): the headteachers of its school are told, once per run of
 * low weeks (a class back at or above the target, then low for two weeks again, is a new run).
 */
export interface IntensityFlaggedV1 {
  version: 1;
  classId: string;
  className: string;
  schoolId: string;
  schoolName: string;
  /** The Monday of the first low week of the run (YYYY-MM-DD). */
  sinceWeek: string;
  targetWeeklyMinutes: number;
  /** The run's low weeks so far, oldest first (two or more). */
  lowWeeks: IntensityLowWeekV1[];
}
