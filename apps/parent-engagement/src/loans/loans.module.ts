import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { LoanNotices } from './loan-notices.service';

@Module({ imports: [RemindersModule], providers: [LoanNotices], exports: [LoanNotices] })
export class LoansModule {}
