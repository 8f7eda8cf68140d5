import { Module, type DynamicModule } from '@nestjs/common';
import { LabelsController } from './labels.controller';
import { LABEL_BASE_URL, LabelsService } from './labels.service';

@Module({})
export class LabelsModule {
  static register(publicBaseUrl: string): DynamicModule {
    return { module: LabelsModule, controllers: [LabelsController], providers: [LabelsService, { provide: LABEL_BASE_URL, useValue: publicBaseUrl }] };
  }
}
