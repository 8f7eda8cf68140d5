import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { ReportReader } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff } from '../common/access';
import type { SchoolLoanSummaryDto } from './dto/school-loan-summary.dto';
import { schoolExists } from '../pupils/pupils.queries';
import { onLoanByFamily, onLoanTotals } from './school-loan-summary.queries';

@Injectable()
export class SchoolLoanSummaryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ReportReader,
  ) {}

  /**
   * Instruments at home with one school's pupils; 404 for a school outside the caller's (decided on the
   * primary). The figures are a dashboard's: read from the replica within its staleness bound (ReportReader).
   */
  async summary(identity: Identity, schoolId: string): Promise<SchoolLoanSummaryDto> {
    if (!canActForPupilAsStaff(identity, schoolId) || !(await schoolExists(this.db, identity.tenantId, schoolId)))
      throw new NotFoundException('No such school.');
    return this.reader.read(async (db) => {
      const totals = await onLoanTotals(db, identity.tenantId, schoolId);
      return {
        schoolId,
        onLoan: totals.onLoan,
        pupilsWithInstrument: totals.pupils,
        overdue: totals.overdue,
        byFamily: await onLoanByFamily(db, identity.tenantId, schoolId),
      };
    });
  }
}
