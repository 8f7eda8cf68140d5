import { waitFor } from './wait-for';

/** A mail as the test set-up's MailDev (MAILDEV_API_URL) received it. */
export interface ReceivedMail {
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Header names in lower case, as MailDev gives them. */
  headers: Record<string, string>;
  to: { address: string }[];
}

/** The mails MailDev has received for `address` (whose subject matches, if given), oldest first. */
export async function mailsTo(address: string, subject?: RegExp): Promise<ReceivedMail[]> {
  const apiUrl = process.env.MAILDEV_API_URL;
  if (!apiUrl) throw new Error('MAILDEV_API_URL is not set: run the tests through jest.config.js, whose set-up starts MailDev');
  const all = (await (await fetch(`${apiUrl}/email`)).json()) as ReceivedMail[];
  const wanted = address.toLowerCase();
  return all.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === wanted) && (!subject || subject.test(mail.subject)));
}

/** Waits (up to 10 s) for a mail to `address`, matching `subject` if given. */
export async function mailTo(address: string, subject?: RegExp): Promise<ReceivedMail> {
  return waitFor(async () => (await mailsTo(address, subject))[0], {
    timeoutMs: 10_000,
    intervalMs: 100,
    description: `a mail to ${address}`,
  });
}
