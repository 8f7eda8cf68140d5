/**
 * Migrations that break a rule of migration-safety.ts and are kept, each with its reason, keyed by
 * the violation as migrationSafetyViolations words it. The spec fails when a listed entry no longer
 * occurs (remove it) as well as when an unlisted one appears: this list only shrinks, and every new
 * migration follows the rules.
 */

/** Written and applied while Tutti was being built (2025-11 to 2026-12), before it held any area's data. */
const BEFORE_ANY_DATA =
  'applied before any deployment held data (the table had only demo/seed rows); a database that has it never runs it again';

export const KNOWN_UNSAFE_MIGRATIONS: Record<string, string> = {
  'TenantVersion1764072000000: ADD COLUMN tenants.version with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'AreaSettingsVersion1764071000000: ADD COLUMN area_settings.version with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'ConsentsRsvpsSessions1764060800000: ADD CONSTRAINT rsvps_someone_comes on rsvps validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'ConsentsRsvpsSessions1764060800000: CREATE INDEX rsvps_guardian ON rsvps without CONCURRENTLY': BEFORE_ANY_DATA,
  'BookingPathIndexes1764062500000: CREATE INDEX transport_bookings_run_guardian ON transport_bookings without CONCURRENTLY':
    BEFORE_ANY_DATA,
  'BookingPathIndexes1764062500000: CREATE INDEX transport_bookings_pupils ON transport_bookings without CONCURRENTLY': BEFORE_ANY_DATA,
  'BookingPathIndexes1764062500000: CREATE INDEX reminders_one_pending_consent_chase ON reminders without CONCURRENTLY': BEFORE_ANY_DATA,
  'RosterReplica1764063500000: ADD CONSTRAINT announcements_audience_check on announcements validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'RosterReplica1764063500000: ADD CONSTRAINT announcements_audience_target on announcements validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'RunsCountWaiting1764065500000: ADD COLUMN transport_runs.waiting with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'BookingsKnowTheirPerformance1764066000000: SET NOT NULL on transport_bookings.performance_id scans the table under ACCESS EXCLUSIVE: first ADD CONSTRAINT CHECK (performance_id IS NOT NULL) NOT VALID, then VALIDATE it':
    BEFORE_ANY_DATA,
  'BookingsKnowTheirPerformance1764066000000: CREATE INDEX transport_bookings_confirmed_by_guardian ON transport_bookings without CONCURRENTLY':
    BEFORE_ANY_DATA,
  'BookingsKnowTheirFamily1764066500000: CREATE INDEX transport_bookings_family_pupils ON transport_bookings without CONCURRENTLY':
    BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: CREATE INDEX venues_tenant_school ON venues without CONCURRENTLY': BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: ADD COLUMN performances.dress with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: ADD CONSTRAINT performances_call_before_start on performances validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: ADD CONSTRAINT performances_tenant_id_key on performances builds its index under ACCESS EXCLUSIVE: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX':
    BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: CREATE INDEX performances_tenant_starts ON performances without CONCURRENTLY': BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: CREATE INDEX performances_tenant_school ON performances without CONCURRENTLY': BEFORE_ANY_DATA,
  'ProgrammesRostersReplicas1764060600000: CREATE INDEX performances_tenant_venue ON performances without CONCURRENTLY': BEFORE_ANY_DATA,
  'RegisterIndexes1764064000000: CREATE INDEX ensemble_members_tenant_ensemble ON ensemble_members without CONCURRENTLY': BEFORE_ANY_DATA,
  'RegisterIndexes1764064000000: CREATE INDEX attendance_tenant_occurrence ON attendance without CONCURRENTLY': BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ALTER COLUMN pupils.pupil_premium TYPE rewrites the table (add a new column and backfill in batches)':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ADD CONSTRAINT pupils_pupil_premium on pupils validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ALTER COLUMN pupils.send TYPE rewrites the table (add a new column and backfill in batches)':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ADD CONSTRAINT pupils_send on pupils validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ALTER COLUMN pupils.eal TYPE rewrites the table (add a new column and backfill in batches)':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ADD CONSTRAINT pupils_eal on pupils validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ADD COLUMN pupils.gender with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'PupilCharacteristics1764080000000: ADD COLUMN pupils.ethnicity_group with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'AlumniAndDestination1764081000000: ADD CONSTRAINT pupils_status_check on pupils validates every row under a lock that blocks writes: add it NOT VALID, then VALIDATE CONSTRAINT':
    BEFORE_ANY_DATA,
  'AlumniAndDestination1764081000000: ADD COLUMN pupils.destination_school with an inline CHECK checks every row under ACCESS EXCLUSIVE: add the constraint NOT VALID, then VALIDATE':
    BEFORE_ANY_DATA,
  'AlumniAndDestination1764081000000: CREATE INDEX pupils_tenant_alumni_left ON pupils without CONCURRENTLY': BEFORE_ANY_DATA,
  'RemindersDueIndexById1764065000000: CREATE INDEX IDX_reminders_due ON reminders without CONCURRENTLY': BEFORE_ANY_DATA,
  'IdempotencyKeysByCaller1764062000000: ADD CONSTRAINT (unnamed) on idempotency_keys builds its index under ACCESS EXCLUSIVE: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX':
    BEFORE_ANY_DATA,
};
