import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@tutti/platform';
import { LabelsController } from './labels.controller';
import { LABEL_LINKS, LabelsService } from './labels.service';

@Module({})
export class LabelsModule {
  /** Labels link to the address people reach (PUBLIC_URL). */
  static register(config: Pick<ServiceConfig, 'publicLink'>): DynamicModule {
    return {
      module: LabelsModule,
      controllers: [LabelsController],
      providers: [LabelsService, { provide: LABEL_LINKS, useValue: config }],
    };
  }
}
