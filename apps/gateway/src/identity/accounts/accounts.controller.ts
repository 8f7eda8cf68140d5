import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import { Access, CurrentIdentity, type Identity, type Role } from '@tutti/auth';
import { auditActor } from '../audit/audit-record';
import { Origin, type RequestOrigin } from '../http/request-origin';
import { AccountsService } from './accounts.service';
import { AccountDetailDto, AccountPageDto } from './dto/account.dto';
import { InviteAccountDto } from './dto/invite-account.dto';
import { ListAccountsQueryDto } from './dto/list-accounts-query.dto';
import { UpdateAccountDto } from './dto/update-account.dto';

const ADMIN: [Role] = ['programme_admin'];

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Access(...ADMIN)
  @ApiOperation({ summary: 'Accounts of the area, by email address' })
  @ApiOkResponse({ type: AccountPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Query() query: ListAccountsQueryDto,
  ): Promise<AccountPageDto> {
    return this.accounts.list(auditActor(identity, origin, ADMIN), query);
  }

  @Post()
  @Access(...ADMIN)
  @ApiOperation({ summary: 'Invite a person: the account is created as invited and a single-use link to choose a password is mailed' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat the request with the same key to get the same answer without a second invitation',
  })
  @ApiCreatedResponse({ type: AccountDetailDto })
  @ApiConflictResponse({ description: 'An account with this email address already exists in the area' })
  async invite(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: InviteAccountDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountDetailDto> {
    const result = await this.accounts.invite(identity, auditActor(identity, origin, ADMIN), body, idempotencyKey);
    reply.status(result.status).header('location', `/identity/accounts/${result.body.id}`);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get(':id')
  @Access(...ADMIN)
  @ApiOperation({ summary: 'One account with its grants and guardian links (ETag for If-Match)' })
  @ApiOkResponse({ type: AccountDetailDto })
  @ApiNotFoundResponse()
  async get(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountDetailDto> {
    const { account, etag } = await this.accounts.get(auditActor(identity, origin, ADMIN), id);
    reply.header('etag', etag);
    return account;
  }

  @Patch(':id')
  @Access(...ADMIN)
  @ApiOperation({ summary: 'Change display name, mobile or language, or disable / enable the account' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag from GET; 428 without it, 412 with currentETag when someone changed the account since',
  })
  @ApiOkResponse({ type: AccountDetailDto })
  @ApiNotFoundResponse()
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the account since the ETag was read' })
  async update(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @Body() body: UpdateAccountDto,
    @IfMatchVersion() expectedVersion: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountDetailDto> {
    const { account, etag } = await this.accounts.update(auditActor(identity, origin, ADMIN), id, body, expectedVersion);
    reply.header('etag', etag);
    return account;
  }

  @Post(':id/invitations')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access(...ADMIN)
  @ApiOperation({ summary: 'Send the invitation again with a new link (the earlier link stops working)' })
  @ApiAcceptedResponse({ description: 'The mail is on its way' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The account is not invited (already active, or disabled)' })
  resendInvitation(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
  ): Promise<{ invitationExpiresAt: string }> {
    return this.accounts.resendInvitation(identity, auditActor(identity, origin, ADMIN), id);
  }
}
