import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { AuditLogService } from './audit-log.service';
import { AuditEntryPageDto } from './dto/audit-entry.dto';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('audit log')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Access('programme_admin')
  @ApiOperation({ summary: 'Who read or changed which staff-, family- or pupil-level record, newest first' })
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: AuditLogQueryDto): Promise<AuditEntryPageDto> {
    return this.auditLog.list(identity.tenantId, query);
  }
}
