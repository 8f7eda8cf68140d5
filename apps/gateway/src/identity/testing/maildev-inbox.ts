import { waitFor } from '@tutti/testing';

export interface ReceivedMail {
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
}

/** Waits for MailDev to have received a mail to `address` (matching `subject`, if given). */
export async function mailTo(apiUrl: string, address: string, subject?: RegExp): Promise<ReceivedMail> {
  return waitFor(
    async () => {
      const response = await fetch(`${apiUrl}/email`);
      const mails = (await response.json()) as ReceivedMail[];
      return mails.find((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()) && (!subject || subject.test(mail.subject)));
    },
    { timeoutMs: 10_000, intervalMs: 100, description: `a mail to ${address}` },
  );
}

/** The token in a link of the mail (…?token=…). */
export function tokenIn(mail: ReceivedMail, page: 'accept-invitation' | 'reset-password'): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9._-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in the mail: ${mail.text}`);
  return decodeURIComponent(match[1]);
}
