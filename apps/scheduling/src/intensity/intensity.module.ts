import { Module } from '@nestjs/common';
import { IntensityCheck } from './intensity-check';

/** The weekly intensity check (needs MessagingModule's ReminderScheduler, which AppModule has). */
@Module({ providers: [IntensityCheck] })
export class IntensityModule {}
