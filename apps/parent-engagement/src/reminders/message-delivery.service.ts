import { Injectable, Logger } from '@nestjs/common';
import { DeliversReminder, reminderDeliveryKey, type ReminderDeliverer, type ReminderRow } from '@tutti/messaging';
import { oneRow } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { formatLocal } from '../common/zoned-time';
import { childrenComingWithoutConsent } from '../consents/consents.queries';
import type { GuardianContact } from '../families/families.queries';
import { EmailChannel } from './channels/email.channel';
import { SmsProvider } from './channels/sms.channel';
import { MESSAGE_KINDS, type MessageKind } from './reminder-kinds';
import { renderMessage, toHtml, toText, type MessageFacts, type RenderedMessage } from './templates';

interface FamilyContact extends Omit<GuardianContact, 'guardian_id'> {
  time_zone: string;
}

export type ContactChoices = Pick<FamilyContact, 'email' | 'phone' | 'email_enabled' | 'sms_enabled'>;

interface BookingFacts {
  status: string;
  seats: number;
  offer_expires_at: Date | null;
  stop_name: string;
  place: string;
  pickup_at: Date;
  title: string;
  starts_at: Date;
  venue_name: string;
}

/** Which booking states each booking message still makes sense in; otherwise it is dropped. */
const BOOKING_STATES: Partial<Record<MessageKind, string>> = {
  'transport.booking-confirmed': 'confirmed',
  'transport.pickup-24h': 'confirmed',
  'transport.pickup-2h': 'confirmed',
  'transport.seat-offered': 'offered',
  'transport.offer-expired': 'expired',
  'transport.booking-cancelled': 'cancelled',
};

/**
 * Turns a due reminder into an email (plain text + HTML) and/or a text message, in the family's
 * language, from the data as it is now (a moved stop is told at its new time).
 */
@Injectable()
export class MessageDelivery implements ReminderDeliverer {
  private readonly logger = new Logger(MessageDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly sms: SmsProvider,
  ) {}

  @DeliversReminder(...MESSAGE_KINDS)
  async deliver(reminder: ReminderRow): Promise<void> {
    if (!isMessageKind(reminder.kind)) throw new Error(`Not a message reminder: ${reminder.kind}`);
    const family = await oneRow<FamilyContact>(
      this.dataSource,
      `SELECT f.display_name, f.email, f.phone, f.language, f.email_enabled, f.sms_enabled, COALESCE(t.time_zone, 'Europe/London') AS time_zone
         FROM families f LEFT JOIN tenant_settings t ON t.tenant_id = f.tenant_id
        WHERE f.tenant_id = $1 AND f.guardian_id = $2`,
      [reminder.tenantId, reminder.recipientId],
    );
    if (!family || !((family.email_enabled && family.email) || (family.sms_enabled && family.phone))) {
      this.logger.warn(`Reminder ${reminder.id} (${reminder.kind}) not sent: the family has no enabled contact`);
      return;
    }
    const facts = await this.factsFor(reminder, reminder.kind, family);
    if (!facts) return;
    await this.send(reminder.tenantId, family, renderMessage(reminder.kind, family.language, facts), reminderDeliveryKey(reminder));
  }

  /**
   * Email and/or text by the family's choices. `key` (a reminder's delivery key, perhaps with a
   * guardian id) is the email's Message-ID and the text's idempotency key, so that a resend after
   * a worker died mid-send is the same message to the mail systems and the SMS provider.
   */
  async send(tenantId: string, family: ContactChoices, message: RenderedMessage, key: string): Promise<void> {
    if (family.email_enabled && family.email) {
      await this.email.send({ to: family.email, subject: message.subject, text: toText(message), html: toHtml(message), deliveryKey: key });
    }
    if (family.sms_enabled && family.phone) {
      await this.sms.send({ tenantId, to: family.phone, body: `${message.subject}. ${message.paragraphs.slice(1).join(' ')}`, idempotencyKey: key });
    }
  }

  private async factsFor(reminder: ReminderRow, kind: MessageKind, family: FamilyContact): Promise<MessageFacts | undefined> {
    const when = (instant: Date) => formatLocal(instant, family.time_zone, family.language);
    const wantedState = BOOKING_STATES[kind];
    if (wantedState) {
      const booking = await oneRow<BookingFacts>(
        this.dataSource,
        `SELECT b.status, b.seats, b.offer_expires_at, s.name AS stop_name, s.place, s.pickup_at, p.title, p.starts_at, p.venue_name
           FROM transport_bookings b
           JOIN pickup_stops s ON s.tenant_id = b.tenant_id AND s.id = b.stop_id
           JOIN transport_runs r ON r.tenant_id = b.tenant_id AND r.id = b.run_id
           JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
          WHERE b.tenant_id = $1 AND b.id = $2`,
        [reminder.tenantId, reminder.payload.bookingId],
      );
      if (!booking || booking.status !== wantedState) return undefined;
      return {
        familyName: family.display_name,
        performanceTitle: booking.title,
        performanceStartsAt: when(booking.starts_at),
        venueName: booking.venue_name,
        stopName: booking.stop_name,
        stopPlace: booking.place,
        pickupAt: when(booking.pickup_at),
        seats: booking.seats,
        offerExpiresAt: booking.offer_expires_at ? when(booking.offer_expires_at) : undefined,
        cancelledBy: reminder.payload.cancelledBy === 'staff' ? 'staff' : 'family',
        wasWaiting: reminder.payload.wasWaiting === true,
      };
    }
    const performance = await oneRow<{ title: string; starts_at: Date; venue_name: string; status: string }>(
      this.dataSource,
      'SELECT title, starts_at, venue_name, status FROM performances WHERE tenant_id = $1 AND id = $2',
      [reminder.tenantId, reminder.subjectId],
    );
    if (!performance) return undefined;
    if (kind === 'consent.missing') {
      // Asked again now: consent given meanwhile (or the child no longer coming) makes the reminder moot.
      if (performance.status !== 'published') return undefined;
      if ((await childrenComingWithoutConsent(this.dataSource.manager, reminder.tenantId, reminder.subjectId, reminder.recipientId)).length === 0) return undefined;
    }
    const previous = typeof reminder.payload.previousStartsAt === 'string' ? new Date(reminder.payload.previousStartsAt) : undefined;
    return {
      familyName: family.display_name,
      performanceTitle: performance.title,
      performanceStartsAt: when(performance.starts_at),
      venueName: performance.venue_name,
      previousStartsAt: previous ? when(previous) : undefined,
      reason: typeof reminder.payload.reason === 'string' ? reminder.payload.reason : undefined,
    };
  }
}

function isMessageKind(kind: string): kind is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(kind);
}
