import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { AddMemberDto, CreateEnsembleDto, EndMembershipDto, EnsembleDto, EnsembleListQueryDto, EnsemblePageDto, MemberDto, MemberListQueryDto, MemberPageDto, UpdateEnsembleDto } from './dto/ensemble.dto';
import { EnsemblesService } from './ensembles.service';

@ApiTags('ensembles')
@Controller('ensembles')
export class EnsemblesController {
  constructor(private readonly ensembles: EnsemblesService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateEnsembleDto): Promise<EnsembleDto> {
    return this.ensembles.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: EnsembleListQueryDto): Promise<EnsemblePageDto> {
    return this.ensembles.list(identity, query);
  }

  @Get(':ensembleId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOkWithETag(EnsembleDto)
  async get(@CurrentIdentity() identity: Identity, @IdParam('ensembleId') ensembleId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<EnsembleDto> {
    return withETag(reply, await this.ensembles.get(identity, ensembleId));
  }

  @Patch(':ensembleId')
  @Access('programme_admin', 'headteacher')
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
  members(@CurrentIdentity() identity: Identity, @IdParam('ensembleId') ensembleId: string, @Query() query: MemberListQueryDto): Promise<MemberPageDto> {
    return this.ensembles.members(identity, ensembleId, query);
  }

  @Post(':ensembleId/members')
  @Access('programme_admin', 'headteacher')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  addMember(@CurrentIdentity() identity: Identity, @IdParam('ensembleId') ensembleId: string, @Body() body: AddMemberDto, @IdempotencyKey() key: string | undefined): Promise<MemberDto> {
    return this.ensembles.addMember(identity, ensembleId, body, key);
  }

  @Post(':ensembleId/members/:memberId/leave')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher')
  endMembership(@CurrentIdentity() identity: Identity, @IdParam('ensembleId') ensembleId: string, @IdParam('memberId') memberId: string, @Body() body: EndMembershipDto): Promise<MemberDto> {
    return this.ensembles.endMembership(identity, ensembleId, memberId, body);
  }
}
