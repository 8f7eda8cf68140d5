import { oneRow, type Queryable } from '@tutti/platform';

/** A programme area (e.g. "In Harmony Liverpool"): the tenant every other row belongs to. */
export interface TenantRow {
  id: string;
  /** Short, URL-safe and unique: `liverpool`. */
  slug: string;
  name: string;
  /** IANA zone the area plans in; times are stored in UTC. */
  timeZone: string;
  /** The weekly music provision each child should get, against which headteachers see intensity. */
  weeklyProvisionTargetMinutes: number;
  /** Languages family messages are offered in, as BCP 47 tags (`en`, `pl`, `ur`). */
  familyLanguages: string[];
  /** Free transport seats one family may book for one performance. */
  familyTransportSeatLimit: number;
  /** Bumped by every change of the settings; the ETag an edit's If-Match must name. */
  version: number;
  createdAt: Date;
}

/** The settings a programme admin may change (PATCH /identity/tenant). */
export type TenantChanges = Partial<
  Pick<TenantRow, 'name' | 'timeZone' | 'weeklyProvisionTargetMinutes' | 'familyLanguages' | 'familyTransportSeatLimit'>
>;

const TENANT_COLUMNS = `id, slug, name, time_zone AS "timeZone", weekly_provision_target_minutes AS "weeklyProvisionTargetMinutes",
  family_languages AS "familyLanguages", family_transport_seat_limit AS "familyTransportSeatLimit", version, created_at AS "createdAt"`;

const CHANGEABLE_COLUMNS: Record<keyof TenantChanges, string> = {
  name: 'name',
  timeZone: 'time_zone',
  weeklyProvisionTargetMinutes: 'weekly_provision_target_minutes',
  familyLanguages: 'family_languages',
  familyTransportSeatLimit: 'family_transport_seat_limit',
};

/** The area; `forUpdate` locks its row until the transaction ends. */
export function tenantById(db: Queryable, tenantId: string, forUpdate = false): Promise<TenantRow | undefined> {
  return oneRow<TenantRow>(db, `SELECT ${TENANT_COLUMNS} FROM tenants WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId]);
}

export function tenantBySlug(db: Queryable, slug: string): Promise<TenantRow | undefined> {
  return oneRow<TenantRow>(db, `SELECT ${TENANT_COLUMNS} FROM tenants WHERE slug = $1`, [slug]);
}

export async function insertTenant(db: Queryable, tenant: Omit<TenantRow, 'version' | 'createdAt'>): Promise<TenantRow> {
  const inserted = await oneRow<TenantRow>(
    db,
    `INSERT INTO tenants (id, slug, name, time_zone, weekly_provision_target_minutes, family_languages, family_transport_seat_limit)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${TENANT_COLUMNS}`,
    [
      tenant.id,
      tenant.slug,
      tenant.name,
      tenant.timeZone,
      tenant.weeklyProvisionTargetMinutes,
      tenant.familyLanguages,
      tenant.familyTransportSeatLimit,
    ],
  );
  return inserted as TenantRow;
}

/** Writes the given settings, bumps the version and answers the area as it now is. */
export async function updateTenant(db: Queryable, tenantId: string, changes: TenantChanges): Promise<TenantRow | undefined> {
  const keys = (Object.keys(changes) as (keyof TenantChanges)[]).filter((key) => changes[key] !== undefined);
  if (keys.length === 0) return tenantById(db, tenantId);
  const assignments = keys.map((key, index) => `${CHANGEABLE_COLUMNS[key]} = $${index + 2}`).join(', ');
  return oneRow<TenantRow>(db, `UPDATE tenants SET ${assignments}, version = version + 1 WHERE id = $1 RETURNING ${TENANT_COLUMNS}`, [
    tenantId,
    ...keys.map((key) => changes[key]),
  ]);
}
