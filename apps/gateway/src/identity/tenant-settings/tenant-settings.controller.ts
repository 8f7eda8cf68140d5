import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AnySignedIn, CurrentIdentity, type Identity, type Role } from '@tutti/auth';
import { IfMatchVersion } from '@tutti/platform';
import { auditActor } from '../audit/audit-record';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { TenantSettingsDto, UpdateTenantSettingsDto } from './dto/tenant-settings.dto';
import { TenantSettingsService } from './tenant-settings.service';

const ADMIN: [Role] = ['programme_admin'];

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/tenant')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Get()
  @AnySignedIn()
  @ApiOperation({ operationId: 'getAreaSettings', summary: 'The settings of the caller’s programme area (ETag for If-Match)' })
  @ApiOkResponse({ type: TenantSettingsDto })
  async get(@CurrentIdentity() identity: Identity, @Res({ passthrough: true }) reply: FastifyReply): Promise<TenantSettingsDto> {
    const { settings, etag } = await this.settings.get(identity.tenantId);
    reply.header('etag', etag);
    return settings;
  }

  @Patch()
  @Access(...ADMIN)
  @ApiOperation({
    operationId: 'updateAreaSettings',
    summary: 'Change the area’s time zone, provision target, family languages or transport seat limit',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag from GET; 428 without it, 412 with currentETag when someone changed the settings since',
  })
  @ApiOkResponse({ type: TenantSettingsDto })
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the settings since the ETag was read' })
  async update(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: UpdateTenantSettingsDto,
    @IfMatchVersion() expectedVersion: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenantSettingsDto> {
    const { settings, etag } = await this.settings.update(auditActor(identity, origin, ADMIN), body, expectedVersion);
    reply.header('etag', etag);
    return settings;
  }
}
