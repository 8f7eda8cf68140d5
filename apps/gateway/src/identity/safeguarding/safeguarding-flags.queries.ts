import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface AdminContact {
  accountId: string;
  email: string;
  displayName: string;
}

/** The area's programme admins whose accounts are active, with the area's name: whom a safeguarding flag is mailed to. */
export async function programmeAdminContacts(db: Queryable, tenantId: string): Promise<{ areaName: string; admins: AdminContact[] }> {
  const area = await oneRow<{ name: string }>(db, 'SELECT name FROM tenants WHERE id = $1', [tenantId]);
  const admins = await rows<AdminContact>(
    db,
    `SELECT a.id AS "accountId", a.email, a.display_name AS "displayName" FROM grants g
       JOIN accounts a ON a.tenant_id = g.tenant_id AND a.id = g.account_id
      WHERE g.tenant_id = $1 AND g.role = 'programme_admin' AND a.status = 'active'
      ORDER BY lower(a.email), a.id`,
    [tenantId],
  );
  return { areaName: area?.name ?? 'your area', admins };
}
