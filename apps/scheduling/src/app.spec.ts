import { describeServiceBasics } from '@tutti/testing';
import { AppModule } from './app.module';
import { SchedulingConfig } from './config';

describeServiceBasics({ service: 'scheduling', configClass: SchedulingConfig, module: (config) => AppModule.register(config) });
