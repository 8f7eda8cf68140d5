import { isoDate } from '@tutti/platform';
import type { LoanDto } from './dto/loan.dto';

/** A `loans` row joined with its instrument's tag, type and size. */
export interface LoanRecord {
  id: string;
  tenant_id: string;
  instrument_id: string;
  pupil_id: string;
  school_id: string;
  started_at: Date;
  due_on: Date | string;
  accessories: string[];
  condition_out: string;
  agreed_by_name: string;
  agreed_by_user_id: string | null;
  agreed_at: Date;
  terms_version: string;
  condition_ensemble_id: string | null;
  condition_note: string | null;
  checked_out_by: string;
  returned_at: Date | null;
  condition_in: string | null;
  return_notes: string | null;
  outcome: 'returned' | 'swapped' | 'lost' | null;
  overdue_at: Date | null;
  flagged_at: Date | null;
  flag_reason: string | null;
  review_cleared_at: Date | null;
  asset_tag: string;
  instrument_type: string;
  instrument_size: string | null;
}

export const LOAN_SELECT = `
  SELECT l.*, i.asset_tag, i.type AS instrument_type, i.size AS instrument_size
    FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id`;

export function toLoanDto(row: LoanRecord): LoanDto {
  return {
    id: row.id,
    instrument: { id: row.instrument_id, assetTag: row.asset_tag, type: row.instrument_type, size: row.instrument_size },
    pupilId: row.pupil_id,
    schoolId: row.school_id,
    startedAt: row.started_at.toISOString(),
    dueOn: isoDate(row.due_on) as string,
    accessories: row.accessories,
    conditionOut: row.condition_out,
    agreement: {
      agreedByName: row.agreed_by_name,
      agreedByUserId: row.agreed_by_user_id,
      agreedAt: row.agreed_at.toISOString(),
      termsVersion: row.terms_version,
    },
    condition: row.condition_ensemble_id ? { ensembleId: row.condition_ensemble_id, note: row.condition_note } : null,
    active: row.returned_at === null,
    returnedAt: row.returned_at?.toISOString() ?? null,
    conditionIn: row.condition_in,
    outcome: row.outcome,
    overdueAt: row.overdue_at?.toISOString() ?? null,
    flaggedAt: row.flagged_at?.toISOString() ?? null,
    flagReason: row.flag_reason,
    reviewClearedAt: row.review_cleared_at?.toISOString() ?? null,
    reportProblemPath: `/loans/${row.id}/problem-reports`,
  };
}
