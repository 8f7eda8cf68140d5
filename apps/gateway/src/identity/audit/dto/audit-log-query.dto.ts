import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const withOffset = (field: string) => ({ message: `${field} must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:00:00Z` });

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
  @Matches(WITH_OFFSET, withOffset('from'))
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'entries before this time' })
  @IsOptional()
  @Matches(WITH_OFFSET, withOffset('to'))
  to?: string;
}
