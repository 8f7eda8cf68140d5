import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditLogService } from './audit/audit-log.service';
import type { IdentityConfig } from './config/identity-config';
import { IDENTITY_CONFIG } from './config/identity-config.token';
import { IDENTITY_TUNING, identityTuning, type IdentityTuningOverrides } from './config/identity-tuning';
import { PasswordHasher } from './credentials/password-hasher';
import { DataRequestAnswers } from './data-requests/data-request-answers';
import { DataRequestsController, RetentionController } from './data-requests/data-requests.controller';
import { DataRequestsService } from './data-requests/data-requests.service';
import { RetentionScheduleService } from './data-requests/retention-schedule.service';
import { IdentityEventHandlers } from './events/identity-event-handlers';
import { GrantsController } from './grants/grants.controller';
import { GrantsService } from './grants/grants.service';
import { GuardianLinksController } from './guardians/guardian-links.controller';
import { GuardianLinksService } from './guardians/guardian-links.service';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { Mailer } from './mail/mailer';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { OneTimeTokens } from './one-time-tokens/one-time-tokens.service';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { IdentityRedis } from './rate-limit/identity-redis';
import { RedisCounters } from './rate-limit/redis-counters';
import { SignInThrottle } from './rate-limit/sign-in-throttle';
import { GatewayIdentityHook } from './resolver/gateway-identity-hook';
import { IdentityResolver } from './resolver/identity-resolver';
import { IdentitySnapshots } from './resolver/identity-snapshots';
import { SchoolDirectory } from './schools/school-directory.service';
import { AccessTokens } from './sessions/access-tokens';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { SignInService } from './sessions/sign-in.service';
import { TenantSettingsController } from './tenant-settings/tenant-settings.controller';
import { TenantSettingsService } from './tenant-settings/tenant-settings.service';

/**
 * Identity, tenancy and access at the gateway: sign-in and sessions, invitations and password
 * resets, accounts, grants and guardian links, the area's settings, the audit log, and the
 * IdentityResolver that the proxy uses to vouch for callers to services. Needs PlatformModule
 * (its DataSource) and the gateway's migrations (IDENTITY_MIGRATIONS).
 */
@Module({})
export class IdentityModule {
  static register(config: IdentityConfig, tuning: IdentityTuningOverrides = {}): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      controllers: [
        SessionsController,
        InvitationsController,
        PasswordResetController,
        MeController,
        AccountsController,
        GrantsController,
        GuardianLinksController,
        TenantSettingsController,
        AuditLogController,
        DataRequestsController,
        RetentionController,
      ],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        { provide: IDENTITY_TUNING, useValue: identityTuning(tuning) },
        AccessTokens,
        IdentitySnapshots,
        IdentityResolver,
        GatewayIdentityHook,
        IdentityRedis,
        RedisCounters,
        SignInThrottle,
        PasswordHasher,
        Mailer,
        OneTimeTokens,
        AuditLogService,
        SchoolDirectory,
        SessionsService,
        SignInService,
        InvitationsService,
        PasswordResetService,
        GrantsService,
        GuardianLinksService,
        AccountsService,
        TenantSettingsService,
        MeService,
        IdentityEventHandlers,
        DataRequestsService,
        DataRequestAnswers,
        RetentionScheduleService,
      ],
      exports: [IdentityResolver, AuditLogService, SchoolDirectory, GuardianLinksService, DataRequestsService],
    };
  }
}
