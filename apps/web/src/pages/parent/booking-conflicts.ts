import { ApiProblem } from '../../api';
import type { MessageKey, Translate } from '../../i18n';

/** The rules of the 409s a family may get when booking a bus, with what the page says for each. */
export const BOOK_CONFLICTS: Readonly<Record<string, MessageKey>> = {
  'bookings-closed': 'bookConflict.bookings-closed',
  'run-cancelled': 'bookConflict.run-cancelled',
  'family-seat-limit': 'bookingConflict.family-seat-limit',
  'pupil-already-booked': 'bookConflict.pupil-already-booked',
  'transport-consent-refused': 'bookConflict.transport-consent-refused',
};

/** … and when changing a booking. */
export const CHANGE_CONFLICTS: Readonly<Record<string, MessageKey>> = {
  'not-enough-seats': 'bookingConflict.not-enough-seats',
  'family-seat-limit': 'bookingConflict.family-seat-limit',
  'bookings-closed': 'bookingConflict.bookings-closed',
  'not-changeable': 'bookingConflict.not-changeable',
};

/** The rule a 409 names (the API's `conflicts[0].rule`), if it is one. */
export function conflictRule(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
  const conflict = error.conflicts[0] as { rule?: unknown } | undefined;
  return typeof conflict?.rule === 'string' ? conflict.rule : undefined;
}

/**
 * A 409 in the reader's language, told by its rule (the API speaks English); undefined for a rule
 * the page does not know, which then shows the API's own words.
 */
export function conflictMessage(error: unknown, t: Translate, messages: Readonly<Record<string, MessageKey>>): string | undefined {
  const rule = conflictRule(error);
  const key = rule === undefined ? undefined : messages[rule];
  if (!key) return undefined;
  const limit = (error as ApiProblem).conflicts[0] as { limit?: number };
  return t(key, { n: limit.limit ?? '' });
}
