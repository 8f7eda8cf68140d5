import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { CreateStaffDto, StaffDto, StaffListQueryDto, StaffPageDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffService } from './staff.service';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Add a member of staff or a tutor' })
  @ApiCreatedResponse({ type: StaffDto })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateStaffDto, @RequestOrigin() origin: AuditOrigin): Promise<StaffDto> {
    return this.staff.create(identity, body, origin);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Staff and tutors of the schools you may see' })
  @ApiOkResponse({ type: StaffPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Query() query: StaffListQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<StaffPageDto> {
    return this.staff.list(identity, query, origin);
  }

  @Get('me')
  @Access('headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'getMyStaffRecord', summary: 'Your own staff record' })
  @ApiOkResponse({ type: StaffDto })
  me(@CurrentIdentity() identity: Identity, @RequestOrigin() origin: AuditOrigin): Promise<StaffDto> {
    return this.staff.me(identity, origin);
  }

  @Get(':staffId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One member of staff (ETag for editing)' })
  @ApiOkWithETag(StaffDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('staffId') staffId: string,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffDto> {
    return withETag(reply, await this.staff.get(identity, staffId, origin));
  }

  @Patch(':staffId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit a member of staff (If-Match required)' })
  @ApiEditWithIfMatch('member of staff', StaffDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('staffId') staffId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateStaffDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffDto> {
    return withETag(reply, await this.staff.update(identity, staffId, version, body, origin));
  }
}
