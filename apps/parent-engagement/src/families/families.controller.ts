import { Body, Controller, Get, Headers, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { etagOf } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ContactPreferencesDto, FamilyDto, FamilyPageDto, FamilyQueryDto } from './dto/contact-preferences.dto';
import { FamiliesService } from './families.service';

@ApiTags('families')
@Controller('families')
export class FamiliesController {
  constructor(private readonly families: FamiliesService) {}

  @Get('me')
  @Access('guardian')
  @ApiOperation({ operationId: 'getMyFamily', summary: 'Your family: your children and how Tutti reaches you (ETag for a later If-Match)' })
  @ApiOkResponse({ type: FamilyDto })
  async mine(
    @CurrentIdentity() identity: Identity,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FamilyDto> {
    const family = await this.families.mine(identity, origin);
    void reply.header('etag', etagOf(family.version));
    return family;
  }

  @Put('me/contact-preferences')
  @Access('guardian')
  @ApiOperation({
    operationId: 'updateContactPreferences',
    summary: 'Email, SMS, language and quiet hours; If-Match with the ETag refuses a stale edit (412)',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: FamilyDto })
  async update(
    @CurrentIdentity() identity: Identity,
    @Body() dto: ContactPreferencesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FamilyDto> {
    const family = await this.families.updatePreferences(identity, dto, ifMatch, origin);
    void reply.header('etag', etagOf(family.version));
    return family;
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Families of your schools’ pupils (every family for the programme admin)' })
  @ApiOkResponse({ type: FamilyPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Query() query: FamilyQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<FamilyPageDto> {
    return this.families.list(identity, query, origin);
  }
}
