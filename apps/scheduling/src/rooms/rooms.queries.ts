import { oneRow, rows, type Queryable } from '@tutti/platform';

export interface RoomRow {
  id: string;
  schoolId: string;
  name: string;
  capacity: number;
  version: number;
}

const ROOM_COLUMNS = 'id, school_id AS "schoolId", name, capacity, version';

export async function insertRoom(
  db: Queryable,
  tenantId: string,
  roomId: string,
  room: { schoolId: string; name: string; capacity: number },
): Promise<RoomRow> {
  const row = await oneRow<RoomRow>(
    db,
    `INSERT INTO rooms (id, tenant_id, school_id, name, capacity) VALUES ($1, $2, $3, $4, $5) RETURNING ${ROOM_COLUMNS}`,
    [roomId, tenantId, room.schoolId, room.name, room.capacity],
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A page of rooms by name after the cursor's (name, id), of the schools in scope (null: all) and of one school if given. */
export function roomsPage(
  db: Queryable,
  tenantId: string,
  schoolIds: string[] | null,
  schoolId: string | null,
  after: readonly unknown[] | null,
  limit: number,
): Promise<RoomRow[]> {
  return rows<RoomRow>(
    db,
    `SELECT ${ROOM_COLUMNS} FROM rooms WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
       AND ($4::text IS NULL OR (name, id) > ($4, $5::uuid)) ORDER BY name, id LIMIT $6`,
    [tenantId, schoolIds, schoolId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}

export function roomById(db: Queryable, tenantId: string, roomId: string): Promise<RoomRow | undefined> {
  return oneRow<RoomRow>(db, `SELECT ${ROOM_COLUMNS} FROM rooms WHERE tenant_id = $1 AND id = $2`, [tenantId, roomId]);
}

/** The edited room, or undefined when it is not at `expectedVersion` (or not there). */
export function updateRoom(
  db: Queryable,
  tenantId: string,
  roomId: string,
  expectedVersion: number,
  changes: { name?: string; capacity?: number },
): Promise<RoomRow | undefined> {
  return oneRow<RoomRow>(
    db,
    `UPDATE rooms SET name = coalesce($3, name), capacity = coalesce($4, capacity), version = version + 1
     WHERE tenant_id = $1 AND id = $2 AND version = $5 RETURNING ${ROOM_COLUMNS}`,
    [tenantId, roomId, changes.name ?? null, changes.capacity ?? null, expectedVersion],
  );
}

/** The school of a room, or undefined when the area has no such room. */
export async function roomSchoolId(db: Queryable, tenantId: string, roomId: string): Promise<string | undefined> {
  const room = await oneRow<{ schoolId: string }>(db, 'SELECT school_id AS "schoolId" FROM rooms WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    roomId,
  ]);
  return room?.schoolId;
}
