import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, oneRow, rows, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import type { CreateRoomDto, RoomDto, RoomListQueryDto, RoomPageDto, UpdateRoomDto } from './dto/room.dto';

const ROOM_COLUMNS = 'id, school_id AS "schoolId", name, capacity, version';

@Injectable()
export class RoomsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateRoomDto): Promise<RoomDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    if (!(await oneRow(this.db, 'SELECT 1 AS ok FROM schools WHERE tenant_id = $1 AND id = $2', [identity.tenantId, input.schoolId]))) throw new NotFoundException('No such school.');
    const room = await oneRow<RoomDto>(
      this.db,
      `INSERT INTO rooms (id, tenant_id, school_id, name, capacity) VALUES ($1, $2, $3, $4, $5) RETURNING ${ROOM_COLUMNS}`,
      [newId(), identity.tenantId, input.schoolId, input.name, input.capacity],
    );
    if (!room) throw new Error('insert returned nothing');
    return room;
  }

  async list(identity: Identity, query: RoomListQueryDto): Promise<RoomPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await rows<RoomDto>(
      this.db,
      `SELECT ${ROOM_COLUMNS} FROM rooms WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR school_id = ANY($2)) AND ($3::uuid IS NULL OR school_id = $3)
         AND ($4::text IS NULL OR (name, id) > ($4, $5::uuid)) ORDER BY name, id LIMIT $6`,
      [identity.tenantId, schoolIdsInScope(identity), query.schoolId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(found, query.limit, (row) => row, (row) => [row.name, row.id]);
  }

  async get(identity: Identity, roomId: string): Promise<RoomDto> {
    const room = await oneRow<RoomDto>(this.db, `SELECT ${ROOM_COLUMNS} FROM rooms WHERE tenant_id = $1 AND id = $2`, [identity.tenantId, roomId]);
    if (!room) throw new NotFoundException('No such room.');
    requireSchoolInScope(identity, room.schoolId, 'room');
    return room;
  }

  /** Edits the room if it is still at the version the caller read (else 412). */
  async update(identity: Identity, roomId: string, expectedVersion: number, input: UpdateRoomDto): Promise<RoomDto> {
    const room = await this.get(identity, roomId);
    requireSchoolInScope(identity, room.schoolId, 'room', ['headteacher']);
    const updated = await oneRow<RoomDto>(
      this.db,
      `UPDATE rooms SET name = coalesce($3, name), capacity = coalesce($4, capacity), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND version = $5 RETURNING ${ROOM_COLUMNS}`,
      [identity.tenantId, roomId, input.name ?? null, input.capacity ?? null, expectedVersion],
    );
    if (!updated) throw await refusedEdit(this.db.manager, 'rooms', identity.tenantId, roomId, 'room');
    return updated;
  }
}
