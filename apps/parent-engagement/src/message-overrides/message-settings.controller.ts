import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { MessageSettingsDto, UpdateMessageSettingsDto } from './dto/message-settings.dto';
import { MessageOverridesService } from './message-overrides.service';

const ETAG_HEADER = { ETag: { description: 'The settings’ version, quoted: send it as If-Match to edit', schema: { type: 'string' } } };

/** How the area's family emails go out: the programme office's address families' replies reach. */
@ApiTags('message-settings')
@Controller('message-settings')
export class MessageSettingsController {
  constructor(private readonly messages: MessageOverridesService) {}

  @Get()
  @Access('programme_admin')
  @ApiOperation({ operationId: 'getMessageSettings', summary: 'Where families’ replies to the area’s emails go (ETag for an edit)' })
  @ApiOkResponse({ type: MessageSettingsDto, headers: ETAG_HEADER })
  async get(@CurrentIdentity() identity: Identity, @Res({ passthrough: true }) reply: FastifyReply): Promise<MessageSettingsDto> {
    const settings = await this.messages.settings(identity);
    void reply.header('etag', etagOf(settings.version));
    return settings;
  }

  @Put()
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'updateMessageSettings',
    summary: 'Set the programme office address every family email gives as Reply-To (null for none)',
  })
  @ApiOkResponse({ type: MessageSettingsDto, headers: ETAG_HEADER })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing ("0" while the area has set nothing)' })
  @ApiPreconditionFailedResponse({ description: 'Another admin changed them since your read; currentETag names their version now' })
  async update(
    @CurrentIdentity() identity: Identity,
    @IfMatchVersion() version: number,
    @Body() body: UpdateMessageSettingsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageSettingsDto> {
    const updated = await this.messages.updateSettings(identity, body.replyTo ?? null, version);
    void reply.header('etag', etagOf(updated.version));
    return updated;
  }

  @Get('schools/:schoolId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'getSchoolMessageSettings',
    summary: 'Where families’ replies to emails about this school’s children go (ETag for an edit); null: the area’s office',
  })
  @ApiOkResponse({ type: MessageSettingsDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ description: 'Not a school of yours (a headteacher’s own, or of the programme admin’s area)' })
  async getSchool(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageSettingsDto> {
    const settings = await this.messages.schoolSettings(identity, schoolId);
    void reply.header('etag', etagOf(settings.version));
    return settings;
  }

  @Put('schools/:schoolId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({
    operationId: 'updateSchoolMessageSettings',
    summary: 'Set the school office address a family’s email about this school’s child gives as Reply-To (null: the area’s)',
  })
  @ApiOkResponse({ type: MessageSettingsDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ description: 'Not a school of yours (a headteacher’s own, or of the programme admin’s area)' })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing ("0" while the school has set nothing)' })
  @ApiPreconditionFailedResponse({ description: 'Someone changed them since your read; currentETag names their version now' })
  async updateSchool(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateMessageSettingsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageSettingsDto> {
    const updated = await this.messages.updateSchoolSettings(identity, schoolId, body.replyTo ?? null, version);
    void reply.header('etag', etagOf(updated.version));
    return updated;
  }
}
