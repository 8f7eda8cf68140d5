/**
 * What bench/ may use of parent-engagement (`@tutti/parent-engagement/bench`): the statement the
 * booking bench reads to check that no family holds more seats than the rule allows. Nothing else
 * of the app is importable from bench/ (eslint's module boundaries).
 */
export { familyBookingsOnRunSql } from './transport/seat-ledger.queries';
