import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountInAreaBySlug, type AccountRow } from '../accounts/accounts.queries';
import { credentialOf, rehashPassword } from '../credentials/credentials.queries';
import { PasswordHasher } from '../credentials/password-hasher';
import type { RequestOrigin } from '../http/request-origin';
import { SignInThrottle } from '../rate-limit/sign-in-throttle';
import { SignInRequired } from '../resolver/identity-errors';
import type { SignInDto } from './dto/sign-in.dto';
import type { SessionTokensDto } from './session-tokens';
import { SessionsService } from './sessions.service';

const REFUSED = 'The email address or password is not right, or this account is not active.';

@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Checks the password of an active account of the area. Every refusal reads the same and takes
   * as long (a decoy hash is checked when there is no account), so that answers do not tell which
   * email addresses have accounts.
   */
  async signIn(request: SignInDto, origin: RequestOrigin): Promise<SessionTokensDto> {
    await this.throttle.beforeAttempt(request.area, request.email, origin.ip);
    const account = await this.findAccount(request.area, request.email);
    const credential = account ? await credentialOf(this.dataSource, account.tenantId, account.id) : undefined;
    const passwordMatches = await this.hasher.verify(credential?.passwordHash, request.password);
    if (!account || !credential || !passwordMatches || account.status !== 'active') {
      await this.throttle.recordFailure(request.area, request.email, origin.ip);
      throw new SignInRequired(REFUSED);
    }
    await this.throttle.recordSuccess(request.area, request.email, origin.ip);
    if (this.hasher.isOutdated(credential.passwordHash)) {
      await rehashPassword(this.dataSource, account.tenantId, account.id, await this.hasher.hash(request.password));
    }
    return this.sessions.start(account, origin);
  }

  private findAccount(area: string, email: string): Promise<AccountRow | undefined> {
    return accountInAreaBySlug(this.dataSource, area, email);
  }
}
