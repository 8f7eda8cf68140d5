import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@tutti/platform';
import type { InstrumentLoanConfig } from './config';
import { INSTRUMENT_LOAN_ENTITIES, INSTRUMENT_LOAN_MIGRATIONS } from './database';

@Module({})
export class AppModule {
  static register(config: InstrumentLoanConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'instrument-loan',
          config,
          entities: INSTRUMENT_LOAN_ENTITIES,
          migrations: INSTRUMENT_LOAN_MIGRATIONS,
          queues: [],
        }),
      ],
    };
  }
}
