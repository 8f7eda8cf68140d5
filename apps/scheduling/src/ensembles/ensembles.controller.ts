import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ApiConflictRules, IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import {
  AddMemberDto,
  CreateEnsembleDto,
  EndMembershipDto,
  EnsembleDto,
  EnsembleListQueryDto,
  EnsemblePageDto,
  MemberDto,
  MemberListQueryDto,
  MemberPageDto,
  UpdateEnsembleDto,
} from './dto/ensemble.dto';
import { EnsemblesService } from './ensembles.service';

@ApiTags('ensembles')
@Controller('ensembles')
export class EnsemblesController {
  constructor(private readonly ensembles: EnsemblesService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Create an ensemble in a school' })
  @ApiCreatedResponse({ type: EnsembleDto })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateEnsembleDto): Promise<EnsembleDto> {
    return this.ensembles.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The ensembles you may see' })
  @ApiOkResponse({ type: EnsemblePageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: EnsembleListQueryDto): Promise<EnsemblePageDto> {
    return this.ensembles.list(identity, query);
  }

  @Get(':ensembleId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One ensemble (ETag for editing)' })
  @ApiOkWithETag(EnsembleDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('ensembleId') ensembleId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnsembleDto> {
    return withETag(reply, await this.ensembles.get(identity, ensembleId));
  }

  @Patch(':ensembleId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Change an ensemble’s name, level or kind (If-Match required)' })
  @ApiEditWithIfMatch('ensemble', EnsembleDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('ensembleId') ensembleId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateEnsembleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnsembleDto> {
    return withETag(reply, await this.ensembles.update(identity, ensembleId, version, body));
  }

  @Get(':ensembleId/members')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'listEnsembleMembers', summary: 'An ensemble’s current members, pupils and staff' })
  @ApiOkResponse({ type: MemberPageDto })
  members(
    @CurrentIdentity() identity: Identity,
    @IdParam('ensembleId') ensembleId: string,
    @Query() query: MemberListQueryDto,
  ): Promise<MemberPageDto> {
    return this.ensembles.members(identity, ensembleId, query);
  }

  @Post(':ensembleId/members')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'addEnsembleMember', summary: 'Add a pupil or a member of staff to an ensemble' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictRules('safeguarding-not-cleared')
  @ApiCreatedResponse({ type: MemberDto })
  addMember(
    @CurrentIdentity() identity: Identity,
    @IdParam('ensembleId') ensembleId: string,
    @Body() body: AddMemberDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<MemberDto> {
    return this.ensembles.addMember(identity, ensembleId, body, key);
  }

  @Post(':ensembleId/members/:memberId/leave')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'endEnsembleMembership', summary: 'Take a member out of an ensemble from a date' })
  @ApiOkResponse({ type: MemberDto })
  endMembership(
    @CurrentIdentity() identity: Identity,
    @IdParam('ensembleId') ensembleId: string,
    @IdParam('memberId') memberId: string,
    @Body() body: EndMembershipDto,
  ): Promise<MemberDto> {
    return this.ensembles.endMembership(identity, ensembleId, memberId, body);
  }
}
