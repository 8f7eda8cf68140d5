import { Global, Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import type { ParentEngagementConfig } from './config';
import { PARENT_ENGAGEMENT_CONFIG } from './config.token';
import { PARENT_ENGAGEMENT_ENTITIES, PARENT_ENGAGEMENT_MIGRATIONS } from './database';
import { AdminModule } from './admin/admin.module';
import { AnnouncementsModule } from './announcements/announcements.module';
import { CalendarModule } from './calendar/calendar.module';
import { ConsentsModule } from './consents/consents.module';
import { DataRequestsModule } from './data-requests/data-requests.module';
import { FamiliesModule } from './families/families.module';
import { FamilySessionsModule } from './family-sessions/family-sessions.module';
import { LoansModule } from './loans/loans.module';
import { MessageOverridesModule } from './message-overrides/message-overrides.module';
import { RosterModule } from './roster/roster.module';
import { RsvpsModule } from './rsvps/rsvps.module';
import { PerformancesModule } from './performances/performances.module';
import { TenantSettingsModule } from './tenant-settings/tenant-settings.module';
import { TransportModule } from './transport/transport.module';

@Global()
@Module({})
class ConfigModule {
  static register(config: ParentEngagementConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: PARENT_ENGAGEMENT_CONFIG, useValue: config }],
      exports: [PARENT_ENGAGEMENT_CONFIG],
    };
  }
}

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
        ConfigModule.register(config),
        MessagingModule.forService({
          service: 'parent-engagement',
          redis: config.redisConnection,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
        }),
        TenantSettingsModule,
        TransportModule,
        PerformancesModule,
        FamiliesModule,
        ConsentsModule,
        RsvpsModule,
        FamilySessionsModule,
        RosterModule,
        AnnouncementsModule,
        CalendarModule,
        LoansModule,
        AdminModule,
        DataRequestsModule,
        MessageOverridesModule,
      ],
    };
  }
}
