/** What the headteacher's pages read from the gateway (only the fields they use). */

export interface AttendanceWeek {
  weekStarting: string;
  marks: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  attendedPercent: number | null;
}

export interface SchoolAttendance {
  schoolId: string;
  from: string;
  to: string;
  weeks: AttendanceWeek[];
  overall: AttendanceWeek;
}

export interface SchoolLoanSummary {
  schoolId: string;
  onLoan: number;
  pupilsWithInstrument: number;
  overdue: number;
  byFamily: { family: string; onLoan: number }[];
}

export interface SchoolEngagement {
  schoolId: string;
  familiesEngaged: number;
  firstTime: number;
  returning: number;
  attendedPerformance: number;
  usedTransport: number;
}

export interface PupilFairness {
  pupilId: string;
  displayName: string;
  performed: number;
  upcoming: number;
  featured: number;
}

export interface EnsembleDetail {
  id: string;
  schoolId: string | null;
  name: string;
  kind: string;
  strand: string;
  level: string | null;
}

export interface EnsembleMember {
  id: string;
  pupilId: string | null;
  staffId: string | null;
  name: string;
  instrument: string | null;
  section: string | null;
  joinedOn: string;
  leftOn: string | null;
}

export interface Venue {
  id: string;
  name: string;
  schoolId: string | null;
}

export interface PerformanceSummary {
  id: string;
  title: string;
  status: string;
  schoolId: string | null;
  venueName: string;
  startsAt: string;
  endsAt: string;
}

export interface PerformanceDetail {
  id: string;
  title: string;
  status: string;
  audience: string;
  schoolId: string | null;
  venue: { id: string; name: string };
  startsAt: string;
  endsAt: string;
  ensembles: { ensembleId: string; name: string | null; schoolId: string | null }[];
}

export interface Performer {
  pupilId: string;
  displayName: string;
  schoolId: string;
  instrument: string | null;
  source: 'ensemble' | 'added';
  flags: string[];
  performedThisYear: number;
  upcomingThisYear: number;
  featuredThisYear: number;
}

export interface Suggestion {
  pupilId: string;
  displayName: string;
  schoolId: string;
  performedThisYear: number;
  upcomingThisYear: number;
  featuredThisYear: number;
}

export interface RosterBuild {
  performers: number;
  fromEnsembles: number;
  added: number;
  keptRemoved: number;
  firstChanceThisYear: number;
}
