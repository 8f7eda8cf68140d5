import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import { AttendanceModule } from './attendance/attendance.module';
import { DataRequestsModule } from './data-requests/data-requests.module';
import type { InstrumentLoanConfig } from './config';
import { INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS } from './database';
import { InstrumentsModule } from './instruments/instruments.module';
import { LabelsModule } from './labels/labels.module';
import { LoansModule } from './loans/loans.module';
import { RosterModule } from './pupils/roster.module';
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
        MessagingModule.forService({
          service: 'instrument-loan',
          redis: config.redisConnection,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
        }),
        RosterModule,
        AttendanceModule,
        SettingsModule,
        InstrumentsModule,
        LoansModule,
        RepairsModule,
        SizingModule,
        ReportsModule,
        SchoolLoanSummaryModule,
        LabelsModule.register(config),
        DataRequestsModule,
      ],
    };
  }
}
