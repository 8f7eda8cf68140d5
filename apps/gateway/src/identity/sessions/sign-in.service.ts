import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tenant } from '../../tenants/tenant.entity';
import { Account } from '../accounts/account.entity';
import { Credential } from '../credentials/credential.entity';
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
    const credential = account ? await this.dataSource.getRepository(Credential).findOneBy({ tenantId: account.tenantId, accountId: account.id }) : null;
    const passwordMatches = await this.hasher.verify(credential?.passwordHash, request.password);
    if (!account || !credential || !passwordMatches || account.status !== 'active') {
      await this.throttle.recordFailure(request.area, request.email, origin.ip);
      throw new SignInRequired(REFUSED);
    }
    await this.throttle.recordSuccess(request.area, request.email, origin.ip);
    if (this.hasher.isOutdated(credential.passwordHash)) {
      await this.dataSource.getRepository(Credential).update({ tenantId: account.tenantId, accountId: account.id }, { passwordHash: await this.hasher.hash(request.password) });
    }
    return this.sessions.start(account, origin);
  }

  private async findAccount(area: string, email: string): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .innerJoin(Tenant, 't', 't.id = a.tenantId')
      .where('t.slug = :area AND lower(a.email) = lower(:email)', { area, email })
      .getOne();
  }
}
