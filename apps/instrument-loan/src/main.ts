import { runService } from '@tutti/platform';
import { AppModule } from './app.module';
import { InstrumentLoanConfig } from './config';

void runService(InstrumentLoanConfig, (config) => ({
  service: 'instrument-loan',
  description: 'Instrument stock, loans that go home, repairs, inspections and size upgrades.',
  module: AppModule.register(config),
}));
