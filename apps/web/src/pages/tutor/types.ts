/** What the tutor's instrument screens read from instrument-loan and scheduling (only the fields used). */

export const CONDITION_GRADES = ['excellent', 'good', 'fair', 'poor', 'unusable'] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];

export interface InstrumentDetail {
  id: string;
  assetTag: string;
  family: string;
  type: string;
  size: string | null;
  make: string | null;
  model: string | null;
  condition: ConditionGrade;
  status: 'available' | 'on_loan' | 'in_repair' | 'lost' | 'retired';
}

export interface Loan {
  id: string;
  instrument: { id: string; assetTag: string; type: string; size: string | null };
  pupilId: string;
  schoolId: string;
  startedAt: string;
  dueOn: string;
  conditionOut: string;
  active: boolean;
  returnedAt: string | null;
  conditionIn: string | null;
  outcome: 'returned' | 'swapped' | 'lost' | null;
}

export interface LoanSettings {
  termsVersion: string;
}

export interface StaffMe {
  id: string;
  displayName: string;
}

export interface TeachingSession {
  id: string;
  ensembleId: string;
  title: string;
  tutorIds: string[];
}

export interface EnsembleMember {
  id: string;
  pupilId: string | null;
  name: string;
  instrument: string | null;
}

/** A pupil the tutor teaches, with the sessions they are met in. */
export interface SessionPupil {
  pupilId: string;
  name: string;
  instrument: string | null;
  sessions: string[];
}
