import { runService } from '@tutti/platform';
import { AppModule } from './app.module';
import { ParentEngagementConfig } from './config';

void runService(ParentEngagementConfig, (config) => ({
  service: 'parent-engagement',
  description: 'Families, consents, RSVPs, free transport seats with waitlist, family sessions, messages and reminders.',
  module: AppModule.register(config),
}));
