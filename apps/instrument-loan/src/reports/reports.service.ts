import { Injectable } from '@nestjs/common';
import type { Identity } from '@tutti/auth';
import { ReportReader } from '@tutti/platform';
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

/** Read-only: every report reads the replica while it is within REPLICA_MAX_LAG_MS of the primary (ReportReader), else the primary. */
@Injectable()
export class ReportsService {
  constructor(private readonly reader: ReportReader) {}

  stock(tenantId: string): Promise<StockReportDto> {
    return this.reader.read(async (db) => ({
      byStatus: await stockByStatus(db, tenantId),
      byTypeAndSize: await stockByTypeAndSize(db, tenantId),
      bySchool: await stockByOwner(db, tenantId),
    }));
  }

  valueOnLoan(tenantId: string): Promise<ValueOnLoanDto> {
    return this.reader.read(async (db) => ({ ...(await valueOnLoan(db, tenantId)), byType: await valueOnLoanByType(db, tenantId) }));
  }

  loansPerPupil(identity: Identity): Promise<LoansPerPupilDto> {
    return this.reader.read(async (db) => ({ items: await loansPerPupil(db, identity.tenantId, loanVisibility(identity)) }));
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
    const [losses, repairs] = await this.reader.read(
      async (db) => [await lossesPerTerm(db, tenantId, from, to), await repairsPerTerm(db, tenantId, from, to)] as const,
    );
    for (const row of losses) Object.assign(entry(row.term), { lost: row.lost, lostValuePence: row.lostValuePence });
    for (const row of repairs) Object.assign(entry(row.term), { repairs: row.repairs, repairCostPence: row.repairCostPence });
    return { terms: [...terms.values()].sort((a, b) => a.term.localeCompare(b.term)) };
  }
}
