import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tenantById, tenantBySlug } from '../../tenants/tenants.queries';
import { accountByEmail, accountById } from '../accounts/accounts.queries';
import { AuditLogService } from '../audit/audit-log.service';
import type { IdentityConfig } from '../config/identity-config';
import { IDENTITY_CONFIG } from '../config/identity-config.token';
import { setPassword } from '../credentials/credentials.queries';
import { PasswordHasher } from '../credentials/password-hasher';
import { requireAcceptablePassword } from '../credentials/password-rules';
import type { RequestOrigin } from '../http/request-origin';
import { InvitationsService } from '../invitations/invitations.service';
import { passwordResetMail } from '../mail/identity-mails';
import { Mailer } from '../mail/mailer';
import { OneTimeTokens } from '../one-time-tokens/one-time-tokens.service';
import { tokenProblem } from '../one-time-tokens/redeem-problem';
import { SignInThrottle } from '../rate-limit/sign-in-throttle';
import { SessionsService } from '../sessions/sessions.service';
import type { CompletePasswordResetDto, RequestPasswordResetDto } from './dto/password-reset.dto';

const MINUTE_MS = 60 * 1000;

@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokens,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    private readonly invitations: InvitationsService,
    private readonly auditLog: AuditLogService,
    private readonly mailer: Mailer,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /**
   * Mails a reset link to an active account of the area. The answer is the same whether or not
   * there is such an account, and the mail goes out after the answer, so that neither the answer
   * nor its timing tells who has an account.
   */
  async request(request: RequestPasswordResetDto, origin: RequestOrigin): Promise<void> {
    await this.throttle.beforeResetRequest(origin.ip);
    const tenant = await tenantBySlug(this.dataSource, request.area);
    const account = tenant ? await accountByEmail(this.dataSource, tenant.id, request.email) : undefined;
    if (!tenant || !account || account.status !== 'active') return;
    if (!(await this.throttle.mayMailReset(request.area, request.email))) return;
    const issued = await this.dataSource.transaction(async (manager) => {
      await this.auditLog.record(manager, {
        tenantId: account.tenantId,
        actorId: null,
        actorRole: null,
        action: 'request_password_reset',
        subjectType: 'account',
        subjectId: account.id,
        ip: origin.ip,
        requestId: origin.requestId,
      });
      return this.tokens.issue(manager, account, 'password_reset', this.config.PASSWORD_RESET_TTL_MINUTES * MINUTE_MS);
    });
    this.mailer.sendInBackground(
      () =>
        passwordResetMail({
          to: account.email,
          displayName: account.displayName,
          areaName: tenant.name,
          link: this.invitations.link('reset-password', issued.token),
          expiresAt: issued.expiresAt,
          timeZone: tenant.timeZone,
          language: account.preferredLanguage,
        }),
      'password reset',
    );
  }

  /** Sets a new password from a valid link and signs the account out everywhere. */
  async complete(request: CompletePasswordResetDto, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const redeemed = await this.tokens.redeem(manager, request.token, 'password_reset');
      if (typeof redeemed === 'string') throw tokenProblem('password_reset', redeemed);
      const account = await accountById(manager, redeemed.tenantId, redeemed.accountId, true);
      if (!account || account.status !== 'active') throw tokenProblem('password_reset', 'used');
      const tenant = await tenantById(manager, account.tenantId);
      if (!tenant) throw tokenProblem('password_reset', 'used');
      requireAcceptablePassword(request.password, { email: account.email, displayName: account.displayName, areaName: tenant.name });
      await setPassword(manager, account.tenantId, account.id, await this.hasher.hash(request.password));
      await this.sessions.revokeAllOf(manager, account.tenantId, account.id, 'password_changed');
      await this.auditLog.record(manager, {
        tenantId: account.tenantId,
        actorId: account.id,
        actorRole: null,
        action: 'reset_password',
        subjectType: 'account',
        subjectId: account.id,
        ip: origin.ip,
        requestId: origin.requestId,
      });
    });
  }
}
