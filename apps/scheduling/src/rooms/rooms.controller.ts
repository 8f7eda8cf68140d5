import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { CreateRoomDto, RoomDto, RoomListQueryDto, RoomPageDto, UpdateRoomDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Add a room to a school' })
  @ApiCreatedResponse({ type: RoomDto })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateRoomDto): Promise<RoomDto> {
    return this.rooms.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The rooms of the schools you may see' })
  @ApiOkResponse({ type: RoomPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: RoomListQueryDto): Promise<RoomPageDto> {
    return this.rooms.list(identity, query);
  }

  @Get(':roomId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One room (ETag for editing)' })
  @ApiOkWithETag(RoomDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('roomId') roomId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoomDto> {
    return withETag(reply, await this.rooms.get(identity, roomId));
  }

  @Patch(':roomId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit a room (If-Match required)' })
  @ApiEditWithIfMatch('room', RoomDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('roomId') roomId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateRoomDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoomDto> {
    return withETag(reply, await this.rooms.update(identity, roomId, version, body));
  }
}
