import { formatDateTime } from '@tutti/platform';
import type { FamilyMessageKey, FamilyTranslator } from '../i18n/family-messages';
import { LOAN_MESSAGE_KINDS, MESSAGE_KINDS, type LoanMessageKind, type MessageKind } from '../reminders/reminder-kinds';
import {
  renderAnnouncement,
  renderLoanMessage,
  renderMessage,
  type MessageFacts,
  type PageLink,
  type RenderedMessage,
} from '../reminders/templates';

const DAY = 24 * 3_600_000;

/** Facts a preview fills a message with: a performance a week from `now`, in the area's time zone and the language's words. */
export function sampleFacts(translator: FamilyTranslator, timeZone: string, now: Date): MessageFacts {
  const startsAt = new Date(now.getTime() + 7 * DAY);
  const when = (instant: Date) => formatDateTime(instant, translator.locale, timeZone);
  return {
    familyName: 'Kowalski',
    performanceTitle: 'Spring Sharing',
    performanceStartsAt: when(startsAt),
    venueName: 'Philharmonic Hall',
    stopName: 'Faith Street Primary',
    stopPlace: 'Front gate, Shaw Street',
    pickupAt: when(new Date(startsAt.getTime() - 3_600_000)),
    seats: 2,
    offerExpiresAt: when(new Date(now.getTime() + 2 * 3_600_000)),
    previousStartsAt: when(new Date(startsAt.getTime() - DAY)),
    reason: 'The hall is closed for repairs.',
    cancelledBy: 'family',
    wasWaiting: false,
  };
}

const kindOf = (key: string): string => key.replace(/\.(subject|body)$/, '');
const isMessageKind = (kind: string): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind);
const isLoanKind = (kind: string): kind is LoanMessageKind => (LOAN_MESSAGE_KINDS as readonly string[]).includes(kind);

/**
 * The message a family would get that shows `key`, with sample facts: the email of its kind for a
 * subject or body, an email using the greeting, reason or signature for those, the calendar entry
 * for a calendar message.
 */
export function previewOf(
  key: FamilyMessageKey,
  translator: FamilyTranslator,
  timeZone: string,
  link: PageLink,
  now = new Date(),
): RenderedMessage {
  const facts = sampleFacts(translator, timeZone, now);
  const kind = kindOf(key);
  if (isMessageKind(kind)) return renderMessage(kind, translator, facts, link);
  if (isLoanKind(kind)) {
    const dueOn = new Intl.DateTimeFormat(translator.locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(now.getTime() + 14 * DAY),
    );
    return renderLoanMessage(kind, translator, {
      familyName: facts.familyName,
      instrument: 'Violin (VN-0042)',
      dueOn,
      reason: facts.reason,
    });
  }
  switch (key) {
    case 'greetingWithoutName':
      return renderMessage('transport.booking-confirmed', translator, { ...facts, familyName: '' }, link);
    case 'reasonGiven':
      return renderMessage('performance.cancelled', translator, facts, link);
    case 'signature':
      return renderAnnouncement(translator, facts.familyName, 'Concert dress', 'Black and white, please.', 'Ms Adeyemi', link);
    case 'calendar.name':
    case 'calendar.pickup.summary':
    case 'calendar.pickup.description':
      return {
        subject: translator.t('calendar.pickup.summary', { performanceTitle: facts.performanceTitle, stopName: facts.stopName ?? '' }),
        paragraphs: [
          translator.t('calendar.name'),
          translator.t('calendar.pickup.description', { vehicle: '53-seat coach', seats: facts.seats ?? 0 }),
        ],
        language: translator.language,
        dir: translator.dir,
      };
    default:
      return renderMessage('transport.booking-confirmed', translator, facts, link);
  }
}
