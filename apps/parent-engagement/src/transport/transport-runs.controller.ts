import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { ApiConflictRules, etagOf, IdempotencyKey, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { CreateTransportRunDto } from './dto/create-transport-run.dto';
import { ManifestQueryDto, TransportRunDto, TransportRunPageDto, TransportRunQueryDto } from './dto/transport-run.dto';
import { UpdateTransportRunDto } from './dto/update-transport-run.dto';
import { ManifestService } from './manifest.service';
import { TransportRunsService } from './transport-runs.service';

const ETAG_HEADER = { ETag: { description: 'The bus’s version, quoted: send it as If-Match to edit it', schema: { type: 'string' } } };

@ApiTags('transport')
@Controller('transport-runs')
export class TransportRunsController {
  constructor(
    private readonly runs: TransportRunsService,
    private readonly manifests: ManifestService,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('programme_admin', 'headteacher', 'school_staff')
  @ApiOperation({ summary: 'Put on a free bus to a performance, with its pick-up stops' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: TransportRunDto })
  @ApiConflictRules('performance-cancelled', 'safeguarding-not-cleared')
  create(
    @CurrentIdentity() identity: Identity,
    @Body() dto: CreateTransportRunDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<TransportRunDto> {
    return this.runs.create(identity, dto, key);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'Buses, soonest first, optionally of one performance' })
  @ApiOkResponse({ type: TransportRunPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: TransportRunQueryDto): Promise<TransportRunPageDto> {
    return this.runs.list(identity.tenantId, query);
  }

  @Get(':runId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'One bus run with its stops and free seats' })
  @ApiOkResponse({ type: TransportRunDto, headers: ETAG_HEADER })
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('runId') runId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransportRunDto> {
    const run = await this.runs.get(identity.tenantId, runId);
    void reply.header('etag', etagOf(run.version));
    return run;
  }

  @Patch(':runId')
  @Access('programme_admin', 'headteacher', 'school_staff')
  @ApiOperation({
    operationId: 'updateTransportRun',
    summary:
      'Correct a bus: vehicle and operator, driver, seats, departure times, cut-off, its stops’ names, places and pick-up times (families booked are told of a new time or stop; the edit is audited)',
  })
  @ApiOkResponse({ type: TransportRunDto, headers: ETAG_HEADER })
  @ApiConflictRules('seats-below-booked', 'safeguarding-not-cleared')
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing' })
  @ApiPreconditionFailedResponse({ description: 'Someone changed the bus since your read; currentETag names its version now' })
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('runId') runId: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateTransportRunDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransportRunDto> {
    const run = await this.runs.update(identity, runId, dto, version, origin);
    void reply.header('etag', etagOf(run.version));
    return run;
  }

  @Get(':runId/manifest')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'getTransportRunManifest',
    summary: 'The driver’s manifest of a bus (or one stop): CSV, a print-friendly HTML page, or a PDF with check-in boxes',
  })
  @ApiProduces('text/csv', 'text/html', 'application/pdf')
  async manifest(
    @CurrentIdentity() identity: Identity,
    @IdParam('runId') runId: string,
    @Query() query: ManifestQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const manifest = await this.manifests.manifest(identity, runId, query.stopId, query.format);
    await reply
      .header('content-type', manifest.contentType)
      .header('content-disposition', `inline; filename="${manifest.filename}"`)
      .send(manifest.body);
  }
}
