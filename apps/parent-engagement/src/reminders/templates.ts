import type { LoanMessageKind, MessageKind } from './reminder-kinds';

/** What a message may mention; times are already formatted for the family's language and area. */
export interface MessageFacts {
  familyName: string;
  performanceTitle: string;
  performanceStartsAt: string;
  venueName: string;
  stopName?: string;
  stopPlace?: string;
  pickupAt?: string;
  seats?: number;
  offerExpiresAt?: string;
  previousStartsAt?: string;
  reason?: string;
  /** Who cancelled a booking: the family itself, or the school or programme. */
  cancelledBy?: 'family' | 'staff';
  /** The cancelled booking was on the waiting list, not holding seats. */
  wasWaiting?: boolean;
}

export interface RenderedMessage {
  subject: string;
  /** Paragraphs: joined for the plain-text part, wrapped in <p> for the HTML part. */
  paragraphs: string[];
}

type Template = (facts: MessageFacts) => RenderedMessage;

const pickup = (f: MessageFacts) => `Pick-up: ${f.stopName} (${f.stopPlace}) at ${f.pickupAt}.`;

/** "1 seat", "3 seats". */
export const seatsInEnglish = (seats: number | undefined): string => `${seats ?? 0} seat${seats === 1 ? '' : 's'}`;

const ENGLISH: Record<MessageKind, Template> = {
  'transport.booking-confirmed': (f) => ({
    subject: `Transport booked: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `Your ${seatsInEnglish(f.seats)} on the free bus to ${f.performanceTitle} at ${f.venueName} ${f.seats === 1 ? 'is' : 'are'} confirmed.`, pickup(f), `The performance starts ${f.performanceStartsAt}.`],
  }),
  'transport.pickup-24h': (f) => ({
    subject: `Tomorrow: bus to ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `A reminder that your bus to ${f.performanceTitle} is tomorrow.`, pickup(f)],
  }),
  'transport.pickup-2h': (f) => ({
    subject: `Bus in 2 hours: ${f.stopName} at ${f.pickupAt}`,
    paragraphs: [`Dear ${f.familyName},`, `Your bus to ${f.performanceTitle} leaves soon.`, pickup(f)],
  }),
  'transport.seat-offered': (f) => ({
    subject: `A bus seat is free for you: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `A place on the bus to ${f.performanceTitle} has come free and is offered to you (${seatsInEnglish(f.seats)}).`, pickup(f), `Please accept it in Tutti by ${f.offerExpiresAt}; after that it passes to the next family on the waiting list.`],
  }),
  'transport.offer-expired': (f) => ({
    subject: `Bus seat offer expired: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `The bus seat offered to you for ${f.performanceTitle} was not accepted in time and has passed to the next family.`],
  }),
  'transport.booking-cancelled': (f) => ({
    subject: `Bus booking cancelled: ${f.performanceTitle}`,
    paragraphs: [
      `Dear ${f.familyName},`,
      `${f.cancelledBy === 'staff' ? 'The school has cancelled' : 'As you asked, we have cancelled'} ${f.wasWaiting ? `your place on the waiting list (${seatsInEnglish(f.seats)})` : `your booking of ${seatsInEnglish(f.seats)}`} on the free bus to ${f.performanceTitle} (${f.performanceStartsAt}).`,
      ...(f.wasWaiting ? [] : [`Nobody will wait for you at ${f.stopName} (${f.stopPlace}) at ${f.pickupAt}.`]),
      f.cancelledBy === 'staff' ? 'If you did not expect this, please contact the school.' : 'If the bus still has seats, you can book again in Tutti.',
    ],
  }),
  'performance.moved': (f) => ({
    subject: `Performance moved: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `${f.performanceTitle} at ${f.venueName} has moved from ${f.previousStartsAt} to ${f.performanceStartsAt}.`, `Your bus bookings and reminders have moved with it.`],
  }),
  'consent.missing': (f) => ({
    subject: `Photo and filming consent needed: ${f.performanceTitle}`,
    paragraphs: [
      `Dear ${f.familyName},`,
      `Your child is coming to ${f.performanceTitle} at ${f.venueName} (${f.performanceStartsAt}), and we have no answer from you yet on photographs and filming.`,
      `Please record your decision in Tutti before the performance: yes or no, either is fine, but we need to know.`,
    ],
  }),
  'performance.cancelled': (f) => ({
    subject: `Performance cancelled: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `We are sorry: ${f.performanceTitle} at ${f.venueName} (${f.performanceStartsAt}) has been cancelled.${f.reason ? ` ${f.reason}` : ''}`, `Any bus booking for it is cancelled too.`],
  }),
};

/** What a loan message may mention; the due date is already formatted for the family's language. */
export interface LoanFacts {
  familyName: string;
  instrument: string;
  dueOn?: string;
  reason?: string;
}

const LOAN_ENGLISH: Record<LoanMessageKind, (facts: LoanFacts) => RenderedMessage> = {
  'loan.return-due': (f) => ({
    subject: `Instrument due back tomorrow: ${f.instrument}`,
    paragraphs: [`Dear ${f.familyName},`, `The ${f.instrument} lent to your child is due back on ${f.dueOn}.`, `Please bring it to school, or speak to the music service if you need longer.`],
  }),
  'loan.overdue': (f) => ({
    subject: `Instrument overdue: ${f.instrument}`,
    paragraphs: [`Dear ${f.familyName},`, `The ${f.instrument} lent to your child was due back on ${f.dueOn} and has not been returned yet.`, `Please return it to school as soon as you can, or contact the music service.`],
  }),
  'loan.flagged': (f) => ({
    subject: `Your child's instrument loan is being reviewed: ${f.instrument}`,
    paragraphs: [`Dear ${f.familyName},`, `Your child's loan of the ${f.instrument} is being reviewed by the music service${f.reason ? `: ${f.reason}` : '.'}`, `Nothing changes yet; the music service will be in touch.`],
  }),
};

/** Templates by language; a language (or a message) not translated yet falls back to English. */
const TEMPLATES: Record<string, Partial<Record<MessageKind, Template>>> = { en: ENGLISH };
const LOAN_TEMPLATES: Record<string, Partial<Record<LoanMessageKind, (facts: LoanFacts) => RenderedMessage>>> = { en: LOAN_ENGLISH };

export function renderMessage(kind: MessageKind, language: string, facts: MessageFacts): RenderedMessage {
  return inLanguage(TEMPLATES, ENGLISH, kind, language)(facts);
}

export function renderLoanMessage(kind: LoanMessageKind, language: string, facts: LoanFacts): RenderedMessage {
  return inLanguage(LOAN_TEMPLATES, LOAN_ENGLISH, kind, language)(facts);
}

function inLanguage<K extends string, T>(byLanguage: Record<string, Partial<Record<K, T>>>, english: Record<K, T>, kind: K, language: string): T {
  return byLanguage[language]?.[kind] ?? english[kind];
}

export function toText(message: RenderedMessage): string {
  return `${message.paragraphs.join('\n\n')}\n`;
}

export function toHtml(message: RenderedMessage): string {
  const body = message.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return `<!doctype html>\n<html><body>\n${body}\n</body></html>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
