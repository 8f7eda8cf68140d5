import type { Identity } from '@tutti/auth';
import { addDays, todayIn } from '@tutti/platform';
import type { SchedulingTestKit } from './scheduling-test-kit';

/** A DBS certificate number for a test (12 digits). */
export const dbsNumberFor = (n: number): string => String(100_000_000_000 + n);

/**
 * Records, as the programme admin, a DBS check at enhanced with barred list issued a year ago and
 * training valid for two more years: a member of staff who may be rostered with children.
 */
export async function clearToWorkWithChildren(kit: SchedulingTestKit, admin: Identity, staffId: string): Promise<void> {
  const today = todayIn('Europe/London');
  const response = await kit.call(
    admin,
    'PUT',
    `/safeguarding/staff/${staffId}`,
    {
      dbs: { number: dbsNumberFor(Math.floor(Math.random() * 1e9)), level: 'enhanced_barred_list', issuedOn: addDays(today, -365) },
      training: { completedOn: addDays(today, -30), level: 'Level 2 safeguarding children', expiresOn: addDays(today, 730) },
    },
    { 'if-match': '"0"' },
  );
  if (response.status !== 200) throw new Error(`could not clear ${staffId}: ${response.status} ${JSON.stringify(response.body)}`);
}
