import type { SafeguardingFlaggedV1, SafeguardingReasonV1 } from '@tutti/contracts';
import { escapeHtml } from '@tutti/platform';
import type { OutgoingMail } from '../mail/mailer';

const REASONS: Record<SafeguardingReasonV1, string> = {
  'dbs-missing': 'no DBS check is recorded',
  'dbs-level-too-low': 'the DBS check is below enhanced with barred list',
  'dbs-expired': 'the DBS check has expired',
  'training-missing': 'no safeguarding training is recorded',
  'training-expired': 'the safeguarding training has expired',
};

/**
 * The programme admin's mail about someone rostered with children whose DBS check or training runs
 * out in 30 days, or ran out today. Never the DBS number: the admin reads the record in Tutti.
 */
export function safeguardingFlagMail(
  to: { email: string; displayName: string },
  areaName: string,
  flag: SafeguardingFlaggedV1,
): OutgoingMail {
  const when = flag.stage === 'expiring' ? `runs out on ${flag.expiresOn}` : `ran out on ${flag.expiresOn}`;
  const why = flag.reasons.length > 0 ? ` (${flag.reasons.map((reason) => REASONS[reason]).join('; ')})` : '';
  const rostered = [
    flag.ensembleIds.length > 0 ? `a staff member of ${flag.ensembleIds.length} ensemble${flag.ensembleIds.length === 1 ? '' : 's'}` : null,
    flag.upcomingSessions > 0 ? `tutor of ${flag.upcomingSessions} session${flag.upcomingSessions === 1 ? '' : 's'} to come` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const action =
    flag.stage === 'expiring'
      ? 'Please record the renewed check or training before then: from that day they cannot be added to sessions or ensembles.'
      : 'They can no longer be added to sessions or ensembles; please review their sessions and ensembles, and record the renewal.';
  const subject =
    flag.stage === 'expiring'
      ? `Safeguarding check runs out in 30 days: ${flag.displayName}`
      : `Safeguarding check expired: ${flag.displayName}`;
  const lines = [
    `Hello ${to.displayName},`,
    '',
    `The safeguarding clearance of ${flag.displayName} in ${areaName} ${when}${why}.`,
    `They are ${rostered || 'rostered with children'}.`,
    action,
  ];
  const html = `<!doctype html><html lang="en"><body style="font-family: sans-serif; line-height: 1.5">${lines
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n')}</body></html>`;
  return { to: to.email, subject, text: lines.join('\n'), html };
}
