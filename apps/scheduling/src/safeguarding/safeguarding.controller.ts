import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { PutSafeguardingRecordDto, SafeguardingAlertsDto, SafeguardingRecordDto } from './dto/safeguarding.dto';
import { SafeguardingService } from './safeguarding.service';

@ApiTags('safeguarding')
@Controller('safeguarding')
export class SafeguardingController {
  constructor(private readonly safeguarding: SafeguardingService) {}

  @Get('alerts')
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'listSafeguardingAlerts',
    summary: 'Staff rostered with children whose DBS check or safeguarding training is missing, expired or runs out within 30 days',
  })
  @ApiOkResponse({ type: SafeguardingAlertsDto })
  alerts(@CurrentIdentity() identity: Identity, @RequestOrigin() origin: AuditOrigin): Promise<SafeguardingAlertsDto> {
    return this.safeguarding.alerts(identity, origin);
  }

  @Get('staff/:staffId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'getSafeguardingRecord',
    summary: 'A member of staff’s safeguarding status (the DBS certificate and training for programme admins only; ETag for editing)',
  })
  @ApiOkWithETag(SafeguardingRecordDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('staffId') staffId: string,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SafeguardingRecordDto> {
    return withETag(reply, await this.safeguarding.get(identity, staffId, origin));
  }

  @Put('staff/:staffId')
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'putSafeguardingRecord',
    summary: 'Record a member of staff’s DBS check and safeguarding training (If-Match required; "0" for the first record)',
  })
  @ApiEditWithIfMatch('safeguarding record', SafeguardingRecordDto)
  async put(
    @CurrentIdentity() identity: Identity,
    @IdParam('staffId') staffId: string,
    @IfMatchVersion() version: number,
    @Body() body: PutSafeguardingRecordDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SafeguardingRecordDto> {
    return withETag(reply, await this.safeguarding.put(identity, staffId, version, body, origin));
  }
}
