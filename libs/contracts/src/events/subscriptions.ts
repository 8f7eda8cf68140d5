import type { ServiceName } from '../services';
import type { EventCatalog } from './catalog';

/**
 * Who receives what. The outbox relay copies each event into the queue of every subscriber named
 * here; a type with no subscriber is still recorded in the outbox (for audit) and marked sent.
 */
export const EVENT_SUBSCRIBERS: { readonly [T in keyof EventCatalog]: readonly ServiceName[] } = {
  'identity.tenant.created': ['scheduling', 'instrument-loan', 'performance-event', 'parent-engagement'],
  'identity.tenant.updated': ['scheduling', 'instrument-loan', 'performance-event', 'parent-engagement'],
  'scheduling.school.created': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.school.updated': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.pupil.enrolled': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.pupil.moved': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  'scheduling.pupil.left': ['gateway', 'performance-event', 'parent-engagement', 'instrument-loan'],
  // The services that keep pupils' names and year groups.
  'scheduling.pupil.details-changed': ['performance-event', 'instrument-loan'],
  // Parent engagement keeps ensembles from the snapshot below (whole membership), not from each change.
  'scheduling.ensemble-membership.changed': ['performance-event'],
  'scheduling.ensemble.membership-changed': ['performance-event', 'parent-engagement'],
  'scheduling.attendance.recorded': ['parent-engagement', 'instrument-loan'],
  'scheduling.session.cancelled': ['parent-engagement'],
  'scheduling.session.moved': ['parent-engagement'],
  'loan.loan.started': ['parent-engagement'],
  'loan.loan.returned': ['parent-engagement'],
  'loan.loan.overdue': ['parent-engagement'],
  'loan.loan.flagged': ['parent-engagement'],
  'engagement.consent.changed': ['performance-event'],
  'performance.performance.published': ['parent-engagement'],
  'performance.performance.rescheduled': ['parent-engagement'],
  'performance.performance.cancelled': ['parent-engagement'],
  'audit.entry.recorded': ['gateway'],
};

/** The BullMQ queue through which a service receives its events. */
export function eventQueueOf(service: ServiceName): string {
  return `events.${service}`;
}
