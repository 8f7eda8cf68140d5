import type { MessageKind } from './reminder-kinds';

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
}

export interface RenderedMessage {
  subject: string;
  /** Paragraphs: joined for the plain-text part, wrapped in <p> for the HTML part. */
  paragraphs: string[];
}

type Template = (facts: MessageFacts) => RenderedMessage;

const pickup = (f: MessageFacts) => `Pick-up: ${f.stopName} (${f.stopPlace}) at ${f.pickupAt}.`;

const ENGLISH: Record<MessageKind, Template> = {
  'transport.booking-confirmed': (f) => ({
    subject: `Transport booked: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `Your ${f.seats} seat(s) on the free bus to ${f.performanceTitle} at ${f.venueName} are confirmed.`, pickup(f), `The performance starts ${f.performanceStartsAt}.`],
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
    paragraphs: [`Dear ${f.familyName},`, `A place on the bus to ${f.performanceTitle} has come free and is offered to you (${f.seats} seat(s)).`, pickup(f), `Please accept it in Tutti by ${f.offerExpiresAt}; after that it passes to the next family on the waiting list.`],
  }),
  'transport.offer-expired': (f) => ({
    subject: `Bus seat offer expired: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `The bus seat offered to you for ${f.performanceTitle} was not accepted in time and has passed to the next family.`],
  }),
  'performance.moved': (f) => ({
    subject: `Performance moved: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `${f.performanceTitle} at ${f.venueName} has moved from ${f.previousStartsAt} to ${f.performanceStartsAt}.`, `Your bus bookings and reminders have moved with it.`],
  }),
  'performance.cancelled': (f) => ({
    subject: `Performance cancelled: ${f.performanceTitle}`,
    paragraphs: [`Dear ${f.familyName},`, `We are sorry: ${f.performanceTitle} at ${f.venueName} (${f.performanceStartsAt}) has been cancelled.${f.reason ? ` ${f.reason}` : ''}`, `Any bus booking for it is cancelled too.`],
  }),
};

/** Templates by language; a language (or a message) not translated yet falls back to English. */
const TEMPLATES: Record<string, Partial<Record<MessageKind, Template>>> = { en: ENGLISH };

export function renderMessage(kind: MessageKind, language: string, facts: MessageFacts): RenderedMessage {
  const template = TEMPLATES[language]?.[kind] ?? ENGLISH[kind];
  return template(facts);
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
