import { Module } from '@nestjs/common';
import { AttendanceHandlers } from './attendance-handlers';

/** Scheduling's registers, kept for the conditional-loan rule. */
@Module({ providers: [AttendanceHandlers] })
export class AttendanceModule {}
