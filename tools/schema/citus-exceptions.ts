/**
 * What the Citus-ready checks accept, each with its reason. The spec fails when a listed entry no
 * longer occurs (remove it) as well as when an unlisted one appears, so this list only shrinks.
 */

/** Tables without tenant_id: the Citus plan for each. */
export const GLOBAL_TABLES: Record<string, string> = {
  'gateway.migrations': 'TypeORM migration history: one per database, not per area; stays local on the coordinator',
  'scheduling.migrations': 'TypeORM migration history: one per database, not per area; stays local on the coordinator',
  'instrument_loan.migrations': 'TypeORM migration history: one per database, not per area; stays local on the coordinator',
  'performance_event.migrations': 'TypeORM migration history: one per database, not per area; stays local on the coordinator',
  'parent_engagement.migrations': 'TypeORM migration history: one per database, not per area; stays local on the coordinator',
  'gateway.tenants': "the areas themselves (its id is every other table's tenant_id): a reference table, copied to every node",
};

const PK_ID_BESIDE_TENANT_UNIQUE =
  'NOT READY: primary key (id) while UNIQUE (tenant_id, id) also exists. Fix: a migration per service making (tenant_id, id) the primary key ' +
  '(DROP CONSTRAINT <t>_pkey, ADD PRIMARY KEY USING INDEX on the unique one); not done here because foreign keys and ON CONFLICT (id) must be reviewed with it';
const MESSAGING_PK =
  "NOT READY: libs/messaging's outbox and reminders tables key on id alone (their TypeORM entities declare it, and the relay and sweeper address rows by id); changing it belongs to libs/messaging";

/** Known key gaps, as tenantKeyViolations words them. */
export const KNOWN_KEY_GAPS: Record<string, string> = {
  'gateway.accounts: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.audit_log: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.credentials: primary key (account_id)':
    'NOT READY: keyed by account alone; should be (tenant_id, account_id) with the foreign key to accounts (tenant_id, id)',
  'gateway.grants: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.guardian_links: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.one_time_tokens: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.refresh_tokens: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.sessions: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'gateway.tenant_schools: unique tenant_schools_school (school_id)':
    "NOT READY: a school belongs to one area across the whole service (the gateway finds a school's area by it); on Citus this needs a small reference table school_id -> tenant_id instead of a unique on a distributed table",
  'gateway.outbox_events: primary key (id)': MESSAGING_PK,
  'gateway.reminders: primary key (id)': MESSAGING_PK,
  'scheduling.attendance: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.attendance: foreign key attendance_submission_id_fkey (submission_id) -> register_submissions (id)':
    'NOT READY: should reference register_submissions (tenant_id, id); Citus refuses a foreign key between distributed tables without the distribution column',
  'scheduling.classes: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.ensemble_members: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.ensembles: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.exam_entries: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.holidays: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.lesson_plans: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.occurrences: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.outbox_events: primary key (id)': MESSAGING_PK,
  'scheduling.pupils: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.register_submissions: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.reminders: primary key (id)': MESSAGING_PK,
  'scheduling.rooms: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.roster_imports: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.schools: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.sessions: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.staff: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'scheduling.terms: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'instrument_loan.inspections: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'instrument_loan.instruments: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'instrument_loan.loan_problem_reports: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'instrument_loan.loans: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'instrument_loan.outbox_events: primary key (id)': MESSAGING_PK,
  'instrument_loan.reminders: primary key (id)': MESSAGING_PK,
  'instrument_loan.repair_tickets: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'performance_event.outbox_events: primary key (id)': MESSAGING_PK,
  'performance_event.performances: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'performance_event.reminders: primary key (id)': MESSAGING_PK,
  'performance_event.venues: primary key (id)': PK_ID_BESIDE_TENANT_UNIQUE,
  'parent_engagement.outbox_events: primary key (id)': MESSAGING_PK,
  'parent_engagement.reminders: primary key (id)': MESSAGING_PK,
};

const SWEEP =
  'a sweep over every area by design (due reminders, unsent events); on Citus it runs on every shard, which is what a background sweep should do';

const DATA_REQUEST_HOLDERS =
  "an erasure walks the service's fixed list of tables that hold a child's name in free text or JSON; each statement filters by tenant_id whatever the table";

/** Statements that touch a tenant-owned table without its tenant_id, as `file: violation` (no line numbers, so edits above do not move them). */
export const KNOWN_STATEMENT_GAPS: Record<string, string> = {
  'libs/messaging/src/relay/outbox-relay.ts: SELECT on outbox_events without its tenant_id': SWEEP,
  'libs/messaging/src/relay/outbox-relay.ts: UPDATE on outbox_events without its tenant_id':
    'marks the rows the relay just claimed, by id (two statements); adding tenant_id = ANY(...) would make them single-shard per area',
  'libs/messaging/src/reminders/reminder-sweeper.ts: UPDATE on reminders without its tenant_id': SWEEP,
  'libs/messaging/src/reminders/reminder-sweeper.ts: SELECT on reminders without its tenant_id': SWEEP,
  'libs/platform/src/metrics/service-metrics.ts: SELECT on outbox_events without its tenant_id': `the outbox backlog metric: ${SWEEP}`,
  'libs/platform/src/metrics/service-metrics.ts: SELECT on reminders without its tenant_id': `the reminder lateness metric: ${SWEEP}`,
  'apps/scheduling/src/intensity/intensity.queries.ts: SELECT on tenant_settings without its tenant_id': `knownAreas lists the areas whose weekly intensity check is planned (at start-up and after each check): ${SWEEP}`,
  'apps/scheduling/src/common/common.queries.ts: SELECT on a table not known statically':
    'currentVersion reads the table named by the VersionedTable map (a fixed list); the statement filters by tenant_id whatever the table',
  'apps/scheduling/src/data-requests/data-requests.queries.ts: SELECT on a table not known statically': DATA_REQUEST_HOLDERS,
  'apps/scheduling/src/data-requests/data-requests.queries.ts: UPDATE on a table not known statically': DATA_REQUEST_HOLDERS,
  'apps/instrument-loan/src/data-requests/data-requests.queries.ts: UPDATE on a table not known statically': DATA_REQUEST_HOLDERS,
  'apps/performance-event/src/data-requests/data-requests.queries.ts: UPDATE on a table not known statically': DATA_REQUEST_HOLDERS,
  'apps/parent-engagement/src/data-requests/data-requests.queries.ts: UPDATE on a table not known statically': DATA_REQUEST_HOLDERS,
};
