import { Module } from '@nestjs/common';
import { LoanOverdueCheck } from './loan-overdue';
import { LoansController } from './loans.controller';
import { LoansService } from './loans.service';

@Module({
  controllers: [LoansController],
  providers: [LoansService, LoanOverdueCheck],
  exports: [LoansService],
})
export class LoansModule {}
