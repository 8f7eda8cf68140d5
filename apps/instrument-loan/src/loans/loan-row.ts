import { isoDate } from '@tutti/platform';
import type { LoanDto } from './dto/loan.dto';
import type { LoanRecord } from './loans.queries';

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
