import { Module } from '@nestjs/common';
import { SchoolLoanSummaryController } from './school-loan-summary.controller';

@Module({ controllers: [SchoolLoanSummaryController] })
export class SchoolLoanSummaryModule {}
