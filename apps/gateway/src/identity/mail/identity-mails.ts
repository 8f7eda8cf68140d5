import { escapeHtml, formatDateTime, MessageCatalogues, type Translator } from '@tutti/platform';
import ar from './messages/ar.json';
import en from './messages/en.json';
import pl from './messages/pl.json';
import ro from './messages/ro.json';
import ur from './messages/ur.json';
import type { OutgoingMail } from './mailer';

/**
 * The account mails (invitation, password reset) in the account's preferred language, from ICU
 * catalogues (messages/*.json) through the same MessageCatalogues as the families' messages: a
 * message missing in a language comes in English, a language we do not ship is English throughout.
 */
export type IdentityMessageKey = keyof typeof en;
export const IDENTITY_CATALOGUES = new MessageCatalogues<IdentityMessageKey>({ en, pl, ro, ur, ar });

interface LinkMail {
  to: string;
  displayName: string;
  areaName: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
  /** The account's preferred language (en, pl, pt-BR…). */
  language: string;
}

type Flow = 'invitation' | 'reset';

/** The invitation to set a password; the link works once and expires. */
export function invitationMail(mail: LinkMail & { invitedBy: string }): OutgoingMail {
  const tr = IDENTITY_CATALOGUES.translator(mail.language);
  return linkMail(tr, mail, 'invitation', [tr.t('invitation.invited', { invitedBy: mail.invitedBy, areaName: mail.areaName })], {
    areaName: mail.areaName,
  });
}

/** The password-reset link; it works once and expires soon. */
export function passwordResetMail(mail: LinkMail): OutgoingMail {
  const tr = IDENTITY_CATALOGUES.translator(mail.language);
  return linkMail(tr, mail, 'reset', [tr.t('reset.asked', { areaName: mail.areaName })], {});
}

function linkMail(
  tr: Translator<IdentityMessageKey>,
  mail: LinkMail,
  flow: Flow,
  opening: string[],
  subjectValues: Record<string, string>,
): OutgoingMail {
  const until = formatExpiry(mail.expiresAt, mail.timeZone, tr.locale);
  const greeting = tr.t('greeting', { displayName: mail.displayName });
  const expiry = tr.t(`${flow}.expiry`, { until });
  const text = [greeting, '', ...opening, tr.t(`${flow}.action`), '', mail.link, '', expiry].join('\n');
  const html = page(
    tr,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      ...opening.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      `<p><a href="${escapeHtml(mail.link)}">${escapeHtml(tr.t(`${flow}.link`))}</a></p>`,
      `<p>${escapeHtml(expiry)}</p>`,
    ].join('\n'),
  );
  return { to: mail.to, subject: tr.t(`${flow}.subject`, subjectValues), text, html, language: tr.language };
}

function page(tr: Translator, body: string): string {
  return `<!doctype html><html lang="${tr.language}" dir="${tr.dir}"><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>`;
}

/** "Friday 5 December 2026, 09:15 GMT" in the reader's language, in the area's time zone. */
function formatExpiry(at: Date, timeZone: string, locale: string): string {
  return formatDateTime(at, locale, timeZone, { year: 'numeric', timeZoneName: 'short' });
}
