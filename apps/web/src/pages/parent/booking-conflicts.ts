import type { ConflictRule } from '@tutti/contracts';
import { conflictRuleOf, type ApiProblem } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n';

/**
 * The rules (@tutti/contracts' CONFLICT_RULES, the ones parent-engagement throws) of the 409s a family
 * may get when booking a bus, with what the page says for each.
 */
export const BOOK_CONFLICTS: Readonly<Partial<Record<ConflictRule, MessageKey>>> = {
  'bookings-closed': 'bookConflict.bookings-closed',
  'run-cancelled': 'bookConflict.run-cancelled',
  'family-seat-limit': 'bookingConflict.family-seat-limit',
  'pupil-already-booked': 'bookConflict.pupil-already-booked',
  'transport-consent-refused': 'bookConflict.transport-consent-refused',
};

/** … and when changing a booking. */
export const CHANGE_CONFLICTS: Readonly<Partial<Record<ConflictRule, MessageKey>>> = {
  'not-enough-seats': 'bookingConflict.not-enough-seats',
  'family-seat-limit': 'bookingConflict.family-seat-limit',
  'bookings-closed': 'bookingConflict.bookings-closed',
  'not-changeable': 'bookingConflict.not-changeable',
};

/** The bus refusals that mean it takes no more bookings: the page then shows it as closed. */
export const CLOSED_RULES: readonly ConflictRule[] = ['bookings-closed', 'run-cancelled'];

/**
 * A 409 in the reader's language, told by its rule (the API speaks English); undefined for a rule
 * the page does not know, which then shows the API's own words.
 */
export function conflictMessage(
  error: unknown,
  t: Translate,
  messages: Readonly<Partial<Record<ConflictRule, MessageKey>>>,
): string | undefined {
  const rule = conflictRuleOf(error);
  const key = rule === undefined ? undefined : messages[rule];
  if (!key) return undefined;
  const limit = (error as ApiProblem).conflicts[0] as { limit?: number };
  return t(key, { n: limit.limit ?? '' });
}
