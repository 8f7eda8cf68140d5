import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { withSmtpSpan } from '@tutti/platform';
import { createTransport, type Transporter } from 'nodemailer';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The language it is written in (Content-Language), when it is one person's mail in their language. */
  language?: string;
}

/** Sends mail over SMTP (SMTP_URL), always with a plain-text and an HTML part. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  /**
   * Traced as the SMTP hop of whatever sends it (an invitation, a password reset, an event's mail),
   * as parent-engagement's EmailChannel traces a reminder's: a client span of the active one.
   */
  async send(mail: OutgoingMail): Promise<void> {
    await withSmtpSpan(() => this.sendNow(mail));
  }

  private async sendNow(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.language ? { 'Content-Language': mail.language } : undefined,
    });
  }

  /**
   * For mail sent once a transaction has committed: composing and sending happen after the caller
   * has moved on, and a failure of either is logged, never thrown at a request that already succeeded.
   * The send still runs in the caller's trace context (the request's span is its parent), though the
   * request may have been answered by then.
   */
  sendInBackground(compose: () => OutgoingMail | Promise<OutgoingMail>, what: string): void {
    void (async () => {
      try {
        await this.send(await compose());
      } catch (error) {
        this.logger.error({ err: error }, `could not send the ${what} mail`);
      }
    })();
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
