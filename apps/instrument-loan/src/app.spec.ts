import { describeServiceBasics } from '@tutti/testing';
import { AppModule } from './app.module';
import { InstrumentLoanConfig } from './config';

describeServiceBasics({ service: 'instrument-loan', configClass: InstrumentLoanConfig, module: (config) => AppModule.register(config) });
