import type { GrantRow } from '../grants/grants.queries';
import type { GuardianLinkRow } from '../guardians/guardian-links.queries';
import { toGuardianLinkDto } from '../guardians/guardian-links.service';
import type { AccountRow } from './accounts.queries';
import type { AccountDetailDto, AccountDto } from './dto/account.dto';

export function toAccountDto(account: AccountRow, grants: readonly GrantRow[]): AccountDto {
  return {
    id: account.id,
    email: account.email,
    mobile: account.mobile,
    displayName: account.displayName,
    preferredLanguage: account.preferredLanguage,
    status: account.status,
    grants: grants
      .filter((grant) => grant.accountId === account.id)
      .map((grant) => ({ id: grant.id, role: grant.role, schoolId: grant.schoolId })),
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

export function toAccountDetailDto(account: AccountRow, grants: readonly GrantRow[], links: readonly GuardianLinkRow[]): AccountDetailDto {
  return { ...toAccountDto(account, grants), guardianLinks: links.map(toGuardianLinkDto) };
}
