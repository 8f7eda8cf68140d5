import type { AuditSubject } from '@tutti/messaging';
import type { RunEdit, RunRow } from './transport.queries';

/** A field's value before and after an edit, as the audit log shows it (instants as ISO strings). */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

type StopFields = { name: string; place: string; pickupAt: string };

/**
 * What an edit of a bus changed, field by field (`stops.<id>.<field>` for a stop): only the fields
 * whose value differs, each with its before and after. Empty when the edit changed nothing.
 */
export function runChanges(run: RunRow, edit: RunEdit): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const note = (field: string, before: unknown, after: unknown) => {
    if (before !== after) changes[field] = { before, after };
  };
  note('vehicle', run.vehicle, edit.vehicle);
  note('driverStaffId', run.driver_staff_id, edit.driverStaffId);
  note('seats', run.seats, edit.seats);
  note('outboundDepartsAt', iso(run.outbound_departs_at), iso(edit.outboundDepartsAt));
  note('returnDepartsAt', iso(run.return_departs_at), iso(edit.returnDepartsAt));
  note('bookingsCloseAt', iso(run.bookings_close_at), iso(edit.bookingsCloseAt));
  const after = new Map(edit.stops.map((stop) => [stop.id, stop]));
  for (const stop of run.stops) {
    const changed = after.get(stop.id);
    if (!changed) continue;
    const was: StopFields = { name: stop.name, place: stop.place, pickupAt: iso(new Date(stop.pickup_at)) as string };
    const now: StopFields = { name: changed.name, place: changed.place, pickupAt: iso(changed.pickupAt) as string };
    for (const field of ['name', 'place', 'pickupAt'] as const) note(`stops.${stop.id}.${field}`, was[field], now[field]);
  }
  return changes;
}

/** The audit entry of an edit of a bus: who is the context's; what, the changed fields' before and after. */
export function runEditAudit(runId: string, version: number, changes: Record<string, FieldChange>): AuditSubject {
  return { action: 'update', subjectType: 'transport_run', subjectId: runId, detail: { version, changes } };
}

function iso(instant: Date | null): string | null {
  return instant ? instant.toISOString() : null;
}
