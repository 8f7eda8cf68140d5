import { runService } from '@tutti/platform';
import { AppModule } from './app.module';
import { SchedulingConfig } from './config';

void runService(SchedulingConfig, (config) => ({
  service: 'scheduling',
  description: 'Schools, classes, pupils, staff, ensembles, the weekly timetable, registers and provision intensity.',
  module: AppModule.register(config),
}));
