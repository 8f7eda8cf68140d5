import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPreconditionFailedResponse, ApiPreconditionRequiredResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IfMatchVersion } from '@tutti/platform';
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
}
