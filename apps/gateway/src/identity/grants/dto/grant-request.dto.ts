import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@tutti/auth';

export const SCHOOL_SCOPED_ROLES: readonly Role[] = ['headteacher', 'tutor', 'school_staff'];

/** A role to grant; headteacher, tutor and school_staff name their schools, the others none. */
export class GrantRequestDto {
  @ApiProperty({ enum: ROLES, example: 'tutor' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Required for headteacher, tutor and school_staff; not allowed otherwise',
  })
  @ValidateIf((grant: GrantRequestDto) => SCHOOL_SCOPED_ROLES.includes(grant.role))
  @IsArray()
  @ArrayNotEmpty({ message: 'schoolIds must name at least one school for this role' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of schoolIds must be a UUID' })
  schoolIds?: string[];
}
