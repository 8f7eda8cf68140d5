import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import type { InstrumentLoanConfig } from './config';
import { INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS } from './database';

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
        MessagingModule.forService({ service: 'instrument-loan', redis: config.REDIS_URL, queuePrefix: config.QUEUE_PREFIX, runWorkers: config.runsWorkers }),
      ],
    };
  }
}
