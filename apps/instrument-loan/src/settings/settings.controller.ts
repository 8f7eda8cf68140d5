import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { AreaSettingsDto, UpdateAreaSettingsDto } from './dto/area-settings.dto';
import { SettingsService } from './settings.service';

const ETAG_HEADER = { ETag: { description: 'The version read, quoted ("3"): send it as If-Match to edit', schema: { type: 'string' } } };

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'getLoanSettings', summary: 'The area’s instrument-loan settings (ETag for editing)' })
  @ApiOkResponse({ type: AreaSettingsDto, headers: ETAG_HEADER })
  async get(@CurrentIdentity() identity: Identity, @Res({ passthrough: true }) reply: FastifyReply): Promise<AreaSettingsDto> {
    const settings = await this.settings.get(identity.tenantId);
    void reply.header('etag', etagOf(settings.version));
    return settings;
  }

  @Patch()
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'updateLoanSettings',
    summary: 'Change some of the conditional-loan rule, loan terms version and inspection interval of this area; the others are kept',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of your last read of the settings (from GET or from your last edit)',
  })
  @ApiOkResponse({ type: AreaSettingsDto, headers: ETAG_HEADER })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing' })
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the settings since that read; currentETag names their version now' })
  async update(
    @CurrentIdentity() identity: Identity,
    @IfMatchVersion() version: number,
    @Body() body: UpdateAreaSettingsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AreaSettingsDto> {
    const settings = await this.settings.update(identity.tenantId, version, body);
    void reply.header('etag', etagOf(settings.version));
    return settings;
  }
}
