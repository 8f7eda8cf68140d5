import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { PARENT_ENGAGEMENT_CONFIG } from '../../config.token';
import type { ParentEngagementConfig } from '../../config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the reminder id, so that a resend after a crash is recognisable as the same message. */
  messageId: string;
}

/** Email over SMTP (nodemailer), from MAIL_FROM. */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(PARENT_ENGAGEMENT_CONFIG) private readonly config: ParentEngagementConfig) {
    this.transport = createTransport(config.SMTP_URL);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({ from: this.config.MAIL_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
