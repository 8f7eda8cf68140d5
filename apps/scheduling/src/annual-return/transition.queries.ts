import { rows, type Queryable } from '@tutti/platform';
import type { Characteristics } from '../characteristics/characteristics.model';
import type { AcademicYear } from './annual-return.queries';

export type FollowUp = 'continuing' | 'not_continuing' | 'not_yet_known';

export interface AlumnusRow extends Pick<Characteristics, 'pupilPremium' | 'send' | 'eal' | 'gender'> {
  pupilId: string;
  destinationSchool: string | null;
  oneTerm: FollowUp;
  oneYear: FollowUp;
}

/** Attended (present or late) any pupils' session in the term: whole-class, ensembles or other provision. */
const PLAYED_IN_TERM = (term: string) => `EXISTS (
  SELECT 1 FROM attendance a
    JOIN occurrences o ON o.tenant_id = a.tenant_id AND o.id = a.occurrence_id
   WHERE a.tenant_id = p.tenant_id AND a.pupil_id = p.id AND a.status IN ('present', 'late') AND o.status = 'scheduled'
     AND o.local_date BETWEEN ${term}.starts_on AND ${term}.ends_on)`;

const FOLLOW_UP = (term: string) =>
  `CASE WHEN ${term}.starts_on IS NOT NULL AND ${PLAYED_IN_TERM(term)} THEN 'continuing'
        WHEN ${term}.ends_on IS NULL OR ${term}.ends_on >= $4::date THEN 'not_yet_known' ELSE 'not_continuing' END`;

/**
 * The pupils who left primary school for secondary (alumni) during the academic year, each with
 * whether they attended any Tutti session one term after (the first term starting after they left)
 * and one year after (the last term starting before the anniversary of their leaving); not yet
 * known while that term has not ended (or is not in the calendar) and they have not attended.
 */
export function alumniOfYear(db: Queryable, tenantId: string, year: AcademicYear, today: string): Promise<AlumnusRow[]> {
  return rows<AlumnusRow>(
    db,
    `SELECT p.id AS "pupilId", p.destination_school AS "destinationSchool", p.pupil_premium AS "pupilPremium", p.send, p.eal, p.gender,
            ${FOLLOW_UP('one_term')} AS "oneTerm", ${FOLLOW_UP('one_year')} AS "oneYear"
       FROM pupils p
       LEFT JOIN LATERAL (
         SELECT t.starts_on, t.ends_on FROM terms t WHERE t.tenant_id = p.tenant_id AND t.starts_on > p.left_on ORDER BY t.starts_on LIMIT 1
       ) one_term ON true
       LEFT JOIN LATERAL (
         SELECT t.starts_on, t.ends_on FROM terms t
          WHERE t.tenant_id = p.tenant_id AND t.starts_on >= p.left_on + interval '6 months' AND t.starts_on < p.left_on + interval '1 year'
          ORDER BY t.starts_on DESC LIMIT 1
       ) one_year ON true
      WHERE p.tenant_id = $1 AND p.status = 'alumni' AND p.left_on BETWEEN $2::date AND $3::date
      ORDER BY p.id`,
    [tenantId, year.from, year.to, today],
  );
}
