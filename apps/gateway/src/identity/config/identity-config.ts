import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { Secret, ServiceConfig } from '@tutti/platform';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

/**
 * What sign-in, invitations and the identity forwarded to services need. The gateway's config
 * extends this class (`class GatewayConfig extends IdentityConfig`), so that one validated object
 * carries everything and `process.env` is read nowhere else.
 */
export class IdentityConfig extends ServiceConfig {
  /** The gateway's Ed25519 private key (base64url JWK): signs access tokens and the identity sent to services. */
  @Secret()
  @Matches(/^[A-Za-z0-9_-]{40,}$/, { message: 'must be the base64url-encoded private JWK printed by npm start (or your secret store)' })
  IDENTITY_PRIVATE_KEY!: string;

  /** Lifetime of an access token; short, because a refresh token gets a new one. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3_600)
  ACCESS_TOKEN_TTL_SECONDS = 600;

  /** How long a refresh token may lie unused before the person has to sign in again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How long an invitation link works. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS = 168;

  /** How long a password-reset link works. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1_440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Where invitation and password-reset mail is sent through: smtp://host:port or smtps://user:pass@host:port. */
  @Secret()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL!: string;

  @Matches(/^([^<>@\s][^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
    message: 'must be an address such as "Tutti <no-reply@example.org>" or no-reply@example.org',
  })
  MAIL_FROM = 'Tutti <no-reply@tutti.localhost>';

  /**
   * The gateway is the edge: it believes no X-Forwarded-For unless told which load balancers stand
   * before it (TRUSTED_PROXIES), since the per-address sign-in limit counts the client it names.
   */
  override TRUSTED_PROXIES = '';
}
