import type { ServiceName } from '../services';
import type { EventCatalog } from './catalog';

/**
 * Who receives what; every subscriber has a handler for what it receives (event-wiring.spec.ts). The outbox relay copies each event into the queue of every subscriber named
 * here; a type with no subscriber is still recorded in the outbox (for audit) and marked sent.
 */
export const EVENT_SUBSCRIBERS: { readonly [T in keyof EventCatalog]: readonly ServiceName[] } = {
  // Only the services that keep area settings (time zone, seat limit, provision target); the others have no copy.
  'identity.tenant.created': ['scheduling', 'parent-engagement'],
  'identity.tenant.updated': ['scheduling', 'parent-engagement'],
  // A family's contact comes from the guardian's account unless the family chose its own.
  'identity.guardian.linked': ['parent-engagement'],
  'identity.account.updated': ['parent-engagement'],
  // Subject access, erasure and retention: every service that holds people's data answers the gateway.
  'identity.data-request.opened': ['scheduling', 'instrument-loan', 'parent-engagement', 'performance-event'],
  // Parent engagement keeps the area's schools by id, so that a school with no family yet can be given its Reply-To.
  'scheduling.school.created': ['gateway', 'performance-event', 'instrument-loan', 'parent-engagement'],
  'scheduling.school.updated': ['gateway', 'performance-event', 'instrument-loan', 'parent-engagement'],
  // The gateway keeps guardian links only, which follow a pupil's move; enrolment and leaving do not change them.
  'scheduling.pupil.enrolled': ['performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.pupil.moved': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.pupil.left': ['performance-event', 'parent-engagement', 'instrument-loan'],
  // Alumni stay in the programme (their school's ensembles end as membership changes); instrument-loan applies the conditional rule to their loans.
  'scheduling.pupil.became-alumni': ['instrument-loan'],
  // The services that keep pupils' names and year groups.
  'scheduling.pupil.details-changed': ['performance-event', 'instrument-loan'],
  // Parent engagement keeps ensembles from the snapshot below (whole membership), not from each change.
  'scheduling.ensemble-membership.changed': ['performance-event'],
  'scheduling.ensemble.membership-changed': ['performance-event', 'parent-engagement'],
  'scheduling.attendance.recorded': ['instrument-loan'],
  // Recorded for audit; no service acts on them yet.
  'scheduling.session.cancelled': [],
  'scheduling.session.moved': [],
  // Safeguarding (issue 19): parent-engagement keeps each member of staff's clearance for the drivers of its buses; the gateway mails the programme admins.
  'scheduling.safeguarding.changed': ['parent-engagement'],
  'scheduling.safeguarding.flagged': ['gateway'],
  // Intensity (issue 18): the gateway mails the headteachers of the class's school.
  'scheduling.intensity.flagged': ['gateway'],
  'loan.loan.started': ['parent-engagement'],
  'loan.loan.returned': ['parent-engagement'],
  'loan.loan.overdue': ['parent-engagement'],
  'loan.loan.flagged': ['parent-engagement'],
  'engagement.consent.changed': ['performance-event'],
  'performance.performance.published': ['parent-engagement'],
  'performance.performance.rescheduled': ['parent-engagement'],
  'performance.performance.cancelled': ['parent-engagement'],
  // Evidence for funders (issue 18): scheduling's annual data return keeps per-pupil and per-family copies of these.
  'performance.performance.completed': ['scheduling'],
  'engagement.rsvp.changed': ['scheduling'],
  'engagement.family-session.attendance-marked': ['scheduling'],
  'audit.entry.recorded': ['gateway'],
  'scheduling.data-request.answered': ['gateway'],
  'loan.data-request.answered': ['gateway'],
  'performance.data-request.answered': ['gateway'],
  'engagement.data-request.answered': ['gateway'],
};

/** The BullMQ queue through which a service receives its events. */
export function eventQueueOf(service: ServiceName): string {
  return `events.${service}`;
}
