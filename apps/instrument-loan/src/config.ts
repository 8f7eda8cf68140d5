import { ServiceConfig } from '@tutti/platform';

export class InstrumentLoanConfig extends ServiceConfig {}
