import type { IntensityFlaggedV1 } from '@tutti/contracts';
import { escapeHtml } from '@tutti/platform';
import type { OutgoingMail } from '../mail/mailer';

/** The headteacher's mail about a class below the area's weekly target two teaching weeks in a row. No pupil is named. */
export function intensityWarningMail(to: { email: string; displayName: string }, areaName: string, flag: IntensityFlaggedV1): OutgoingMail {
  const weeks = flag.lowWeeks.map((week) => `the week of ${week.weekOf}: ${week.averageMinutes} minutes`).join('; ');
  const lines = [
    `Hello ${to.displayName},`,
    '',
    `Class ${flag.className} at ${flag.schoolName} has been below ${areaName}’s target of ${flag.targetWeeklyMinutes} minutes of music a week for ${flag.lowWeeks.length} teaching weeks in a row, since the week of ${flag.sinceWeek}.`,
    `Minutes attended per pupil, on average: ${weeks}.`,
    'The class carries a badge on your dashboard until a week is back at or above the target. You will not be mailed again about this run of weeks.',
  ];
  const html = `<!doctype html><html lang="en"><body style="font-family: sans-serif; line-height: 1.5">${lines
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n')}</body></html>`;
  return {
    to: to.email,
    subject: `Music below the weekly target two weeks running: class ${flag.className}`,
    text: lines.join('\n'),
    html,
  };
}
