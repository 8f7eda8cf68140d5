import { describeServiceBasics } from '@tutti/testing';
import { AppModule } from './app.module';
import { ParentEngagementConfig } from './config';

describeServiceBasics({
  service: 'parent-engagement',
  configClass: ParentEngagementConfig,
  module: (config) => AppModule.register(config),
});
