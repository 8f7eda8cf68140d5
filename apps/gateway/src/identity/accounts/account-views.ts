import type { GrantRow } from '../grants/grant.entity';
import type { GuardianLink } from '../guardians/guardian-link.entity';
import { toGuardianLinkDto } from '../guardians/guardian-links.service';
import type { Account } from './account.entity';
import type { AccountDetailDto, AccountDto } from './dto/account.dto';

export function toAccountDto(account: Account, grants: readonly GrantRow[]): AccountDto {
  return {
    id: account.id,
    email: account.email,
    mobile: account.mobile,
    displayName: account.displayName,
    preferredLanguage: account.preferredLanguage,
    status: account.status,
    grants: grants.filter((grant) => grant.accountId === account.id).map((grant) => ({ id: grant.id, role: grant.role, schoolId: grant.schoolId })),
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

export function toAccountDetailDto(account: Account, grants: readonly GrantRow[], links: readonly GuardianLink[]): AccountDetailDto {
  return { ...toAccountDto(account, grants), guardianLinks: links.map(toGuardianLinkDto) };
}
