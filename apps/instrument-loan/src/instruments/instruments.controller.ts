import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import {
  CreateInstrumentDto,
  ImportInstrumentsDto,
  ImportReportDto,
  InstrumentDto,
  InstrumentListQueryDto,
  InstrumentPageDto,
  UpdateInstrumentDto,
} from './dto/instrument.dto';
import { InstrumentImportService } from './instrument-import.service';
import { InstrumentsService } from './instruments.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('instruments')
@Controller('instruments')
export class InstrumentsController {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly importer: InstrumentImportService,
  ) {}

  @Post()
  @Access('programme_admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Add an instrument to the stock (status available)' })
  @ApiCreatedResponse({ type: InstrumentDto })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreateInstrumentDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<InstrumentDto> {
    return this.instruments.create(identity, body, key);
  }

  @Get()
  @Access(...STAFF)
  @ApiOperation({ summary: 'Search the stock: text, type, family, size, status, condition, owner school, inspection due' })
  @ApiOkResponse({ type: InstrumentPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: InstrumentListQueryDto): Promise<InstrumentPageDto> {
    return this.instruments.list(identity.tenantId, query);
  }

  @Post('imports')
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'importInstruments',
    summary: 'Import stock from CSV, matched by asset tag: dry run first, then for real; a report per row',
  })
  @ApiOkResponse({ type: ImportReportDto })
  import(@CurrentIdentity() identity: Identity, @Body() body: ImportInstrumentsDto): Promise<ImportReportDto> {
    return this.importer.import(identity.tenantId, body.csv, body.dryRun);
  }

  @Get('by-tag/:assetTag')
  @Access(...STAFF)
  @ApiOperation({ operationId: 'getInstrumentByTag', summary: 'The instrument with this asset tag (what a scanned label resolves to)' })
  @ApiOkResponse({ type: InstrumentDto })
  byTag(@CurrentIdentity() identity: Identity, @Param('assetTag') assetTag: string): Promise<InstrumentDto> {
    return this.instruments.getByAssetTag(identity.tenantId, assetTag);
  }

  @Get(':instrumentId')
  @Access(...STAFF)
  @ApiOperation({ summary: 'One instrument with its current loan (ETag for editing)' })
  @ApiOkResponse({ type: InstrumentDto })
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('instrumentId') instrumentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InstrumentDto> {
    const { instrument, etag } = await this.instruments.get(identity.tenantId, instrumentId);
    void reply.header('ETag', etag);
    return instrument;
  }

  @Patch(':instrumentId')
  @Access('programme_admin')
  @ApiOperation({ summary: 'Edit an instrument (If-Match required)' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of your last read of the instrument (from GET or from your last edit)',
  })
  @ApiOkResponse({ type: InstrumentDto })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing' })
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the instrument since that read; currentETag names its version now' })
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('instrumentId') instrumentId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateInstrumentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InstrumentDto> {
    const { instrument, etag } = await this.instruments.update(identity, instrumentId, body, version);
    void reply.header('ETag', etag);
    return instrument;
  }
}
