import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { CreateRoomDto, RoomDto, RoomListQueryDto, RoomPageDto, UpdateRoomDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateRoomDto): Promise<RoomDto> {
    return this.rooms.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: RoomListQueryDto): Promise<RoomPageDto> {
    return this.rooms.list(identity, query);
  }

  @Get(':roomId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  get(@CurrentIdentity() identity: Identity, @IdParam('roomId') roomId: string): Promise<RoomDto> {
    return this.rooms.get(identity, roomId);
  }

  @Patch(':roomId')
  @Access('programme_admin', 'headteacher')
  update(@CurrentIdentity() identity: Identity, @IdParam('roomId') roomId: string, @Body() body: UpdateRoomDto): Promise<RoomDto> {
    return this.rooms.update(identity, roomId, body);
  }
}
