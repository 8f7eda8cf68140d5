import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '@tutti/auth';
import {
  ConflictProblem,
  claimIdempotencyKeys,
  decodeCursor,
  etagOf,
  isUniqueViolation,
  keyReusedProblem,
  newId,
  settleIdempotencyKeys,
  staleEdit,
  toPage,
  type Page,
  type Queryable,
} from '@tutti/platform';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { credentialOf } from '../credentials/credentials.queries';
import { GrantsService } from '../grants/grants.service';
import { guardianLinksOfAccount } from '../guardians/guardian-links.queries';
import { InvitationsService, type PendingInvitation } from '../invitations/invitations.service';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { IdentityResolver } from '../resolver/identity-resolver';
import { SessionsService } from '../sessions/sessions.service';
import { publishAccountUpdated } from './account-events';
import type { AccountStatus } from './account.model';
import {
  accountByEmail,
  accountById,
  insertAccount,
  listAccounts,
  updateAccount,
  type AccountChanges,
  type AccountRow,
} from './accounts.queries';
import { toAccountDetailDto, toAccountDto } from './account-views';
import type { AccountDetailDto, AccountDto } from './dto/account.dto';
import type { InviteAccountDto } from './dto/invite-account.dto';
import type { ListAccountsQueryDto } from './dto/list-accounts-query.dto';
import type { UpdateAccountDto } from './dto/update-account.dto';

/** The first answer to an invitation, replayed for a repeated Idempotency-Key. */
export interface InviteAnswer {
  status: number;
  body: AccountDetailDto;
  replayed: boolean;
}

export interface AccountWithETag {
  account: AccountDetailDto;
  etag: string;
}

/** Accounts of the caller's area, as a programme admin manages them. Another area's account is "not found". */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsService,
    private readonly invitations: InvitationsService,
    private readonly tokens: OneTimeTokens,
    private readonly sessions: SessionsService,
    private readonly auditLog: AuditLogService,
    private readonly resolver: IdentityResolver,
  ) {}

  async list(actor: AuditActor, query: ListAccountsQueryDto): Promise<Page<AccountDto>> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const accounts = await listAccounts(
      this.dataSource,
      actor.tenantId,
      {
        status: query.status,
        emailPrefix: query.email?.toLowerCase(),
        role: query.role,
        after: after ? [String(after[0]), String(after[1])] : undefined,
      },
      query.limit + 1,
    );
    const grants = await this.grants.rowsOf(
      this.dataSource,
      actor.tenantId,
      accounts.map((account) => account.id),
    );
    const page = toPage(
      accounts,
      query.limit,
      (account) => toAccountDto(account, grants),
      (account) => [account.email.toLowerCase(), account.id],
    );
    await this.auditLog.record(this.dataSource, {
      ...actor,
      action: 'list',
      subjectType: 'account',
      subjectId: null,
      detail: { accountIds: page.items.map((item) => item.id) },
    });
    return page;
  }

  async get(actor: AuditActor, accountId: string): Promise<AccountWithETag> {
    const account = await this.detail(this.dataSource, actor.tenantId, accountId);
    await this.auditLog.record(this.dataSource, { ...actor, action: 'read', subjectType: 'account', subjectId: accountId });
    return account;
  }

  /** Creates an invited account (with any grants) and mails the invitation; replayed, not repeated, for a repeated Idempotency-Key. */
  async invite(
    identity: Identity,
    actor: AuditActor,
    request: InviteAccountDto,
    idempotencyKey: string | undefined,
  ): Promise<InviteAnswer> {
    let invitation: PendingInvitation | undefined;
    const scope = { tenantId: actor.tenantId, callerId: actor.actorId, operation: 'POST /identity/accounts', key: idempotencyKey, request };
    try {
      const result = await this.dataSource.transaction(async (manager): Promise<InviteAnswer> => {
        const [claim] = await claimIdempotencyKeys<Omit<InviteAnswer, 'replayed'>>(manager, [scope]);
        if (claim.kind === 'reused') throw keyReusedProblem();
        if (claim.kind === 'replay') return { ...claim.response, replayed: true };
        await this.refuseTakenEmail(manager, actor.tenantId, request.email);
        const now = new Date();
        const account: AccountRow = {
          id: newId(),
          tenantId: actor.tenantId,
          email: request.email,
          mobile: request.mobile ?? null,
          displayName: request.displayName,
          preferredLanguage: request.preferredLanguage ?? 'en',
          status: 'invited',
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await insertAccount(manager, account);
        await this.auditLog.record(manager, {
          ...actor,
          action: 'create',
          subjectType: 'account',
          subjectId: account.id,
          detail: { status: 'invited' },
        });
        const grants = await this.grants.add(manager, actor, account.id, request.grants ?? []);
        invitation = await this.invitations.issue(manager, account);
        const answer = { status: 201, body: toAccountDetailDto(account, grants, []) };
        await settleIdempotencyKeys(manager, { answered: [{ scope, response: answer }] });
        return { ...answer, replayed: false };
      });
      if (invitation) this.invitations.mail(invitation, identity.displayName);
      return result;
    } catch (error) {
      if (isUniqueViolation(error, 'accounts_tenant_email'))
        throw new ConflictProblem('An account with this email address already exists in this area.', [
          { field: 'email', email: request.email },
        ]);
      throw error;
    }
  }

  async update(actor: AuditActor, accountId: string, request: UpdateAccountDto, expectedVersion: number): Promise<AccountWithETag> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const account = await accountById(manager, actor.tenantId, accountId, true);
      if (!account) throw new NotFoundException('No such account.');
      if (account.version !== expectedVersion) throw staleEdit('account', account.version);
      const changes: AccountChanges = {};
      if (request.displayName !== undefined && request.displayName !== account.displayName) changes.displayName = request.displayName;
      if (request.mobile !== undefined && request.mobile !== account.mobile) changes.mobile = request.mobile;
      if (request.preferredLanguage !== undefined && request.preferredLanguage !== account.preferredLanguage)
        changes.preferredLanguage = request.preferredLanguage;
      if (request.status !== undefined) {
        const status = await this.nextStatus(manager, actor, account, request.status);
        if (status !== account.status) changes.status = status;
      }
      if (Object.keys(changes).length > 0) {
        await updateAccount(manager, actor.tenantId, accountId, changes, account.version + 1);
        if (changes.displayName !== undefined || changes.preferredLanguage !== undefined || changes.status !== undefined)
          await publishAccountUpdated(manager, { ...account, ...changes });
        if (changes.status === 'disabled') {
          await this.sessions.revokeAllOf(manager, actor.tenantId, accountId, 'account_disabled');
          await this.tokens.revokeOpen(manager, account);
        }
        await this.auditLog.record(manager, {
          ...actor,
          action: 'update',
          subjectType: 'account',
          subjectId: accountId,
          detail: { changed: Object.keys(changes), status: changes.status },
        });
      }
      return this.detail(manager, actor.tenantId, accountId);
    });
    this.resolver.forgetAccount(actor.tenantId, accountId);
    return updated;
  }

  /** A new invitation link for an account that has not accepted yet; the earlier link stops working. */
  async resendInvitation(identity: Identity, actor: AuditActor, accountId: string): Promise<{ invitationExpiresAt: string }> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      const account = await accountById(manager, actor.tenantId, accountId);
      if (!account) throw new NotFoundException('No such account.');
      if (account.status !== 'invited') {
        throw new ConflictProblem(`This account is ${account.status}, so it has no invitation to send again.`, [
          { field: 'status', status: account.status },
        ]);
      }
      await this.auditLog.record(manager, { ...actor, action: 'invite', subjectType: 'account', subjectId: accountId });
      return this.invitations.issue(manager, account);
    });
    this.invitations.mail(invitation, identity.displayName);
    return { invitationExpiresAt: invitation.expiresAt.toISOString() };
  }

  private async detail(db: Queryable, tenantId: string, accountId: string): Promise<AccountWithETag> {
    const account = await accountById(db, tenantId, accountId);
    if (!account) throw new NotFoundException('No such account.');
    const grants = await this.grants.rowsOf(db, tenantId, [accountId]);
    const links = await guardianLinksOfAccount(db, tenantId, accountId);
    return { account: toAccountDetailDto(account, grants, links), etag: etagOf(account.version) };
  }

  private async nextStatus(db: Queryable, actor: AuditActor, account: AccountRow, wanted: 'active' | 'disabled'): Promise<AccountStatus> {
    if (wanted === 'disabled') {
      if (account.id === actor.actorId)
        throw new ConflictProblem('You cannot disable your own account; ask another programme admin.', [
          { field: 'status', accountId: account.id },
        ]);
      return 'disabled';
    }
    if (account.status !== 'disabled') return account.status;
    const credential = await credentialOf(db, account.tenantId, account.id);
    return credential ? 'active' : 'invited';
  }

  private async refuseTakenEmail(db: Queryable, tenantId: string, email: string): Promise<void> {
    const taken = await accountByEmail(db, tenantId, email);
    if (taken) {
      throw new ConflictProblem('An account with this email address already exists in this area.', [
        { field: 'email', accountId: taken.id, status: taken.status },
      ]);
    }
  }
}
