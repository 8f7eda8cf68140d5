import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, newId, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { requireSchoolInScope, schoolIdsInScope } from '../common/scope';
import { schoolExists } from '../schools/schools.queries';
import type { CreateRoomDto, RoomDto, RoomListQueryDto, RoomPageDto, UpdateRoomDto } from './dto/room.dto';
import { insertRoom, roomById, roomsPage, updateRoom } from './rooms.queries';

@Injectable()
export class RoomsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(identity: Identity, input: CreateRoomDto): Promise<RoomDto> {
    requireSchoolInScope(identity, input.schoolId, 'school', ['headteacher']);
    if (!(await schoolExists(this.db.manager, identity.tenantId, input.schoolId))) throw new NotFoundException('No such school.');
    return insertRoom(this.db.manager, identity.tenantId, newId(), input);
  }

  async list(identity: Identity, query: RoomListQueryDto): Promise<RoomPageDto> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const found = await roomsPage(
      this.db.manager,
      identity.tenantId,
      schoolIdsInScope(identity),
      query.schoolId ?? null,
      after,
      query.limit + 1,
    );
    return toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  async get(identity: Identity, roomId: string): Promise<RoomDto> {
    const room = await roomById(this.db.manager, identity.tenantId, roomId);
    if (!room) throw new NotFoundException('No such room.');
    requireSchoolInScope(identity, room.schoolId, 'room');
    return room;
  }

  /** Edits the room if it is still at the version the caller read (else 412). */
  async update(identity: Identity, roomId: string, expectedVersion: number, input: UpdateRoomDto): Promise<RoomDto> {
    const room = await this.get(identity, roomId);
    requireSchoolInScope(identity, room.schoolId, 'room', ['headteacher']);
    const updated = await updateRoom(this.db.manager, identity.tenantId, roomId, expectedVersion, input);
    if (!updated) throw await refusedEdit(this.db.manager, 'rooms', identity.tenantId, roomId, 'room');
    return updated;
  }
}
