import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@tutti/auth';

/** One grant row of an account, as an admin sees and removes it. */
export class AccountGrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
}
