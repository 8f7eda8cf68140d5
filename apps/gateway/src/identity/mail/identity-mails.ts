import type { OutgoingMail } from './mailer';

interface LinkMail {
  to: string;
  displayName: string;
  areaName: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
}

/** The invitation to set a password; the link works once and expires. */
export function invitationMail(mail: LinkMail & { invitedBy: string }): OutgoingMail {
  const until = formatExpiry(mail.expiresAt, mail.timeZone);
  const text = [
    `Hello ${mail.displayName},`,
    '',
    `${mail.invitedBy} has invited you to Tutti for ${mail.areaName}.`,
    'Choose your password here to start:',
    '',
    mail.link,
    '',
    `The link works once, until ${until}. If you did not expect this invitation, you can ignore this mail.`,
  ].join('\n');
  const html = page(
    `<p>Hello ${escapeHtml(mail.displayName)},</p>
<p>${escapeHtml(mail.invitedBy)} has invited you to Tutti for ${escapeHtml(mail.areaName)}.</p>
<p><a href="${escapeHtml(mail.link)}">Choose your password</a> to start.</p>
<p>The link works once, until ${escapeHtml(until)}. If you did not expect this invitation, you can ignore this mail.</p>`,
  );
  return { to: mail.to, subject: `You are invited to Tutti — ${mail.areaName}`, text, html };
}

/** The password-reset link; it works once and expires soon. */
export function passwordResetMail(mail: LinkMail): OutgoingMail {
  const until = formatExpiry(mail.expiresAt, mail.timeZone);
  const text = [
    `Hello ${mail.displayName},`,
    '',
    `Someone (we hope you) asked to reset your Tutti password for ${mail.areaName}. Choose a new one here:`,
    '',
    mail.link,
    '',
    `The link works once, until ${until}. If you did not ask, ignore this mail: your password stays as it is.`,
  ].join('\n');
  const html = page(
    `<p>Hello ${escapeHtml(mail.displayName)},</p>
<p>Someone (we hope you) asked to reset your Tutti password for ${escapeHtml(mail.areaName)}.</p>
<p><a href="${escapeHtml(mail.link)}">Choose a new password</a>.</p>
<p>The link works once, until ${escapeHtml(until)}. If you did not ask, ignore this mail: your password stays as it is.</p>`,
  );
  return { to: mail.to, subject: 'Reset your Tutti password', text, html };
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><body style="font-family: sans-serif; line-height: 1.5">${body}</body></html>`;
}

function formatExpiry(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}
