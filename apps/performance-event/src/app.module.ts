import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import type { PerformanceEventConfig } from './config';
import { ConsentAuditModule } from './consent-audit/consent-audit.module';
import { DataRequestsModule } from './data-requests/data-requests.module';
import { PERFORMANCE_EVENT_ENTITIES, PERFORMANCE_EVENT_MIGRATIONS } from './database';
import { EvaluationModule } from './evaluation/evaluation.module';
import { FairnessModule } from './fairness/fairness.module';
import { PerformancesModule } from './performances/performances.module';
import { PrintablesModule } from './printables/printables.module';
import { PublicListingModule } from './public-listing/public-listing.module';
import { ReplicasModule } from './replicas/replicas.module';
import { RostersModule } from './rosters/rosters.module';
import { RunningOrderModule } from './running-order/running-order.module';
import { VenuesModule } from './venues/venues.module';

@Module({})
export class AppModule {
  static register(config: PerformanceEventConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'performance-event',
          config,
          entities: PERFORMANCE_EVENT_ENTITIES,
          migrations: PERFORMANCE_EVENT_MIGRATIONS,
          queues: [eventQueueOf('performance-event'), reminderQueueOf('performance-event')],
        }),
        MessagingModule.forService({
          service: 'performance-event',
          redis: config.redisConnection,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
        }),
        ReplicasModule,
        PublicListingModule,
        VenuesModule,
        PerformancesModule,
        RunningOrderModule,
        RostersModule,
        FairnessModule,
        PrintablesModule,
        EvaluationModule,
        DataRequestsModule,
        ConsentAuditModule,
      ],
    };
  }
}
