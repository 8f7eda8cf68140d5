import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { FamilyOnLoanDto } from './dto/school-loan-summary.dto';

/** Loans out now to the school's pupils by instrument family, most first. */
export function onLoanByFamily(db: Queryable, tenantId: string, schoolId: string): Promise<FamilyOnLoanDto[]> {
  return rows(
    db,
    `SELECT i.family, count(*)::int AS "onLoan" FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
      WHERE l.tenant_id = $1 AND l.school_id = $2 AND l.returned_at IS NULL GROUP BY i.family ORDER BY count(*) DESC, i.family`,
    [tenantId, schoolId],
  );
}

/** Loans out now to the school's pupils, the pupils holding them, and those past due (London date). */
export async function onLoanTotals(
  db: Queryable,
  tenantId: string,
  schoolId: string,
): Promise<{ onLoan: number; pupils: number; overdue: number }> {
  const totals = await oneRow<{ onLoan: number; pupils: number; overdue: number }>(
    db,
    `SELECT count(*)::int AS "onLoan", count(DISTINCT pupil_id)::int AS pupils,
            count(*) FILTER (WHERE due_on < (now() AT TIME ZONE 'Europe/London')::date)::int AS overdue
       FROM loans WHERE tenant_id = $1 AND school_id = $2 AND returned_at IS NULL`,
    [tenantId, schoolId],
  );
  return totals ?? { onLoan: 0, pupils: 0, overdue: 0 };
}
