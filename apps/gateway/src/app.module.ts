import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule, reminderQueueOf } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import { AreasModule } from './areas/areas.module';
import type { GatewayConfig } from './config';
import { GatewayConfigModule } from './config.module';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database';
import { GatewayHealthModule } from './health/gateway-health.module';
import { AuditLogService, GuardianLinksService, IdentityModule, SchoolDirectory } from './identity';
import { auditEntryHandler } from './identity/audit/audit-entry-handler';
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
        MessagingModule.forServiceAsync({
          inject: [SchoolDirectory, GuardianLinksService, AuditLogService],
          useFactory: (schools: SchoolDirectory, guardianLinks: GuardianLinksService, audit: AuditLogService) => ({
            service: 'gateway',
            redis: config.REDIS_URL,
            queuePrefix: config.QUEUE_PREFIX,
            runWorkers: config.runsWorkers,
            // The gateway keeps the school ids it needs for scopes, and guardian links follow a pupil who moves.
            handlers: {
              'scheduling.school.created': (event) => schools.recordSchool(event.tenantId, event.payload),
              'scheduling.school.updated': (event) => schools.recordSchool(event.tenantId, event.payload),
              'scheduling.pupil.moved': (event) => guardianLinks.movePupil(event.tenantId, event.payload.pupilId, event.payload.toSchoolId),
              'audit.entry.recorded': auditEntryHandler(audit),
            },
          }),
        }),
        UpstreamsModule,
        GatewayHealthModule,
        AreasModule,
      ],
    };
  }
}
