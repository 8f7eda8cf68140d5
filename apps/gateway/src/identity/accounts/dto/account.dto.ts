import { ApiProperty } from '@nestjs/swagger';
import { AccountGrantDto } from '../../grants/dto/account-grant.dto';
import { GuardianLinkDto } from '../../guardians/dto/guardian-link.dto';
import { ACCOUNT_STATUSES, type AccountStatus } from '../account.model';

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) mobile: string | null;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'en' }) preferredLanguage: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status: AccountStatus;
  @ApiProperty({ type: [AccountGrantDto] }) grants: AccountGrantDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AccountDetailDto extends AccountDto {
  @ApiProperty({ type: [GuardianLinkDto] }) guardianLinks: GuardianLinkDto[];
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountDto] }) items: AccountDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
