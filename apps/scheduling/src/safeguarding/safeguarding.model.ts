import { addDays } from '@tutti/platform';

/** DBS certificate levels, lowest first; working with children needs the last. */
export const DBS_LEVELS = ['basic', 'standard', 'enhanced', 'enhanced_barred_list'] as const;
export type DbsLevel = (typeof DBS_LEVELS)[number];
export const LEVEL_FOR_CHILDREN: DbsLevel = 'enhanced_barred_list';

/** Days before a check or training runs out that its assignments are flagged to the programme admin. */
export const FLAG_DAYS_AHEAD = 30;

/** Why someone may not be rostered with children, in the order they are told. */
export const UNCLEARED_REASONS = ['dbs-missing', 'dbs-level-too-low', 'dbs-expired', 'training-missing', 'training-expired'] as const;
export type UnclearedReason = (typeof UNCLEARED_REASONS)[number];

export const CLEARANCE_STATUSES = ['cleared', 'expiring', 'not_cleared'] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** What the rules read of a record (dates as ISO days). */
export interface ClearanceFacts {
  dbsLevel: DbsLevel | null;
  dbsExpiresOn: string | null;
  trainingExpiresOn: string | null;
}

export interface Clearance {
  status: ClearanceStatus;
  reasons: UnclearedReason[];
  /** The first day on which the person is no longer cleared (the earlier of the check's and the training's), null when not cleared now. */
  expiresOn: string | null;
}

/** Whether someone may work with children on `today` (a record is valid up to the day before its expiry). */
export function clearanceOf(record: ClearanceFacts | undefined, today: string): Clearance {
  const reasons: UnclearedReason[] = [];
  if (!record?.dbsLevel || !record.dbsExpiresOn) reasons.push('dbs-missing');
  else {
    if (record.dbsLevel !== LEVEL_FOR_CHILDREN) reasons.push('dbs-level-too-low');
    if (record.dbsExpiresOn <= today) reasons.push('dbs-expired');
  }
  if (!record?.trainingExpiresOn) reasons.push('training-missing');
  else if (record.trainingExpiresOn <= today) reasons.push('training-expired');
  if (reasons.length > 0 || !record) return { status: 'not_cleared', reasons, expiresOn: null };
  const expiresOn = [record.dbsExpiresOn as string, record.trainingExpiresOn as string].sort()[0];
  return { status: expiresOn <= addDays(today, FLAG_DAYS_AHEAD) ? 'expiring' : 'cleared', reasons, expiresOn };
}

const REASON_WORDS: Record<UnclearedReason, string> = {
  'dbs-missing': 'has no DBS check recorded',
  'dbs-level-too-low': 'has a DBS check below enhanced with barred list',
  'dbs-expired': 'has a DBS check that has expired',
  'training-missing': 'has no safeguarding training recorded',
  'training-expired': 'has safeguarding training that has expired',
};

export function describeReasons(reasons: readonly UnclearedReason[]): string {
  return reasons.map((reason) => REASON_WORDS[reason]).join(' and ');
}
