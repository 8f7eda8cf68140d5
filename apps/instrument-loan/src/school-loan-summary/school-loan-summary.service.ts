import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff } from '../common/access';
import type { SchoolLoanSummaryDto } from './dto/school-loan-summary.dto';
import { schoolExists } from '../pupils/pupils.queries';
import { onLoanByFamily, onLoanTotals } from './school-loan-summary.queries';

@Injectable()
export class SchoolLoanSummaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Instruments at home with one school's pupils; 404 for a school outside the caller's. */
  async summary(identity: Identity, schoolId: string): Promise<SchoolLoanSummaryDto> {
    if (!canActForPupilAsStaff(identity, schoolId) || !(await schoolExists(this.db, identity.tenantId, schoolId)))
      throw new NotFoundException('No such school.');
    const totals = await onLoanTotals(this.db, identity.tenantId, schoolId);
    return {
      schoolId,
      onLoan: totals.onLoan,
      pupilsWithInstrument: totals.pupils,
      overdue: totals.overdue,
      byFamily: await onLoanByFamily(this.db, identity.tenantId, schoolId),
    };
  }
}
