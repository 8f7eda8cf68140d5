import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { AdminContact } from '../safeguarding/safeguarding-flags.queries';

/** The school's headteachers whose accounts are active, with the area's name: whom an intensity warning is mailed to. */
export async function headteacherContacts(
  db: Queryable,
  tenantId: string,
  schoolId: string,
): Promise<{ areaName: string; headteachers: AdminContact[] }> {
  const area = await oneRow<{ name: string }>(db, 'SELECT name FROM tenants WHERE id = $1', [tenantId]);
  const headteachers = await rows<AdminContact>(
    db,
    `SELECT a.id AS "accountId", a.email, a.display_name AS "displayName" FROM grants g
       JOIN accounts a ON a.tenant_id = g.tenant_id AND a.id = g.account_id
      WHERE g.tenant_id = $1 AND g.role = 'headteacher' AND g.school_id = $2 AND a.status = 'active'
      ORDER BY lower(a.email), a.id`,
    [tenantId, schoolId],
  );
  return { areaName: area?.name ?? 'your area', headteachers };
}
