import { Module } from '@nestjs/common';
import { AttendanceSummaryController } from './attendance-summary.controller';
import { AttendanceSummaryService } from './attendance-summary.service';

@Module({ controllers: [AttendanceSummaryController], providers: [AttendanceSummaryService] })
export class AttendanceSummaryModule {}
