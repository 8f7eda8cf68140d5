import { Module } from '@nestjs/common';
import { SchoolLoanSummaryController } from './school-loan-summary.controller';
import { SchoolLoanSummaryService } from './school-loan-summary.service';

@Module({ controllers: [SchoolLoanSummaryController], providers: [SchoolLoanSummaryService] })
export class SchoolLoanSummaryModule {}
