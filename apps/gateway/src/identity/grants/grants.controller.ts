import { Body, Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '@tutti/platform';
import { Access, CurrentIdentity, type Identity, type Role } from '@tutti/auth';
import { auditActor } from '../audit/audit-record';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { AccountGrantDto } from './dto/account-grant.dto';
import { GrantRequestDto } from './dto/grant-request.dto';
import { GrantsService } from './grants.service';

const ADMIN: [Role] = ['programme_admin'];

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/accounts/:id/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @Access(...ADMIN)
  @ApiOperation({ operationId: 'grantRole', summary: 'Grant a role (school-scoped roles: one grant per school given)' })
  @ApiCreatedResponse({ type: [AccountGrantDto], description: 'The grants created' })
  @ApiNotFoundResponse({ description: 'Unknown account, or a school not of this area' })
  @ApiConflictResponse({ description: 'The account already holds some of these grants' })
  grant(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @Body() body: GrantRequestDto,
  ): Promise<AccountGrantDto[]> {
    return this.grants.grant(auditActor(identity, origin, ADMIN), id, body);
  }

  @Delete(':grantId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access(...ADMIN)
  @ApiOperation({ summary: 'Remove a grant; it stops working everywhere within a minute' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Your own programme admin grant, or a guardian grant that still has links' })
  async revoke(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @IdParam('grantId') grantId: string,
  ): Promise<void> {
    await this.grants.revoke(auditActor(identity, origin, ADMIN), id, grantId);
  }
}
