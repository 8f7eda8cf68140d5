import { describeServiceBasics } from '@tutti/testing';
import { AppModule } from './app.module';
import { PerformanceEventConfig } from './config';

describeServiceBasics({
  service: 'performance-event',
  configClass: PerformanceEventConfig,
  module: (config) => AppModule.register(config),
});
