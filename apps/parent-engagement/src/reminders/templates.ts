import { escapeHtml } from '@tutti/platform';
import type { FamilyMessageKey, FamilyTranslator } from '../i18n/family-messages';
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
  /** When the bus comes back from the performance (none: no return journey). */
  returnDepartsAt?: string;
  seats?: number;
  offerExpiresAt?: string;
  previousStartsAt?: string;
  reason?: string;
  /** Who cancelled a booking: the family itself, or the school or programme. */
  cancelledBy?: 'family' | 'staff';
  /** The cancelled booking was on the waiting list, not holding seats. */
  wasWaiting?: boolean;
  /** The booking a transport message is about: its link opens that booking. */
  bookingId?: string;
}

export interface RenderedMessage {
  subject: string;
  /** Paragraphs: joined for the plain-text part, wrapped in <p> for the HTML part. */
  paragraphs: string[];
  /** The language it is written in (the email's lang and Content-Language) and its direction. */
  language: string;
  dir: 'ltr' | 'rtl';
  /** Links the family can act on (change or cancel what the message confirms, their preferences), under the paragraphs. */
  links?: MessageLink[];
}

export interface MessageLink {
  label: string;
  href: string;
}

/** An absolute link to a page of the web app (the service config's publicLink). */
export type PageLink = (path: string) => string;

/** A booking on the family's bus page (which opens its trip and scrolls to it); the page itself without an id. */
const bookingPage = (facts?: MessageFacts): string =>
  facts?.bookingId ? `parent/transport#booking-${encodeURIComponent(facts.bookingId)}` : 'parent/transport';

/** The family's page each message lets them act on, and the words of its link. */
const ACTION_LINKS: Partial<
  Record<MessageKind | LoanMessageKind, { label: FamilyMessageKey; path: string | ((facts?: MessageFacts) => string) }>
> = {
  'transport.booking-confirmed': { label: 'links.booking', path: bookingPage },
  'transport.pickup-24h': { label: 'links.booking', path: bookingPage },
  'transport.pickup-2h': { label: 'links.booking', path: bookingPage },
  'transport.seat-offered': { label: 'links.offer', path: bookingPage },
  'transport.run-changed': { label: 'links.booking', path: bookingPage },
  'performance.moved': { label: 'links.rsvp', path: 'parent/performances' },
  'consent.missing': { label: 'links.consents', path: 'parent/consents' },
  'loan.return-due': { label: 'links.instruments', path: 'parent/instruments' },
  'loan.overdue': { label: 'links.instruments', path: 'parent/instruments' },
  'loan.flagged': { label: 'links.instruments', path: 'parent/instruments' },
};

/** The message's action link, if it has one, and the family's preferences: none without a page to link to. */
function linksOf(
  translator: FamilyTranslator,
  kind: MessageKind | LoanMessageKind | undefined,
  link: PageLink | undefined,
  facts?: MessageFacts,
): MessageLink[] {
  if (!link) return [];
  const action = kind ? ACTION_LINKS[kind] : undefined;
  const path = typeof action?.path === 'function' ? action.path(facts) : action?.path;
  return [
    ...(action && path ? [{ label: translator.t(action.label), href: link(path) }] : []),
    { label: translator.t('links.preferences'), href: link('parent/preferences') },
  ];
}

/** The catalogue's body of a message holds its paragraphs, separated by a blank line. */
const paragraphsOf = (body: string): string[] => body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');

/** "Dear Mrs Khan," in the family's language; "Dear family," without a name. */
export function greeting(translator: FamilyTranslator, familyName: string | null | undefined): string {
  return familyName ? translator.t('greeting', { familyName }) : translator.t('greetingWithoutName');
}

function rendered(translator: FamilyTranslator, subject: string, paragraphs: string[], links: MessageLink[] = []): RenderedMessage {
  return { subject, paragraphs, language: translator.language, dir: translator.dir, links };
}

export function renderMessage(kind: MessageKind, translator: FamilyTranslator, facts: MessageFacts, link?: PageLink): RenderedMessage {
  const values = {
    familyName: facts.familyName,
    performanceTitle: facts.performanceTitle,
    performanceStartsAt: facts.performanceStartsAt,
    venueName: facts.venueName,
    stopName: facts.stopName ?? '',
    stopPlace: facts.stopPlace ?? '',
    pickupAt: facts.pickupAt ?? '',
    returnDepartsAt: facts.returnDepartsAt ?? 'none',
    seats: facts.seats ?? 0,
    offerExpiresAt: facts.offerExpiresAt ?? '',
    previousStartsAt: facts.previousStartsAt ?? '',
    cancelledBy: facts.cancelledBy ?? 'family',
    wasWaiting: facts.wasWaiting ? 'yes' : 'no',
  };
  const reason = kind === 'performance.cancelled' && facts.reason ? [translator.t('reasonGiven', { reason: facts.reason })] : [];
  return rendered(
    translator,
    translator.t(`${kind}.subject`, values),
    [greeting(translator, facts.familyName), ...paragraphsOf(translator.t(`${kind}.body`, values)), ...reason],
    linksOf(translator, kind, link, facts),
  );
}

/** What a loan message may mention; the due date is already formatted for the family's language. */
export interface LoanFacts {
  familyName: string;
  instrument: string;
  dueOn?: string;
  reason?: string;
}

export function renderLoanMessage(kind: LoanMessageKind, translator: FamilyTranslator, facts: LoanFacts, link?: PageLink): RenderedMessage {
  const values = { instrument: facts.instrument, dueOn: facts.dueOn ?? '' };
  const reason = kind === 'loan.flagged' && facts.reason ? [translator.t('reasonGiven', { reason: facts.reason })] : [];
  return rendered(
    translator,
    translator.t(`${kind}.subject`, values),
    [greeting(translator, facts.familyName), ...paragraphsOf(translator.t(`${kind}.body`, values)), ...reason],
    linksOf(translator, kind, link),
  );
}

/** A message staff wrote (an announcement), as written, in the family's frame: greeting and signature. */
export function renderAnnouncement(
  translator: FamilyTranslator,
  familyName: string | null,
  subject: string,
  body: string,
  senderName: string,
  link?: PageLink,
): RenderedMessage {
  return rendered(
    translator,
    subject,
    [greeting(translator, familyName), ...paragraphsOf(body), translator.t('signature', { senderName })],
    linksOf(translator, undefined, link),
  );
}

export function toText(message: RenderedMessage): string {
  const links = (message.links ?? []).map((link) => `${link.label}: ${link.href}`);
  return `${[...message.paragraphs, ...(links.length > 0 ? [links.join('\n')] : [])].join('\n\n')}\n`;
}

export function toHtml(message: RenderedMessage): string {
  const body = [
    ...message.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(message.links ?? []).map((link) => `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`),
  ].join('\n');
  return `<!doctype html>\n<html lang="${escapeHtml(message.language)}" dir="${message.dir}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head><body>\n${body}\n</body></html>\n`;
}
