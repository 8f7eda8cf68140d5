import { runService } from '@tutti/platform';
import { AppModule } from './app.module';
import { PerformanceEventConfig } from './config';

void runService(PerformanceEventConfig, (config) => ({
  service: 'performance-event',
  description: 'Venues, performances, running orders, performer rosters and a fair chance to perform.',
  module: AppModule.register(config),
}));
