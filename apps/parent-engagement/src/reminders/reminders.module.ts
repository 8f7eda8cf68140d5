import { Module } from '@nestjs/common';
import { EmailChannel } from './channels/email.channel';
import { LocalSmsProvider, SmsProvider } from './channels/sms.channel';
import { FamilyReminders } from './family-reminders.service';
import { MessageDelivery } from './message-delivery.service';

@Module({
  providers: [FamilyReminders, MessageDelivery, EmailChannel, { provide: SmsProvider, useClass: LocalSmsProvider }],
  exports: [FamilyReminders, MessageDelivery, EmailChannel],
})
export class RemindersModule {}
