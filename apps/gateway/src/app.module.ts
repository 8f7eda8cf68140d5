import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import { AreasModule } from './areas/areas.module';
import type { GatewayConfig } from './config';
import { GatewayConfigModule } from './config.module';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database';
import { GatewayHealthModule } from './health/gateway-health.module';
import { IdentityModule } from './identity';
import { RetentionDailyRunModule } from './identity/data-requests/retention-daily-run';
import { UpstreamsModule } from './upstreams/upstreams.module';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'gateway',
          config,
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          queues: [eventQueueOf('gateway'), reminderQueueOf('gateway')],
          // Its /health reports this process only; the gateway's own aggregates every service.
          healthController: false,
        }),
        GatewayConfigModule.register(config),
        IdentityModule.register(config),
        MessagingModule.forService({
          service: 'gateway',
          redis: config.redisConnection,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
        }),
        UpstreamsModule,
        GatewayHealthModule,
        AreasModule,
        RetentionDailyRunModule,
      ],
    };
  }
}
