import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliversReminder, reminderDeliveryKey, type ReminderDeliverer, type ReminderRow } from '@tutti/messaging';
import { DataSource } from 'typeorm';
import { formatDateTime } from '@tutti/platform';
import type { FamilyTranslator } from '../i18n/family-messages';
import { areaTranslator } from '../message-overrides/area-translator';
import { familySchoolsForPerformance, replyToFor } from '../message-overrides/message-settings.queries';
import { PARENT_ENGAGEMENT_CONFIG } from '../config.token';
import type { ParentEngagementConfig } from '../config';
import { childrenComingWithoutConsent } from '../consents/consents.queries';
import { EmailChannel } from './channels/email.channel';
import { SmsProvider } from './channels/sms.channel';
import { MESSAGE_KINDS, type MessageKind } from './reminder-kinds';
import { bookingFacts, familyContact, performanceFacts, type FamilyContact } from './reminders.queries';
import { renderMessage, toHtml, toText, type MessageFacts, type PageLink, type RenderedMessage } from './templates';

export type ContactChoices = Pick<FamilyContact, 'email' | 'phone' | 'email_enabled' | 'sms_enabled'>;

/** Which booking states each booking message still makes sense in; otherwise it is dropped. */
const BOOKING_STATES: Partial<Record<MessageKind, string>> = {
  'transport.booking-confirmed': 'confirmed',
  'transport.pickup-24h': 'confirmed',
  'transport.pickup-2h': 'confirmed',
  'transport.seat-offered': 'offered',
  'transport.offer-expired': 'expired',
  'transport.booking-cancelled': 'cancelled',
  'transport.run-changed': 'confirmed',
};

/**
 * Turns a due reminder into an email (plain text + HTML) and/or a text message, in the family's
 * language, from the data as it is now (a moved stop is told at its new time).
 */
@Injectable()
export class MessageDelivery implements ReminderDeliverer {
  private readonly logger = new Logger(MessageDelivery.name);
  /** An absolute link to a page of the web app, for the links a family can act on. */
  readonly link: PageLink;

  constructor(
    private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly sms: SmsProvider,
    @Inject(PARENT_ENGAGEMENT_CONFIG) config: ParentEngagementConfig,
  ) {
    this.link = (path) => config.publicLink(path);
  }

  @DeliversReminder(...MESSAGE_KINDS)
  async deliver(reminder: ReminderRow): Promise<void> {
    if (!isMessageKind(reminder.kind)) throw new Error(`Not a message reminder: ${reminder.kind}`);
    const family = await familyContact(this.dataSource, reminder.tenantId, reminder.recipientId);
    if (!family || !((family.email_enabled && family.email) || (family.sms_enabled && family.phone))) {
      this.logger.warn(`Reminder ${reminder.id} (${reminder.kind}) not sent: the family has no enabled contact`);
      return;
    }
    const translator = await areaTranslator(this.dataSource, reminder.tenantId, family.language);
    const found = await this.factsFor(reminder, reminder.kind, family, translator);
    if (!found) return;
    const { schoolIds, ...facts } = found;
    await this.send(
      reminder.tenantId,
      family,
      renderMessage(reminder.kind, translator, facts, this.link),
      reminderDeliveryKey(reminder),
      schoolIds,
    );
  }

  /**
   * Email and/or text by the family's choices. `key` (a reminder's delivery key, perhaps with a
   * guardian id) is the email's Message-ID and the text's idempotency key, so that a resend after
   * a worker died mid-send is the same message to the mail systems and the SMS provider. Replies
   * go to the office of the school the message is about (`schoolIds`: its children's schools) when
   * that school named one, otherwise to the area's programme office, when it named one.
   */
  async send(
    tenantId: string,
    family: ContactChoices,
    message: RenderedMessage,
    key: string,
    schoolIds: readonly string[] = [],
  ): Promise<void> {
    if (family.email_enabled && family.email) {
      await this.email.send({
        to: family.email,
        subject: message.subject,
        text: toText(message),
        html: toHtml(message),
        language: message.language,
        replyTo: await replyToFor(this.dataSource, tenantId, schoolIds),
        deliveryKey: key,
      });
    }
    if (family.sms_enabled && family.phone) {
      await this.sms.send({
        tenantId,
        to: family.phone,
        body: `${message.subject}. ${message.paragraphs.slice(1).join(' ')}`,
        idempotencyKey: key,
      });
    }
  }

  private async factsFor(
    reminder: ReminderRow,
    kind: MessageKind,
    family: FamilyContact,
    translator: FamilyTranslator,
  ): Promise<(MessageFacts & { schoolIds: string[] }) | undefined> {
    const when = (instant: Date) => formatDateTime(instant, translator.locale, family.time_zone);
    const wantedState = BOOKING_STATES[kind];
    if (wantedState) {
      const booking = await bookingFacts(this.dataSource, reminder.tenantId, reminder.payload.bookingId);
      if (!booking || booking.status !== wantedState) return undefined;
      return {
        familyName: family.display_name,
        performanceTitle: booking.title,
        performanceStartsAt: when(booking.starts_at),
        venueName: booking.venue_name,
        stopName: booking.stop_name,
        stopPlace: booking.place,
        pickupAt: when(booking.pickup_at),
        returnDepartsAt: booking.return_departs_at ? when(booking.return_departs_at) : undefined,
        seats: booking.seats,
        offerExpiresAt: booking.offer_expires_at ? when(booking.offer_expires_at) : undefined,
        cancelledBy: reminder.payload.cancelledBy === 'staff' ? 'staff' : 'family',
        wasWaiting: reminder.payload.wasWaiting === true,
        bookingId: typeof reminder.payload.bookingId === 'string' ? reminder.payload.bookingId : undefined,
        schoolIds: booking.school_ids,
      };
    }
    const performance = await performanceFacts(this.dataSource, reminder.tenantId, reminder.subjectId);
    if (!performance) return undefined;
    if (kind === 'consent.missing') {
      // Asked again now: consent given meanwhile (or the child no longer coming) makes the reminder moot.
      if (performance.status !== 'published') return undefined;
      if (
        (await childrenComingWithoutConsent(this.dataSource.manager, reminder.tenantId, reminder.subjectId, reminder.recipientId))
          .length === 0
      )
        return undefined;
    }
    const previous = typeof reminder.payload.previousStartsAt === 'string' ? new Date(reminder.payload.previousStartsAt) : undefined;
    return {
      familyName: family.display_name,
      performanceTitle: performance.title,
      performanceStartsAt: when(performance.starts_at),
      venueName: performance.venue_name,
      previousStartsAt: previous ? when(previous) : undefined,
      reason: typeof reminder.payload.reason === 'string' ? reminder.payload.reason : undefined,
      schoolIds: await familySchoolsForPerformance(this.dataSource, reminder.tenantId, reminder.recipientId, reminder.subjectId),
    };
  }
}

function isMessageKind(kind: string): kind is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(kind);
}
