import { Module } from '@nestjs/common';
import { AlumniLoans } from './alumni-loans';
import { AttendanceHandlers } from './attendance-handlers';

/** Scheduling's registers, kept for the conditional-loan rule, and the rule for alumni. */
@Module({ providers: [AttendanceHandlers, AlumniLoans] })
export class AttendanceModule {}
