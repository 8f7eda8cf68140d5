import { ServiceConfig } from '@tutti/platform';
import { Matches } from 'class-validator';

export class InstrumentLoanConfig extends ServiceConfig {
  /** Where the web app is reached: an instrument's QR label opens `<PUBLIC_BASE_URL>/instruments/<id>`. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';
}
