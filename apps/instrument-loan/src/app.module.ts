import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { ATTENDANCE_HANDLERS } from './attendance/attendance-handlers';
import type { InstrumentLoanConfig } from './config';
import { INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS } from './database';
import { InstrumentsModule } from './instruments/instruments.module';
import { LabelsModule } from './labels/labels.module';
import { OVERDUE_REMINDER_KIND } from './loans/loans.service';
import { overdueDeliverer } from './loans/loan-overdue';
import { LoansModule } from './loans/loans.module';
import { ROSTER_PROJECTION_HANDLERS } from './pupils/roster-projection';
import { inspectionReminderDeliverer } from './repairs/inspection-reminder';
import { INSPECTION_REMINDER_KIND } from './repairs/repairs.service';
import { RepairsModule } from './repairs/repairs.module';
import { ReportsModule } from './reports/reports.module';
import { SchoolLoanSummaryModule } from './school-loan-summary/school-loan-summary.module';
import { SettingsModule } from './settings/settings.module';
import { SizingModule } from './pupils/sizing.module';

@Module({})
export class AppModule {
  static register(config: InstrumentLoanConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'instrument-loan',
          config,
          entities: INSTRUMENT_LOAN_ENTITIES,
          migrations: INSTRUMENT_LOAN_MIGRATIONS,
          queues: [eventQueueOf('instrument-loan'), reminderQueueOf('instrument-loan')],
        }),
        {
          // Global, so that feature modules get the one ReminderScheduler.
          ...MessagingModule.forServiceAsync({
            inject: [DataSource],
            useFactory: (dataSource: DataSource) => ({
              service: 'instrument-loan',
              redis: config.REDIS_URL,
              queuePrefix: config.QUEUE_PREFIX,
              runWorkers: config.runsWorkers,
              handlers: { ...ROSTER_PROJECTION_HANDLERS, ...ATTENDANCE_HANDLERS },
              reminderDeliverers: { [OVERDUE_REMINDER_KIND]: overdueDeliverer(dataSource), [INSPECTION_REMINDER_KIND]: inspectionReminderDeliverer() },
            }),
          }),
          global: true,
        },
        SettingsModule,
        InstrumentsModule,
        LoansModule,
        RepairsModule,
        SizingModule,
        ReportsModule,
        SchoolLoanSummaryModule,
        LabelsModule.register(config),
      ],
    };
  }
}
