import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Identity } from '@tutti/auth';
import { ConflictProblem, decodeCursor, newId, toPage, type Page } from '@tutti/platform';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { Credential } from '../credentials/credential.entity';
import { GrantsService } from '../grants/grants.service';
import { GuardianLink } from '../guardians/guardian-link.entity';
import { etagOf, requireFreshETag } from '../http/etag';
import { IdempotencyKeys, type IdempotentResult } from '../idempotency/idempotency-keys';
import { InvitationsService, type PendingInvitation } from '../invitations/invitations.service';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { IdentityResolver } from '../resolver/identity-resolver';
import { SessionsService } from '../sessions/sessions.service';
import { publishAccountUpdated } from './account-events';
import { Account, type AccountStatus } from './account.entity';
import { toAccountDetailDto, toAccountDto } from './account-views';
import type { AccountDetailDto, AccountDto } from './dto/account.dto';
import type { InviteAccountDto } from './dto/invite-account.dto';
import type { ListAccountsQueryDto } from './dto/list-accounts-query.dto';
import type { UpdateAccountDto } from './dto/update-account.dto';

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
    private readonly idempotency: IdempotencyKeys,
    private readonly auditLog: AuditLogService,
    private readonly resolver: IdentityResolver,
  ) {}

  async list(actor: AuditActor, query: ListAccountsQueryDto): Promise<Page<AccountDto>> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows = this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('a.tenantId = :tenantId', { tenantId: actor.tenantId })
      .orderBy('lower(a.email)', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(query.limit + 1);
    if (query.status) rows.andWhere('a.status = :status', { status: query.status });
    if (query.email) rows.andWhere(`lower(a.email) LIKE :prefix ESCAPE '\\'`, { prefix: `${escapeLike(query.email.toLowerCase())}%` });
    if (query.role) rows.andWhere('EXISTS (SELECT 1 FROM grants g WHERE g.tenant_id = a.tenant_id AND g.account_id = a.id AND g.role = :role)', { role: query.role });
    if (after) rows.andWhere('(lower(a.email), a.id) > (:afterEmail, :afterId)', { afterEmail: after[0], afterId: after[1] });
    const accounts = await rows.getMany();
    const grants = await this.grants.rowsOf(this.dataSource.manager, actor.tenantId, accounts.map((account) => account.id));
    const page = toPage(accounts, query.limit, (account) => toAccountDto(account, grants), (account) => [account.email.toLowerCase(), account.id]);
    await this.auditLog.record(this.dataSource.manager, { ...actor, action: 'list', subjectType: 'account', subjectId: null, detail: { accountIds: page.items.map((item) => item.id) } });
    return page;
  }

  async get(actor: AuditActor, accountId: string): Promise<AccountWithETag> {
    const account = await this.detail(this.dataSource.manager, actor.tenantId, accountId);
    await this.auditLog.record(this.dataSource.manager, { ...actor, action: 'read', subjectType: 'account', subjectId: accountId });
    return account;
  }

  /** Creates an invited account (with any grants) and mails the invitation; replayed, not repeated, for a repeated Idempotency-Key. */
  async invite(identity: Identity, actor: AuditActor, request: InviteAccountDto, idempotencyKey: string | undefined): Promise<IdempotentResult<AccountDetailDto>> {
    let invitation: PendingInvitation | undefined;
    const scope = { tenantId: actor.tenantId, actorId: actor.actorId, operation: 'POST /identity/accounts', key: idempotencyKey, request };
    try {
      const result = await this.dataSource.transaction((manager) =>
        this.idempotency.once(manager, scope, async () => {
          await this.refuseTakenEmail(manager, actor.tenantId, request.email);
          const now = new Date();
          const account: Account = {
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
          await manager.insert(Account, account);
          await this.auditLog.record(manager, { ...actor, action: 'create', subjectType: 'account', subjectId: account.id, detail: { status: 'invited' } });
          const grants = await this.grants.add(manager, actor, account.id, request.grants ?? []);
          invitation = await this.invitations.issue(manager, account);
          return { status: 201, body: toAccountDetailDto(account, grants, []) };
        }),
      );
      if (invitation) this.invitations.mail(invitation, identity.displayName);
      return result;
    } catch (error) {
      if (isUniqueViolation(error, 'accounts_tenant_email')) throw new ConflictProblem('An account with this email address already exists in this area.', [{ field: 'email', email: request.email }]);
      throw error;
    }
  }

  async update(actor: AuditActor, accountId: string, request: UpdateAccountDto, ifMatch: string | undefined): Promise<AccountWithETag> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(Account, { where: { tenantId: actor.tenantId, id: accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw new NotFoundException('No such account.');
      requireFreshETag(ifMatch, etagOf(account.version), 'account');
      const changes: Partial<Account> = {};
      if (request.displayName !== undefined && request.displayName !== account.displayName) changes.displayName = request.displayName;
      if (request.mobile !== undefined && request.mobile !== account.mobile) changes.mobile = request.mobile;
      if (request.preferredLanguage !== undefined && request.preferredLanguage !== account.preferredLanguage) changes.preferredLanguage = request.preferredLanguage;
      if (request.status !== undefined) {
        const status = await this.nextStatus(manager, actor, account, request.status);
        if (status !== account.status) changes.status = status;
      }
      if (Object.keys(changes).length > 0) {
        await manager.update(Account, { tenantId: actor.tenantId, id: accountId }, { ...changes, version: account.version + 1, updatedAt: new Date() });
        if (changes.displayName !== undefined || changes.preferredLanguage !== undefined || changes.status !== undefined) await publishAccountUpdated(manager, { ...account, ...changes });
        if (changes.status === 'disabled') {
          await this.sessions.revokeAllOf(manager, actor.tenantId, accountId, 'account_disabled');
          await this.tokens.revokeOpen(manager, account);
        }
        await this.auditLog.record(manager, { ...actor, action: 'update', subjectType: 'account', subjectId: accountId, detail: { changed: Object.keys(changes), status: changes.status } });
      }
      return this.detail(manager, actor.tenantId, accountId);
    });
    this.resolver.forgetAccount(actor.tenantId, accountId);
    return updated;
  }

  /** A new invitation link for an account that has not accepted yet; the earlier link stops working. */
  async resendInvitation(identity: Identity, actor: AuditActor, accountId: string): Promise<{ invitationExpiresAt: string }> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(Account, { tenantId: actor.tenantId, id: accountId });
      if (!account) throw new NotFoundException('No such account.');
      if (account.status !== 'invited') {
        throw new ConflictProblem(`This account is ${account.status}, so it has no invitation to send again.`, [{ field: 'status', status: account.status }]);
      }
      await this.auditLog.record(manager, { ...actor, action: 'invite', subjectType: 'account', subjectId: accountId });
      return this.invitations.issue(manager, account);
    });
    this.invitations.mail(invitation, identity.displayName);
    return { invitationExpiresAt: invitation.expiresAt.toISOString() };
  }

  private async detail(manager: EntityManager, tenantId: string, accountId: string): Promise<AccountWithETag> {
    const account = await manager.findOneBy(Account, { tenantId, id: accountId });
    if (!account) throw new NotFoundException('No such account.');
    const grants = await this.grants.rowsOf(manager, tenantId, [accountId]);
    const links = await manager.find(GuardianLink, { where: { tenantId, accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { account: toAccountDetailDto(account, grants, links), etag: etagOf(account.version) };
  }

  private async nextStatus(manager: EntityManager, actor: AuditActor, account: Account, wanted: 'active' | 'disabled'): Promise<AccountStatus> {
    if (wanted === 'disabled') {
      if (account.id === actor.actorId) throw new ConflictProblem('You cannot disable your own account; ask another programme admin.', [{ field: 'status', accountId: account.id }]);
      return 'disabled';
    }
    if (account.status !== 'disabled') return account.status;
    const credential = await manager.findOneBy(Credential, { tenantId: account.tenantId, accountId: account.id });
    return credential ? 'active' : 'invited';
  }

  private async refuseTakenEmail(manager: EntityManager, tenantId: string, email: string): Promise<void> {
    const taken = await manager.createQueryBuilder(Account, 'a').where('a.tenantId = :tenantId AND lower(a.email) = lower(:email)', { tenantId, email }).getOne();
    if (taken) {
      throw new ConflictProblem('An account with this email address already exists in this area.', [{ field: 'email', accountId: taken.id, status: taken.status }]);
    }
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
