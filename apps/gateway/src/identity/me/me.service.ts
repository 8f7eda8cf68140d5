import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '@tutti/auth';
import { tenantById } from '../../tenants/tenants.queries';
import { accountById } from '../accounts/accounts.queries';
import { SignInRequired } from '../resolver/identity-errors';
import type { MeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(private readonly dataSource: DataSource) {}

  async describe(identity: Identity): Promise<MeDto> {
    const [account, tenant] = await Promise.all([
      accountById(this.dataSource, identity.tenantId, identity.userId),
      tenantById(this.dataSource, identity.tenantId),
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
