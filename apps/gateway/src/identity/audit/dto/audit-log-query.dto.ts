import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsOffsetDateTime, PageQueryDto } from '@tutti/platform';

/** Filters of GET /audit-log; the area is the caller's own. */
export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'account', description: 'account, grant, guardian_link, pupil, family, staff, …' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'subjectType must be lower-case letters and underscores, e.g. guardian_link' })
  subjectType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the account that acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'entries at or after this time' })
  @IsOptional()
  @IsOffsetDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'entries before this time' })
  @IsOptional()
  @IsOffsetDateTime()
  to?: string;
}
