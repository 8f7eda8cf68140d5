/**
 * What bench/ may use of scheduling (`@tutti/scheduling/bench`): the statements its tutor's-day
 * bench runs bare, as the baseline the service is measured against. Nothing else of the app is
 * importable from bench/ (eslint's module boundaries).
 */
export { MY_OCCURRENCES_SQL } from './sessions/sessions.queries';
export { LATEST_SUBMISSION_SQL, REGISTER_ENTRIES_SQL } from './register/register.queries';
