import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '@tutti/auth';
import { Tenant } from '../../tenants/tenant.entity';
import { Account } from '../accounts/account.entity';
import { SignInRequired } from '../resolver/identity-errors';
import type { MeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(private readonly dataSource: DataSource) {}

  async describe(identity: Identity): Promise<MeDto> {
    const [account, tenant] = await Promise.all([
      this.dataSource.getRepository(Account).findOneBy({ tenantId: identity.tenantId, id: identity.userId }),
      this.dataSource.getRepository(Tenant).findOneBy({ id: identity.tenantId }),
    ]);
    if (!account || !tenant) throw new SignInRequired('This sign-in is no longer valid; sign in again.');
    return {
      userId: identity.userId,
      area: { id: tenant.id, slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone },
      displayName: account.displayName,
      email: account.email,
      preferredLanguage: account.preferredLanguage,
      activeRole: identity.activeRole,
      roles: identity.grants.map((grant) => grant.role),
      grants: identity.grants,
      children: identity.grants.flatMap((grant) => (grant.role === 'guardian' ? grant.pupils : [])),
    };
  }
}
