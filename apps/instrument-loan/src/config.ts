import { ServiceConfig } from '@tutti/platform';

/** Instrument-loan needs only the settings every service has (its QR labels link to PUBLIC_URL). */
export class InstrumentLoanConfig extends ServiceConfig {}
