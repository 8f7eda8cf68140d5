import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { ImportListQueryDto, ImportPageDto, ImportSummaryDto, PupilImportDto } from './dto/import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** A dry run reports every row's problems and what would change; otherwise valid rows are imported. */
  @Post('pupils')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Import a school’s pupils from an MIS CSV export (dry run or apply)' })
  @ApiCreatedResponse({ type: ImportSummaryDto })
  importPupils(
    @CurrentIdentity() identity: Identity,
    @Body() body: PupilImportDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<ImportSummaryDto> {
    return this.imports.importPupils(identity, body, origin);
  }

  @Get()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Roster imports, newest first' })
  @ApiOkResponse({ type: ImportPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: ImportListQueryDto): Promise<ImportPageDto> {
    return this.imports.list(identity, query);
  }

  /** Progress while a large file is being imported, and its summary afterwards. */
  @Get(':importId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'One roster import with its progress and report' })
  @ApiOkResponse({ type: ImportSummaryDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('importId') importId: string): Promise<ImportSummaryDto> {
    return this.imports.get(identity, importId);
  }
}
