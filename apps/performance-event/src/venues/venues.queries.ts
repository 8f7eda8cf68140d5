import { oneRow, rows, type Queryable } from '@tutti/platform';
import type { Viewer } from '../performances/viewer';
import type { VenueKind } from './venue.model';

export interface VenueRow {
  id: string;
  name: string;
  kind: VenueKind;
  address: string;
  capacity: number | null;
  access_notes: string | null;
  school_id: string | null;
  version: number;
}

export interface VenueFields {
  name: string;
  kind: VenueKind;
  address: string;
  capacity: number | null;
  accessNotes: string | null;
  schoolId: string | null;
}

const COLUMNS = 'id, name, kind, address, capacity, access_notes, school_id, version';

/**
 * SQL condition: venue `venues` is one the viewer may see and plan at: the area's own venues (no
 * school) and, of schools' halls, those of the viewer's schools (every one for the programme admin).
 * Two parameters from `$first`: admin flag, staff school ids. A performance shows its venue to
 * whoever sees the performance, whatever this says.
 */
function visibleVenueSql(first: number): string {
  return `($${first}::boolean OR venues.school_id IS NULL OR venues.school_id = ANY($${first + 1}::uuid[]))`;
}

const venueParams = (viewer: Viewer): unknown[] => [viewer.admin, viewer.staffSchoolIds];

/** A page of the venues the viewer may see, by name, after the cursor's (name, id). */
export function visibleVenues(
  db: Queryable,
  tenantId: string,
  viewer: Viewer,
  after: readonly unknown[] | null,
  limit: number,
): Promise<VenueRow[]> {
  return rows<VenueRow>(
    db,
    `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND ${visibleVenueSql(2)} AND ($4::text IS NULL OR (name, id) > ($4::text, $5::uuid))
     ORDER BY name, id LIMIT $6`,
    [tenantId, ...venueParams(viewer), after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

/** The venue if the viewer may see it; `lock` takes its row lock for the rest of the transaction. */
export function visibleVenue(
  db: Queryable,
  tenantId: string,
  viewer: Viewer,
  venueId: string,
  lock = false,
): Promise<VenueRow | undefined> {
  return oneRow<VenueRow>(
    db,
    `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2 AND ${visibleVenueSql(3)}${lock ? ' FOR UPDATE' : ''}`,
    [tenantId, venueId, ...venueParams(viewer)],
  );
}

/** A venue whoever may see (the venue of a performance the caller sees). */
export function venueById(db: Queryable, tenantId: string, venueId: string): Promise<VenueRow | undefined> {
  return oneRow<VenueRow>(db, `SELECT ${COLUMNS} FROM venues WHERE tenant_id = $1 AND id = $2`, [tenantId, venueId]);
}

/** Whether scheduling has told of the school, in this area. */
export async function isSchoolOfArea(db: Queryable, tenantId: string, schoolId: string): Promise<boolean> {
  const school = await oneRow<{ school_id: string }>(db, 'SELECT school_id FROM replica_schools WHERE tenant_id = $1 AND school_id = $2', [
    tenantId,
    schoolId,
  ]);
  return school !== undefined;
}

export async function insertVenue(db: Queryable, tenantId: string, id: string, venue: VenueFields): Promise<VenueRow> {
  const row = await oneRow<VenueRow>(
    db,
    `INSERT INTO venues (id, tenant_id, name, kind, address, capacity, access_notes, school_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [id, tenantId, venue.name, venue.kind, venue.address, venue.capacity, venue.accessNotes, venue.schoolId],
  );
  return row as VenueRow;
}

export async function updateVenue(db: Queryable, tenantId: string, venueId: string, venue: VenueFields): Promise<VenueRow> {
  const row = await oneRow<VenueRow>(
    db,
    `UPDATE venues SET name = $3, kind = $4, address = $5, capacity = $6, access_notes = $7, school_id = $8, version = version + 1
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [tenantId, venueId, venue.name, venue.kind, venue.address, venue.capacity, venue.accessNotes, venue.schoolId],
  );
  return row as VenueRow;
}

/** Up to ten performances taking place at the venue, soonest first: what stops its removal. */
export function performancesAtVenue(db: Queryable, tenantId: string, venueId: string): Promise<{ id: string; title: string }[]> {
  return rows<{ id: string; title: string }>(
    db,
    `SELECT id, title FROM performances WHERE tenant_id = $1 AND venue_id = $2 ORDER BY starts_at LIMIT 10`,
    [tenantId, venueId],
  );
}

export async function deleteVenue(db: Queryable, tenantId: string, venueId: string): Promise<void> {
  await db.query('DELETE FROM venues WHERE tenant_id = $1 AND id = $2', [tenantId, venueId]);
}
