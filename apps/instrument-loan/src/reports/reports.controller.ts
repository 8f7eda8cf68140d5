import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional } from 'class-validator';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { loanVisibility } from '../common/access';
import { IsIsoDate } from '../common/validation';

export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-09-01' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2026-08-31' }) @IsOptional() @IsIsoDate() to?: string;
}

/** English school terms by month: autumn Sep–Dec, spring Jan–Mar, summer Apr–Aug. */
const TERM_OF = (column: string) => `
  (CASE WHEN extract(month FROM ${column}) >= 9 THEN extract(year FROM ${column})::int || '-' || (extract(year FROM ${column})::int + 1) || ' autumn'
        WHEN extract(month FROM ${column}) <= 3 THEN (extract(year FROM ${column})::int - 1) || '-' || extract(year FROM ${column})::int || ' spring'
        ELSE (extract(year FROM ${column})::int - 1) || '-' || extract(year FROM ${column})::int || ' summer' END)`;

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('stock')
  @Access('programme_admin', 'headteacher', 'evaluator')
  @ApiOperation({ summary: 'Stock counts by status, by type and size, and by owning school' })
  async stock(@CurrentIdentity() identity: Identity) {
    const tenantId = identity.tenantId;
    return {
      byStatus: await rows(this.dataSource, 'SELECT status, count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY status ORDER BY status', [tenantId]),
      byTypeAndSize: await rows(this.dataSource, 'SELECT type, size, status, count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY type, size, status ORDER BY type, size, status', [tenantId]),
      bySchool: await rows(this.dataSource, `SELECT owner_kind AS "ownerKind", owner_school_id AS "schoolId", count(*)::int AS count FROM instruments WHERE tenant_id = $1 GROUP BY owner_kind, owner_school_id ORDER BY owner_kind, owner_school_id`, [tenantId]),
    };
  }

  @Get('value-on-loan')
  @Access('programme_admin')
  @ApiOperation({ summary: 'Purchase value of instruments out on loan now, for insurance (pence)' })
  async valueOnLoan(@CurrentIdentity() identity: Identity) {
    const [total] = await rows<{ instruments: number; totalPence: number; unvalued: number }>(
      this.dataSource,
      `SELECT count(*)::int AS instruments, COALESCE(sum(purchase_value_pence), 0)::float8 AS "totalPence", count(*) FILTER (WHERE purchase_value_pence IS NULL)::int AS unvalued
         FROM instruments WHERE tenant_id = $1 AND status = 'on_loan'`,
      [identity.tenantId],
    );
    const byType = await rows(this.dataSource, `SELECT type, count(*)::int AS instruments, COALESCE(sum(purchase_value_pence), 0)::float8 AS "valuePence" FROM instruments WHERE tenant_id = $1 AND status = 'on_loan' GROUP BY type ORDER BY type`, [identity.tenantId]);
    return { ...total, byType };
  }

  @Get('loans-per-pupil')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Loans per pupil (pupils of the caller’s schools), most first; top 500' })
  async loansPerPupil(@CurrentIdentity() identity: Identity) {
    const scope = loanVisibility(identity);
    return {
      items: await rows(
        this.dataSource,
        `SELECT pupil_id AS "pupilId", count(*)::int AS "totalLoans", count(*) FILTER (WHERE returned_at IS NULL)::int AS "activeLoans",
                count(*) FILTER (WHERE outcome = 'lost')::int AS "lost"
           FROM loans WHERE tenant_id = $1 AND ($2::boolean OR school_id = ANY($3::uuid[]))
          GROUP BY pupil_id ORDER BY count(*) DESC, pupil_id LIMIT 500`,
        [identity.tenantId, scope.allSchools, scope.schoolIds],
      ),
    };
  }

  @Get('losses-and-repairs')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ summary: 'Losses (count, value) and repairs (count, cost) per school term' })
  async lossesAndRepairs(@CurrentIdentity() identity: Identity, @Query() query: PeriodQueryDto) {
    const params = [identity.tenantId, query.from ?? '1900-01-01', query.to ?? '9999-12-31'];
    const losses = await rows<{ term: string; lost: number; lostValuePence: number }>(
      this.dataSource,
      `SELECT ${TERM_OF("(l.returned_at AT TIME ZONE 'Europe/London')")} AS term, count(*)::int AS lost, COALESCE(sum(i.purchase_value_pence), 0)::float8 AS "lostValuePence"
         FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
        WHERE l.tenant_id = $1 AND l.outcome = 'lost' AND (l.returned_at AT TIME ZONE 'Europe/London')::date BETWEEN $2 AND $3 GROUP BY 1`,
      params,
    );
    const repairs = await rows<{ term: string; repairs: number; repairCostPence: number }>(
      this.dataSource,
      `SELECT ${TERM_OF('opened_on')} AS term, count(*)::int AS repairs, COALESCE(sum(cost_pence), 0)::float8 AS "repairCostPence"
         FROM repair_tickets WHERE tenant_id = $1 AND opened_on BETWEEN $2 AND $3 GROUP BY 1`,
      params,
    );
    const terms = new Map<string, { term: string; lost: number; lostValuePence: number; repairs: number; repairCostPence: number }>();
    const entry = (term: string) => {
      const existing = terms.get(term);
      if (existing) return existing;
      const created = { term, lost: 0, lostValuePence: 0, repairs: 0, repairCostPence: 0 };
      terms.set(term, created);
      return created;
    };
    for (const row of losses) Object.assign(entry(row.term), { lost: row.lost, lostValuePence: row.lostValuePence });
    for (const row of repairs) Object.assign(entry(row.term), { repairs: row.repairs, repairCostPence: row.repairCostPence });
    return { terms: [...terms.values()].sort((a, b) => a.term.localeCompare(b.term)) };
  }
}
