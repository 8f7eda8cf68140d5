import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '@tutti/platform';
import { recordSms } from '../reminders.queries';

export interface OutgoingSms {
  tenantId: string;
  to: string;
  body: string;
  /** The reminder id: a provider drops a second send under the same key. */
  idempotencyKey: string;
}

/** Where text messages go; a real provider (Twilio, GOV.UK Notify…) implements this. */
export abstract class SmsProvider {
  abstract send(message: OutgoingSms): Promise<void>;
}

/** Records messages in `sms_outbox` instead of sending them: for local use and tests. */
@Injectable()
export class LocalSmsProvider extends SmsProvider {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async send(message: OutgoingSms): Promise<void> {
    await recordSms(this.dataSource, message.tenantId, {
      id: newId(),
      idempotencyKey: message.idempotencyKey,
      to: message.to,
      body: message.body,
    });
  }
}
