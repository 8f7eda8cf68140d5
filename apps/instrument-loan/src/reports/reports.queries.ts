import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { OwnerCountDto, PupilLoansDto, StatusCountDto, TypeSizeCountDto, TypeValueDto } from './dto/report.dto';

/** English school terms by month: autumn Sep–Dec, spring Jan–Mar, summer Apr–Aug. */
const TERM_OF = (column: string) => `
  (CASE WHEN extract(month FROM ${column}) >= 9 THEN extract(year FROM ${column})::int || '-' || (extract(year FROM ${column})::int + 1) || ' autumn'
        WHEN extract(month FROM ${column}) <= 3 THEN (extract(year FROM ${column})::int - 1) || '-' || extract(year FROM ${column})::int || ' spring'
        ELSE (extract(year FROM ${column})::int - 1) || '-' || extract(year FROM ${column})::int || ' summer' END)`;

export function stockByStatus(db: Queryable, tenantId: string): Promise<StatusCountDto[]> {
  return rows(db, 'SELECT status, count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY status ORDER BY status', [
    tenantId,
  ]);
}

export function stockByTypeAndSize(db: Queryable, tenantId: string): Promise<TypeSizeCountDto[]> {
  return rows(
    db,
    'SELECT type, size, status, count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY type, size, status ORDER BY type, size, status',
    [tenantId],
  );
}

export function stockByOwner(db: Queryable, tenantId: string): Promise<OwnerCountDto[]> {
  return rows(
    db,
    `SELECT owner_kind AS "ownerKind", owner_school_id AS "schoolId", count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY owner_kind, owner_school_id ORDER BY owner_kind, owner_school_id`,
    [tenantId],
  );
}

export async function valueOnLoan(db: Queryable, tenantId: string): Promise<{ instruments: number; totalPence: number; unvalued: number }> {
  const total = await oneRow<{ instruments: number; totalPence: number; unvalued: number }>(
    db,
    `SELECT count(*)::int AS instruments, COALESCE(sum(purchase_value_pence), 0)::float8 AS "totalPence", count(*) FILTER (WHERE purchase_value_pence IS NULL)::int AS unvalued
       FROM instruments WHERE tenant_id = $1 AND status = 'on_loan'`,
    [tenantId],
  );
  return total ?? { instruments: 0, totalPence: 0, unvalued: 0 };
}

export function valueOnLoanByType(db: Queryable, tenantId: string): Promise<TypeValueDto[]> {
  return rows(
    db,
    `SELECT type, count(*)::int AS instruments, COALESCE(sum(purchase_value_pence), 0)::float8 AS "valuePence" FROM instruments WHERE tenant_id = $1 AND status = 'on_loan' GROUP BY type ORDER BY type`,
    [tenantId],
  );
}

/** Loans per pupil of the given schools (all when `allSchools`), most first; top 500. */
export function loansPerPupil(
  db: Queryable,
  tenantId: string,
  scope: { allSchools: boolean; schoolIds: string[] },
): Promise<PupilLoansDto[]> {
  return rows(
    db,
    `SELECT pupil_id AS "pupilId", count(*)::int AS "totalLoans", count(*) FILTER (WHERE returned_at IS NULL)::int AS "activeLoans",
            count(*) FILTER (WHERE outcome = 'lost')::int AS "lost"
       FROM loans WHERE tenant_id = $1 AND ($2::boolean OR school_id = ANY($3::uuid[]))
      GROUP BY pupil_id ORDER BY count(*) DESC, pupil_id LIMIT 500`,
    [tenantId, scope.allSchools, scope.schoolIds],
  );
}

/** Losses (count, value) per school term, of instruments reported lost between `from` and `to` (London dates). */
export function lossesPerTerm(
  db: Queryable,
  tenantId: string,
  from: string,
  to: string,
): Promise<{ term: string; lost: number; lostValuePence: number }[]> {
  return rows(
    db,
    `SELECT ${TERM_OF("(l.returned_at AT TIME ZONE 'Europe/London')")} AS term, count(*)::int AS lost, COALESCE(sum(i.purchase_value_pence), 0)::float8 AS "lostValuePence"
       FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
      WHERE l.tenant_id = $1 AND l.outcome = 'lost' AND (l.returned_at AT TIME ZONE 'Europe/London')::date BETWEEN $2 AND $3 GROUP BY 1`,
    [tenantId, from, to],
  );
}

/** Repairs (count, cost) per school term, of tickets opened between `from` and `to`. */
export function repairsPerTerm(
  db: Queryable,
  tenantId: string,
  from: string,
  to: string,
): Promise<{ term: string; repairs: number; repairCostPence: number }[]> {
  return rows(
    db,
    `SELECT ${TERM_OF('opened_on')} AS term, count(*)::int AS repairs, COALESCE(sum(cost_pence), 0)::float8 AS "repairCostPence"
       FROM repair_tickets WHERE tenant_id = $1 AND opened_on BETWEEN $2 AND $3 GROUP BY 1`,
    [tenantId, from, to],
  );
}
