import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { withSmtpSpan } from '@tutti/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { PARENT_ENGAGEMENT_CONFIG } from '../../config.token';
import type { ParentEngagementConfig } from '../../config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The language it is written in (Content-Language). */
  language: string;
  /** Where the family's reply goes (the area's programme office), if the area named it. */
  replyTo?: string;
  /**
   * The reminder's delivery key (reminderDeliveryKey, with a guardian id when one reminder mails
   * several families): the Message-ID is made of it, so that a resend after a crash is recognisably the same message.
   */
  deliveryKey: string;
}

/** The one form of a reminder email's Message-ID. */
export function messageIdOf(deliveryKey: string): string {
  return `<${deliveryKey}@parent-engagement.tutti>`;
}

/**
 * Inactivity on an SMTP connection after which a send fails (and is retried): the reminder worker
 * renews a claim while its send runs, so a server that stops answering must not hold it for
 * nodemailer's default hour. Options in SMTP_URL's query win.
 */
const SMTP_SOCKET_TIMEOUT_MS = 60_000;

/** Email over SMTP (nodemailer), from MAIL_FROM. */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(PARENT_ENGAGEMENT_CONFIG) private readonly config: ParentEngagementConfig) {
    this.transport = createTransport({ url: config.SMTP_URL, socketTimeout: SMTP_SOCKET_TIMEOUT_MS });
  }

  /** Traced as the SMTP hop of whatever sends it (a reminder's delivery). */
  async send(email: OutgoingEmail): Promise<void> {
    await withSmtpSpan(() => this.sendNow(email));
  }

  private async sendNow(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'Content-Language': email.language },
      replyTo: email.replyTo,
      messageId: messageIdOf(email.deliveryKey),
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
