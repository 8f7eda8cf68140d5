import { IsIn, IsString, Matches } from 'class-validator';
import { Secret, ServiceConfig } from '@tutti/platform';

export const SMS_DRIVERS = ['local'] as const;

export class ParentEngagementConfig extends ServiceConfig {
  /** Where email leaves: smtp(s)://user:pass@host:port. Locally, MailDev. */
  @Secret()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'Tutti <no-reply@tutti.local>';

  /** `local` records text messages in the sms_outbox table; a real provider plugs in behind SmsProvider. */
  @IsIn(SMS_DRIVERS)
  SMS_DRIVER: (typeof SMS_DRIVERS)[number] = 'local';
}
