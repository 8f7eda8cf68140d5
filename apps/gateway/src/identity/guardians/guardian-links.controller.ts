import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '@tutti/platform';
import { Access, CurrentIdentity, type Identity, type Role } from '@tutti/auth';
import { auditActor } from '../audit/audit-record';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { CreateGuardianLinkDto, GuardianLinkDto, GuardianLinkPageDto, ListGuardianLinksQueryDto } from './dto/guardian-link.dto';
import { GuardianLinksService } from './guardian-links.service';

const MANAGERS: [Role, ...Role[]] = ['programme_admin', 'headteacher', 'school_staff'];

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/guardian-links')
export class GuardianLinksController {
  constructor(private readonly links: GuardianLinksService) {}

  @Get()
  @Access(...MANAGERS)
  @ApiOperation({ summary: 'Guardian links of the caller’s schools (all of the area for a programme admin)' })
  @ApiOkResponse({ type: GuardianLinkPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Query() query: ListGuardianLinksQueryDto,
  ): Promise<GuardianLinkPageDto> {
    return this.links.list(identity, auditActor(identity, origin, MANAGERS), query);
  }

  @Post()
  @Access(...MANAGERS)
  @ApiOperation({ summary: 'Link a guardian’s account to a pupil (the account gains the guardian role)' })
  @ApiCreatedResponse({ type: GuardianLinkDto })
  @ApiNotFoundResponse({ description: 'Unknown account, or a school that is not the caller’s' })
  @ApiConflictResponse({ description: 'Already linked' })
  create(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: CreateGuardianLinkDto,
  ): Promise<GuardianLinkDto> {
    return this.links.create(identity, auditActor(identity, origin, MANAGERS), body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access(...MANAGERS)
  @ApiOperation({ summary: 'Remove a guardian link; the guardian loses sight of that pupil within a minute' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@CurrentIdentity() identity: Identity, @Origin() origin: RequestOrigin, @IdParam('id') id: string): Promise<void> {
    await this.links.remove(identity, auditActor(identity, origin, MANAGERS), id);
  }
}
