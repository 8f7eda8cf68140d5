import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { DataSource } from 'typeorm';
import { loanVisibility } from '../common/access';
import type {
  LoansPerPupilDto,
  LossesAndRepairsDto,
  PeriodQueryDto,
  StockReportDto,
  TermLossesAndRepairsDto,
  ValueOnLoanDto,
} from './dto/report.dto';
import {
  lossesPerTerm,
  loansPerPupil,
  repairsPerTerm,
  stockByOwner,
  stockByStatus,
  stockByTypeAndSize,
  valueOnLoan,
  valueOnLoanByType,
} from './reports.queries';

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stock(tenantId: string): Promise<StockReportDto> {
    return {
      byStatus: await stockByStatus(this.db, tenantId),
      byTypeAndSize: await stockByTypeAndSize(this.db, tenantId),
      bySchool: await stockByOwner(this.db, tenantId),
    };
  }

  async valueOnLoan(tenantId: string): Promise<ValueOnLoanDto> {
    return { ...(await valueOnLoan(this.db, tenantId)), byType: await valueOnLoanByType(this.db, tenantId) };
  }

  async loansPerPupil(identity: Identity): Promise<LoansPerPupilDto> {
    return { items: await loansPerPupil(this.db, identity.tenantId, loanVisibility(identity)) };
  }

  /** Losses and repairs side by side per school term, oldest first. */
  async lossesAndRepairs(tenantId: string, period: PeriodQueryDto): Promise<LossesAndRepairsDto> {
    const [from, to] = [period.from ?? '1900-01-01', period.to ?? '9999-12-31'];
    const terms = new Map<string, TermLossesAndRepairsDto>();
    const entry = (term: string): TermLossesAndRepairsDto => {
      const existing = terms.get(term);
      if (existing) return existing;
      const created = { term, lost: 0, lostValuePence: 0, repairs: 0, repairCostPence: 0 };
      terms.set(term, created);
      return created;
    };
    for (const row of await lossesPerTerm(this.db, tenantId, from, to))
      Object.assign(entry(row.term), { lost: row.lost, lostValuePence: row.lostValuePence });
    for (const row of await repairsPerTerm(this.db, tenantId, from, to))
      Object.assign(entry(row.term), { repairs: row.repairs, repairCostPence: row.repairCostPence });
    return { terms: [...terms.values()].sort((a, b) => a.term.localeCompare(b.term)) };
  }
}
