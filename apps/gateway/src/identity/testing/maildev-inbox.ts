import type { ReceivedMail } from '@tutti/testing';

/** The token in a link of the mail (…?token=…). */
export function tokenIn(mail: ReceivedMail, page: 'accept-invitation' | 'reset-password'): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9._-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in the mail: ${mail.text}`);
  return decodeURIComponent(match[1]);
}
