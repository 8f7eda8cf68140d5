import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadStaffMessages, type MessageKey } from './i18n';
import type { Role } from './app-context';

/**
 * Every signed-in page, which roles may open it, and each role's home and tabs. Pages load on
 * demand (one chunk per page module), so a parent's phone downloads the parent's pages only.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType<Record<string, string>>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<Record<string, string>> }));
}

/** A staff page: its module and the staff pages' English messages, together. */
function staffPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return page(async () => (await Promise.all([load(), loadStaffMessages()]))[0], name);
}

const ParentHome = page(() => import('./pages/parent/Home'), 'ParentHome');
const ParentTransport = page(() => import('./pages/parent/Transport'), 'ParentTransport');
const ParentConsents = page(() => import('./pages/parent/Consents'), 'ParentConsents');
const ParentPerformances = page(() => import('./pages/parent/Performances'), 'ParentPerformances');
const ParentMessages = page(() => import('./pages/parent/Messages'), 'ParentMessages');
const ParentInstruments = page(() => import('./pages/parent/Instruments'), 'ParentInstruments');
const ParentSessions = page(() => import('./pages/parent/Sessions'), 'ParentSessions');
const ParentPreferences = page(() => import('./pages/parent/Preferences'), 'ParentPreferences');
const TutorSessions = staffPage(() => import('./pages/tutor/Sessions'), 'TutorSessions');
const TutorRegister = staffPage(() => import('./pages/tutor/Sessions'), 'TutorRegister');
const TutorInstruments = staffPage(() => import('./pages/tutor/InstrumentDesk'), 'TutorInstruments');
const InstrumentPage = staffPage(() => import('./pages/tutor/InstrumentDesk'), 'InstrumentPage');
const HeadDashboard = staffPage(() => import('./pages/headteacher/SchoolDashboard'), 'HeadDashboard');
const HeadTimetable = staffPage(() => import('./pages/headteacher/Timetable'), 'HeadTimetable');
const HeadEnsembles = staffPage(() => import('./pages/headteacher/Ensembles'), 'HeadEnsembles');
const HeadPerformances = staffPage(() => import('./pages/headteacher/Performances'), 'HeadPerformances');
const HeadPerformanceRoster = staffPage(() => import('./pages/headteacher/PerformanceRoster'), 'HeadPerformanceRoster');
const HeadEnsembleMembers = staffPage(() => import('./pages/headteacher/EnsembleMembers'), 'HeadEnsembleMembers');
const HeadPerformanceManage = staffPage(() => import('./pages/headteacher/PerformanceManage'), 'HeadPerformanceManage');
const AdminSchools = staffPage(() => import('./pages/admin/Schools'), 'AdminSchools');
const AdminSchool = staffPage(() => import('./pages/admin/SchoolRecord'), 'AdminSchool');
const AdminPupil = staffPage(() => import('./pages/admin/PupilRecord'), 'AdminPupil');
const AdminStaff = staffPage(() => import('./pages/admin/Staff'), 'AdminStaff');
const AdminStaffMember = staffPage(() => import('./pages/admin/Staff'), 'AdminStaffMember');
const AdminAccount = staffPage(() => import('./pages/admin/AccountRecord'), 'AdminAccount');
const AdminComparisonSchools = staffPage(() => import('./pages/admin/ComparisonSchools'), 'AdminComparisonSchools');
const AdminPlaces = staffPage(() => import('./pages/admin/Places'), 'AdminPlaces');
const AdminSettings = staffPage(() => import('./pages/admin/Settings'), 'AdminSettings');
const AdminReminders = staffPage(() => import('./pages/admin/Settings'), 'AdminReminders');
const AdminMessageOverrides = staffPage(() => import('./pages/admin/MessageOverrides'), 'AdminMessageOverrides');
const AdminAccounts = staffPage(() => import('./pages/admin/Accounts'), 'AdminAccounts');
const AdminInstruments = staffPage(() => import('./pages/admin/Instruments'), 'AdminInstruments');
const AdminReports = staffPage(() => import('./pages/admin/Reports'), 'AdminReports');
const AdminRosterImport = staffPage(() => import('./pages/admin/RosterImport'), 'AdminRosterImport');
const AdminTermsHolidays = staffPage(() => import('./pages/admin/TermsHolidays'), 'AdminTermsHolidays');
const AdminAuditLog = staffPage(() => import('./pages/admin/AuditLog'), 'AdminAuditLog');
const AdminDataRequests = staffPage(() => import('./pages/admin/privacy/DataRequests'), 'AdminDataRequests');
const AdminRetention = staffPage(() => import('./pages/admin/privacy/Retention'), 'AdminRetention');
const AdminSafeguarding = staffPage(() => import('./pages/admin/safeguarding/Safeguarding'), 'AdminSafeguarding');
const AdminSafeguardingRecord = staffPage(() => import('./pages/admin/safeguarding/SafeguardingRecord'), 'AdminSafeguardingRecord');
const ConsentAuditPerformances = staffPage(() => import('./pages/headteacher/ConsentAudit'), 'ConsentAuditPerformances');
const ConsentAudit = staffPage(() => import('./pages/headteacher/ConsentAudit'), 'ConsentAudit');
const DriverRuns = staffPage(() => import('./pages/driver/Manifest'), 'DriverRuns');
const DriverManifest = staffPage(() => import('./pages/driver/Manifest'), 'DriverManifest');
const EvaluatorHome = staffPage(() => import('./pages/evaluator/EvaluatorHome'), 'EvaluatorHome');
const EvidenceAnnualReturn = staffPage(() => import('./pages/evidence/AnnualReturn'), 'AnnualReturnPage');
const MyIncomingPupils = staffPage(() => import('./pages/evidence/IncomingPupils'), 'MyIncomingPupils');
const SchoolIncomingPupils = staffPage(() => import('./pages/evidence/IncomingPupils'), 'SchoolIncomingPupils');
const StaffAnnouncements = staffPage(() => import('./pages/staff/Announcements'), 'StaffAnnouncements');
const HeadTransport = staffPage(() => import('./pages/headteacher/Transport'), 'HeadTransport');
const HeadFamilySessions = staffPage(() => import('./pages/headteacher/FamilySessions'), 'HeadFamilySessions');
const StaffExams = staffPage(() => import('./pages/staff/Exams'), 'StaffExams');
const StaffPupilProgression = staffPage(() => import('./pages/staff/Progression'), 'StaffPupilProgression');
const StaffLessonPlans = staffPage(() => import('./pages/staff/LessonPlans'), 'StaffLessonPlans');

export interface PageRoute {
  pattern: string;
  roles: Role[];
  /** Rendered with the pattern's named parts as props. */
  Page: ComponentType<Record<string, string>>;
}

export const PAGES: PageRoute[] = [
  { pattern: '/parent', roles: ['guardian'], Page: ParentHome },
  { pattern: '/parent/transport', roles: ['guardian'], Page: ParentTransport },
  { pattern: '/parent/consents', roles: ['guardian'], Page: ParentConsents },
  { pattern: '/parent/performances', roles: ['guardian'], Page: ParentPerformances },
  { pattern: '/parent/messages', roles: ['guardian'], Page: ParentMessages },
  { pattern: '/parent/instruments', roles: ['guardian'], Page: ParentInstruments },
  { pattern: '/parent/sessions', roles: ['guardian'], Page: ParentSessions },
  { pattern: '/parent/preferences', roles: ['guardian'], Page: ParentPreferences },
  { pattern: '/tutor', roles: ['tutor', 'school_staff', 'headteacher'], Page: TutorSessions },
  { pattern: '/tutor/sessions/:occurrenceId', roles: ['tutor', 'school_staff', 'headteacher', 'programme_admin'], Page: TutorRegister },
  { pattern: '/head', roles: ['headteacher'], Page: HeadDashboard },
  { pattern: '/head/timetable', roles: ['headteacher'], Page: HeadTimetable },
  { pattern: '/head/ensembles', roles: ['headteacher'], Page: HeadEnsembles },
  { pattern: '/head/performances', roles: ['headteacher'], Page: HeadPerformances },
  { pattern: '/head/performances/:performanceId', roles: ['headteacher'], Page: HeadPerformanceRoster },
  { pattern: '/head/ensembles/:ensembleId', roles: ['headteacher'], Page: HeadEnsembleMembers },
  { pattern: '/head/performances/:performanceId/manage', roles: ['headteacher'], Page: HeadPerformanceManage },
  { pattern: '/admin', roles: ['programme_admin'], Page: AdminSchools },
  { pattern: '/admin/schools/:schoolId', roles: ['programme_admin'], Page: AdminSchool },
  { pattern: '/admin/pupils/:pupilId', roles: ['programme_admin'], Page: AdminPupil },
  { pattern: '/admin/staff', roles: ['programme_admin'], Page: AdminStaff },
  { pattern: '/admin/staff/:staffId', roles: ['programme_admin'], Page: AdminStaffMember },
  { pattern: '/admin/accounts/:accountId', roles: ['programme_admin'], Page: AdminAccount },
  { pattern: '/admin/comparison-schools', roles: ['programme_admin'], Page: AdminComparisonSchools },
  { pattern: '/admin/places', roles: ['programme_admin'], Page: AdminPlaces },
  { pattern: '/admin/settings', roles: ['programme_admin'], Page: AdminSettings },
  { pattern: '/admin/reminders', roles: ['programme_admin'], Page: AdminReminders },
  { pattern: '/admin/translations', roles: ['programme_admin'], Page: AdminMessageOverrides },
  { pattern: '/admin/accounts', roles: ['programme_admin'], Page: AdminAccounts },
  { pattern: '/admin/instruments', roles: ['programme_admin'], Page: AdminInstruments },
  { pattern: '/admin/reports', roles: ['programme_admin'], Page: AdminReports },
  { pattern: '/admin/audit', roles: ['programme_admin'], Page: AdminAuditLog },
  { pattern: '/admin/import', roles: ['programme_admin'], Page: AdminRosterImport },
  { pattern: '/admin/terms', roles: ['programme_admin'], Page: AdminTermsHolidays },
  { pattern: '/admin/privacy', roles: ['programme_admin'], Page: AdminDataRequests },
  { pattern: '/admin/privacy/retention', roles: ['programme_admin'], Page: AdminRetention },
  { pattern: '/admin/safeguarding', roles: ['programme_admin'], Page: AdminSafeguarding },
  { pattern: '/admin/safeguarding/:staffId', roles: ['programme_admin'], Page: AdminSafeguardingRecord },
  { pattern: '/admin/consent-audit', roles: ['programme_admin'], Page: ConsentAuditPerformances },
  { pattern: '/admin/consent-audit/:performanceId', roles: ['programme_admin'], Page: ConsentAudit },
  { pattern: '/head/consent-audit', roles: ['headteacher'], Page: ConsentAuditPerformances },
  { pattern: '/head/consent-audit/:performanceId', roles: ['headteacher'], Page: ConsentAudit },
  { pattern: '/tutor/instruments', roles: ['tutor', 'school_staff', 'headteacher'], Page: TutorInstruments },
  // The link a QR label encodes (instrument-loan's labels: PUBLIC_URL/instruments/<id>); the roles that may read an instrument.
  { pattern: '/instruments/:instrumentId', roles: ['tutor', 'school_staff', 'headteacher', 'programme_admin'], Page: InstrumentPage },
  { pattern: '/evaluator', roles: ['evaluator'], Page: EvaluatorHome },
  { pattern: '/evidence', roles: ['programme_admin', 'evaluator'], Page: EvidenceAnnualReturn },
  { pattern: '/incoming-pupils', roles: ['school_staff', 'headteacher'], Page: MyIncomingPupils },
  { pattern: '/schools/:schoolId/incoming-pupils', roles: ['school_staff', 'headteacher', 'programme_admin'], Page: SchoolIncomingPupils },
  { pattern: '/driver', roles: ['tutor', 'school_staff', 'headteacher', 'programme_admin'], Page: DriverRuns },
  { pattern: '/driver/:runId', roles: ['tutor', 'school_staff', 'headteacher', 'programme_admin'], Page: DriverManifest },
  { pattern: '/tutor/messages', roles: ['tutor', 'school_staff'], Page: StaffAnnouncements },
  { pattern: '/head/messages', roles: ['headteacher'], Page: StaffAnnouncements },
  { pattern: '/admin/messages', roles: ['programme_admin'], Page: StaffAnnouncements },
  { pattern: '/head/performances/:performanceId/transport', roles: ['headteacher'], Page: HeadTransport },
  { pattern: '/head/family-sessions', roles: ['headteacher'], Page: HeadFamilySessions },
  { pattern: '/head/exams', roles: ['headteacher'], Page: StaffExams },
  { pattern: '/tutor/exams', roles: ['tutor'], Page: StaffExams },
  { pattern: '/head/pupils/:pupilId', roles: ['headteacher'], Page: StaffPupilProgression },
  { pattern: '/tutor/pupils/:pupilId', roles: ['tutor'], Page: StaffPupilProgression },
  { pattern: '/head/lesson-plans', roles: ['headteacher'], Page: StaffLessonPlans },
  { pattern: '/tutor/lesson-plans', roles: ['tutor', 'school_staff'], Page: StaffLessonPlans },
];

export const HOMES: Record<Role, string> = {
  guardian: '/parent',
  tutor: '/tutor',
  school_staff: '/tutor',
  headteacher: '/head',
  programme_admin: '/admin',
  evaluator: '/evaluator',
};

const TUTOR_TABS: { to: string; label: MessageKey }[] = [
  { to: '/tutor', label: 'mySessions' },
  { to: '/tutor/instruments', label: 'instruments' },
  { to: '/driver', label: 'driver.nav' },
  { to: '/tutor/messages', label: 'messages' },
];

export const NAV: Record<Role, { to: string; label: MessageKey }[]> = {
  guardian: [
    { to: '/parent', label: 'myChildren' },
    { to: '/parent/performances', label: 'performances' },
    { to: '/parent/transport', label: 'transport' },
    { to: '/parent/consents', label: 'consents' },
    { to: '/parent/messages', label: 'messages' },
    { to: '/parent/instruments', label: 'nav.instruments' },
    { to: '/parent/sessions', label: 'nav.sessions' },
    { to: '/parent/preferences', label: 'nav.preferences' },
  ],
  tutor: [...TUTOR_TABS, { to: '/tutor/lesson-plans', label: 'ht.plan.nav' }, { to: '/tutor/exams', label: 'ht.exam.nav' }],
  school_staff: [...TUTOR_TABS, { to: '/tutor/lesson-plans', label: 'ht.plan.nav' }, { to: '/incoming-pupils', label: 'incoming.nav' }],
  headteacher: [
    { to: '/head', label: 'dashboard' },
    { to: '/head/timetable', label: 'timetable' },
    { to: '/head/ensembles', label: 'head.ensembles' },
    { to: '/head/performances', label: 'performances' },
    { to: '/head/consent-audit', label: 'consentAudit.nav' },
    { to: '/head/exams', label: 'ht.exam.nav' },
    { to: '/head/lesson-plans', label: 'ht.plan.nav' },
    { to: '/head/family-sessions', label: 'ht.fam.nav' },
    { to: '/driver', label: 'driver.nav' },
    { to: '/head/messages', label: 'messages' },
  ],
  programme_admin: [
    { to: '/admin', label: 'schools' },
    { to: '/admin/staff', label: 'adm.nav.staff' },
    { to: '/admin/accounts', label: 'accounts' },
    { to: '/admin/instruments', label: 'instruments' },
    { to: '/admin/reports', label: 'reports' },
    { to: '/admin/import', label: 'admin.import.nav' },
    { to: '/admin/terms', label: 'admin.terms.nav' },
    { to: '/admin/places', label: 'adm.nav.places' },
    { to: '/admin/settings', label: 'adm.nav.settings' },
    { to: '/admin/audit', label: 'admin.audit.nav' },
    { to: '/admin/privacy', label: 'privacy.nav' },
    { to: '/admin/safeguarding', label: 'safeguarding.nav' },
    { to: '/driver', label: 'driver.nav' },
    { to: '/admin/messages', label: 'messages' },
    { to: '/admin/translations', label: 'adm.nav.translations' },
    { to: '/admin/reminders', label: 'adm.nav.reminders' },
  ],
  evaluator: [{ to: '/evaluator', label: 'eval.title' }],
};
