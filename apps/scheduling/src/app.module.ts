import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@tutti/platform';
import type { SchedulingConfig } from './config';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';

@Module({})
export class AppModule {
  static register(config: SchedulingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'scheduling',
          config,
          entities: SCHEDULING_ENTITIES,
          migrations: SCHEDULING_MIGRATIONS,
          queues: [],
        }),
      ],
    };
  }
}
