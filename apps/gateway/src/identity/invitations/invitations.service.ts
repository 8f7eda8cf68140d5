import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '@tutti/platform';
import { tenantById } from '../../tenants/tenants.queries';
import { accountById, updateAccount, type AccountRow } from '../accounts/accounts.queries';
import { AuditLogService } from '../audit/audit-log.service';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';
import { setPassword } from '../credentials/credentials.queries';
import { PasswordHasher } from '../credentials/password-hasher';
import { requireAcceptablePassword } from '../credentials/password-rules';
import type { RequestOrigin } from '../http/request-origin';
import { invitationMail } from '../mail/identity-mails';
import { Mailer } from '../mail/mailer';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { tokenProblem } from '../one-time-tokens/redeem-problem';
import { IdentityResolver } from '../resolver/identity-resolver';
import type { SessionTokensDto } from '../sessions/session-tokens';
import { SessionsService } from '../sessions/sessions.service';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';

/** An invitation issued in a transaction, to be mailed once that transaction has committed. */
export interface PendingInvitation {
  account: Pick<AccountRow, 'tenantId' | 'id' | 'email' | 'displayName' | 'preferredLanguage'>;
  token: string;
  expiresAt: Date;
}

const HOUR_MS = 60 * 60 * 1000;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokens,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly auditLog: AuditLogService,
    private readonly mailer: Mailer,
    private readonly resolver: IdentityResolver,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** A new invitation link for an invited account (any earlier one stops working). */
  async issue(db: Queryable, account: PendingInvitation['account']): Promise<PendingInvitation> {
    const { token, expiresAt } = await this.tokens.issue(db, account, 'invitation', this.config.INVITATION_TTL_HOURS * HOUR_MS);
    return { account, token, expiresAt };
  }

  /** Mails the link once the invitation has committed; a failure is logged (the admin can send the invitation again). */
  mail(invitation: PendingInvitation, invitedBy: string): void {
    this.mailer.sendInBackground(async () => {
      const tenant = await tenantById(this.dataSource, invitation.account.tenantId);
      if (!tenant) throw new Error(`No area ${invitation.account.tenantId} to mail an invitation from.`);
      return invitationMail({
        to: invitation.account.email,
        displayName: invitation.account.displayName,
        areaName: tenant.name,
        invitedBy,
        link: this.link('accept-invitation', invitation.token),
        expiresAt: invitation.expiresAt,
        timeZone: tenant.timeZone,
        language: invitation.account.preferredLanguage,
      });
    }, 'invitation');
  }

  /** Sets the password of an invited account from a valid link, activates it and signs the person in. */
  async accept(request: AcceptInvitationDto, origin: RequestOrigin): Promise<SessionTokensDto> {
    const accepted = await this.dataSource.transaction(async (manager) => {
      const redeemed = await this.tokens.redeem(manager, request.token, 'invitation');
      if (typeof redeemed === 'string') throw tokenProblem('invitation', redeemed);
      const account = await accountById(manager, redeemed.tenantId, redeemed.accountId, true);
      if (!account || account.status !== 'invited') throw tokenProblem('invitation', 'used');
      const tenant = await tenantById(manager, account.tenantId);
      if (!tenant) throw tokenProblem('invitation', 'used');
      requireAcceptablePassword(request.password, { email: account.email, displayName: account.displayName, areaName: tenant.name });
      await setPassword(manager, account.tenantId, account.id, await this.hasher.hash(request.password));
      await updateAccount(manager, account.tenantId, account.id, { status: 'active' }, account.version + 1);
      await this.auditLog.record(manager, {
        tenantId: account.tenantId,
        actorId: account.id,
        actorRole: null,
        action: 'activate',
        subjectType: 'account',
        subjectId: account.id,
        ip: origin.ip,
        requestId: origin.requestId,
        detail: { via: 'invitation' },
      });
      return { account, session: await this.sessions.open(manager, account, origin) };
    });
    this.resolver.forgetAccount(accepted.account.tenantId, accepted.account.id);
    return this.sessions.tokensFor(accepted.account, accepted.session);
  }

  link(page: 'accept-invitation' | 'reset-password', token: string): string {
    const url = new URL(this.config.publicLink(page));
    url.searchParams.set('token', token);
    return url.toString();
  }
}
