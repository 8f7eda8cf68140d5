/**
 * The rules a 409 names in `conflicts[0].rule`, so that a client can explain the clash in its own
 * words (the API's `detail` is English). The services throw only these; the OpenAPI document lists,
 * per route, the ones it can give.
 */
export const CONFLICT_RULES = {
  'not-enough-seats': 'There are not enough free seats on the bus; families on the waiting list come first.',
  'family-seat-limit': 'A family may book at most the area’s limit of seats on one bus (`limit`).',
  'pupil-already-booked': 'A child named is already booked on this bus (`pupilIds`).',
  'transport-consent-refused': 'Consent to travel was refused or withdrawn for a child named (`pupilIds`).',
  'bookings-closed': 'Bookings for this bus have closed.',
  'run-cancelled': 'The bus, or its performance, is cancelled.',
  'seats-below-booked': 'The bus cannot have fewer seats than families have booked or been offered (`seatsTaken`).',
  'not-changeable': 'Only a confirmed or waiting booking can be changed.',
  'not-offered': 'The booking has no open seat offer.',
  'offer-expired': 'The seat offer expired and passed to the next family.',
  'not-confirmed': 'Only a confirmed booking can be checked in.',
  'performance-cancelled': 'The performance is cancelled.',
  'performance-over': 'The performance is over.',
  'session-started': 'The family session has already started.',
  'already-signed-up': 'The family is already signed up to this session.',
  'session-full': 'There are not enough places left in the session.',
  'sign-up-cancelled': 'The sign-up was cancelled.',
  'safeguarding-not-cleared':
    'A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).',
} as const;

export type ConflictRule = keyof typeof CONFLICT_RULES;

export function isConflictRule(value: unknown): value is ConflictRule {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONFLICT_RULES, value);
}
