import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@tutti/auth';

export class GuardedPupilDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ example: 'parent' }) relationship: string;
  @ApiProperty() canBookTransport: boolean;
  @ApiProperty() canConsent: boolean;
}

/** One role the person holds, with its scope. */
export class IdentityGrantDto {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'headteacher, tutor, school_staff' }) schoolIds?: string[];
  @ApiPropertyOptional({ type: [GuardedPupilDto], description: 'guardian' }) pupils?: GuardedPupilDto[];
}

export class AreaSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'liverpool' }) slug: string;
  @ApiProperty({ example: 'In Harmony Liverpool' }) name: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
}

/** Who am I: the signed-in person, their roles and scopes, and (as a guardian) their children. */
export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: AreaSummaryDto }) area: AreaSummaryDto;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'en' }) preferredLanguage: string;
  @ApiProperty({ enum: ROLES, nullable: true, description: 'The role chosen with x-tutti-role; null when none is chosen' })
  activeRole: Role | null;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Every role held; send one as x-tutti-role to act in it' }) roles: Role[];
  @ApiProperty({ type: [IdentityGrantDto] }) grants: IdentityGrantDto[];
  @ApiProperty({ type: [GuardedPupilDto], description: 'Children the person is a guardian of, across all their schools' })
  children: GuardedPupilDto[];
}
