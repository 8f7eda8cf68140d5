import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import type { ParentEngagementConfig } from './config';
import { PARENT_ENGAGEMENT_ENTITIES, PARENT_ENGAGEMENT_MIGRATIONS } from './database';

@Module({})
export class AppModule {
  static register(config: ParentEngagementConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'parent-engagement',
          config,
          entities: PARENT_ENGAGEMENT_ENTITIES,
          migrations: PARENT_ENGAGEMENT_MIGRATIONS,
          queues: [eventQueueOf('parent-engagement'), reminderQueueOf('parent-engagement')],
        }),
        MessagingModule.forService({ service: 'parent-engagement', redis: config.REDIS_URL, queuePrefix: config.QUEUE_PREFIX, runWorkers: config.runsWorkers }),
      ],
    };
  }
}
