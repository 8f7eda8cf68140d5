import { preparedRows, type SqlWrite } from '@tutti/platform';
import type { EntityManager } from 'typeorm';
import type { ConfirmedBooking, Recipient } from '../reminders/family-reminders.service';
import { quietHoursOf } from '../reminders/quiet-hours';
import { childrenComingSql, noConsentRecordedSql } from '../consents/consents.queries';
import {
  DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT,
  DEFAULT_TIME_ZONE,
  DEFAULT_WAITLIST_OFFER_MINUTES,
} from '../tenant-settings/tenant-settings.queries';

/** A run locked for a change of its seats, with what a booking on it needs to know. */
export interface LockedRun {
  id: string;
  performance_id: string;
  seats: number;
  seats_taken: number;
  status: string;
  bookings_close_at: Date;
  performance_status: string;
  performance_starts_at: Date;
  /** The stop asked for, when it is a stop of this run. */
  stop_id: string | null;
  pickup_at: Date | null;
  seat_limit: number;
  offer_minutes: number;
  time_zone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  /** Children asked about whose latest transport decision is not "granted" (no answer yet is not a refusal). */
  transport_refused: string[];
  /**
   * Whether a child the family brings to the performance (the children asked about included, as
   * if booked) has no photo/film decision recorded: a confirmed booking then chases it.
   */
  photo_consent_missing: boolean;
}

export interface RunLockRequest {
  tenantId: string;
  runId: string;
  /** With a guardian, stop and children: their quiet hours, the stop, and transport consent are read too. */
  guardianId?: string | null;
  stopId?: string | null;
  pupilIds?: readonly string[];
}

/**
 * Locks runs (FOR UPDATE, in id order, so that two transactions locking several runs cannot
 * deadlock) and reads, per request in the same statement: the run and its performance, the stop,
 * the area's limits, the family's quiet hours, which children have transport consent refused, and
 * whether a photo/film consent is still missing.
 * Answers one row per request, in order; undefined for a run that does not exist.
 */
export async function lockRuns(manager: EntityManager, requests: readonly RunLockRequest[]): Promise<(LockedRun | undefined)[]> {
  if (requests.length === 0) return [];
  const statement = lockRunsStatement(requests);
  return lockedRunsOf(requests, await preparedRows(manager, statement.sql, [...statement.params]));
}

/** lockRuns's statement, to send with others (see sendTogether); lockedRunsOf reads its rows. */
export function lockRunsStatement(requests: readonly RunLockRequest[]): SqlWrite {
  return {
    sql: `WITH asked AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS a(i int, tenant_id uuid, run_id uuid, guardian_id uuid, stop_id uuid, pupil_ids uuid[])
     ), locked AS MATERIALIZED (
       SELECT r.tenant_id, r.id, r.performance_id, r.seats, r.seats_taken, r.status, r.bookings_close_at
         FROM transport_runs r WHERE (r.tenant_id, r.id) IN (SELECT tenant_id, run_id FROM asked)
        ORDER BY r.tenant_id, r.id
          FOR UPDATE
     )
     SELECT a.i, r.id, r.performance_id, r.seats, r.seats_taken, r.status, r.bookings_close_at,
            p.status AS performance_status, p.starts_at AS performance_starts_at, s.id AS stop_id, s.pickup_at,
            COALESCE(t.family_transport_seat_limit, ${DEFAULT_FAMILY_TRANSPORT_SEAT_LIMIT}) AS seat_limit, COALESCE(t.waitlist_offer_minutes, ${DEFAULT_WAITLIST_OFFER_MINUTES}) AS offer_minutes,
            COALESCE(t.time_zone, '${DEFAULT_TIME_ZONE}') AS time_zone, f.quiet_hours_start, f.quiet_hours_end,
            ARRAY(SELECT latest.pupil_id FROM (
                    SELECT DISTINCT ON (k.pupil_id) k.pupil_id, k.decision FROM consent_records k
                     WHERE k.tenant_id = a.tenant_id AND k.kind = 'transport' AND k.pupil_id = ANY(a.pupil_ids) ORDER BY k.pupil_id, k.seq DESC) AS latest
                   WHERE latest.decision <> 'granted') AS transport_refused,
            EXISTS (SELECT 1 FROM (SELECT unnest(a.pupil_ids) AS pupil_id UNION ${childrenComingSql('a.tenant_id', 'r.performance_id', 'a.guardian_id')}) AS coming
                     WHERE ${noConsentRecordedSql('a.tenant_id', 'coming.pupil_id', "'photo_film'")}) AS photo_consent_missing
       FROM asked a
       JOIN locked r ON r.tenant_id = a.tenant_id AND r.id = a.run_id
       JOIN performances p ON p.tenant_id = r.tenant_id AND p.id = r.performance_id
       LEFT JOIN pickup_stops s ON s.tenant_id = r.tenant_id AND s.run_id = r.id AND s.id = a.stop_id
       LEFT JOIN tenant_settings t ON t.tenant_id = r.tenant_id
       LEFT JOIN families f ON f.tenant_id = r.tenant_id AND f.guardian_id = a.guardian_id
      ORDER BY a.i`,
    params: [
      JSON.stringify(
        requests.map((request, i) => ({
          i,
          tenant_id: request.tenantId,
          run_id: request.runId,
          guardian_id: request.guardianId ?? null,
          stop_id: request.stopId ?? null,
          pupil_ids: request.pupilIds ?? [],
        })),
      ),
    ],
  };
}

/** One locked run per request, in order (undefined for a run that does not exist), from the rows of lockRunsStatement. */
export function lockedRunsOf(requests: readonly RunLockRequest[], rows: readonly unknown[]): (LockedRun | undefined)[] {
  const byRequest = new Map((rows as (LockedRun & { i: number })[]).map(({ i, ...run }) => [i, run]));
  return requests.map((_, i) => byRequest.get(i));
}

/** Who the reminders of a booking on this run go to, and when they may be disturbed. */
export function recipientOf(tenantId: string, guardianId: string, run: LockedRun): Recipient {
  return { tenantId, guardianId, quietHours: quietHoursOf(run), timeZone: run.time_zone };
}

/** A confirmed booking on this run, with what its reminders are timed from. */
export function confirmedBookingOf(bookingId: string, run: LockedRun, pickupAt: Date): ConfirmedBooking {
  return {
    id: bookingId,
    pickupAt,
    performanceId: run.performance_id,
    performanceStartsAt: run.performance_starts_at,
    photoConsentMissing: run.photo_consent_missing,
  };
}
