import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentIdentity, type Identity, type Role } from '@tutti/auth';
import { IdParam, IdempotencyKey, IfMatchVersion } from '@tutti/platform';
import { auditActor } from '../audit/audit-record';
import { Origin, type RequestOrigin } from '../http/request-origin';
import {
  DataRequestDto,
  DataRequestPageDto,
  ListDataRequestsQueryDto,
  OpenDataRequestDto,
  OpenRetentionRunDto,
} from './dto/data-request.dto';
import { RetentionScheduleDto, UpdateRetentionScheduleDto } from './dto/retention-schedule.dto';
import { DataRequestsService, type ExportFile } from './data-requests.service';
import { RetentionScheduleService } from './retention-schedule.service';

const ADMIN: [Role] = ['programme_admin'];
/** A guardian may ask for (and then read) an export of their own child; every other request is the admin's. */
const ADMIN_OR_GUARDIAN: [Role, Role] = ['programme_admin', 'guardian'];

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat the request with the same key to get the same answer without opening a second request',
};

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity/data-requests')
export class DataRequestsController {
  constructor(private readonly requests: DataRequestsService) {}

  @Post()
  @Access(...ADMIN_OR_GUARDIAN)
  @ApiOperation({
    operationId: 'openDataRequest',
    summary:
      'Ask every service for everything it holds about a pupil or a guardian (export), or to erase them (erasure); a guardian may ask only for an export of their own child',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: DataRequestDto })
  @ApiNotFoundResponse({ description: 'No such account, or (for a guardian) not their child' })
  @ApiConflictResponse({ description: 'An erasure of this person is already under way' })
  async open(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: OpenDataRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataRequestDto> {
    const result = await this.requests.open(identity, auditActor(identity, origin, ADMIN_OR_GUARDIAN), body, idempotencyKey);
    reply.status(result.status).header('location', `/identity/data-requests/${result.body.id}`);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @Access(...ADMIN_OR_GUARDIAN)
  @ApiOperation({ operationId: 'listDataRequests', summary: 'Exports, erasures and retention runs, newest first (a guardian’s own only)' })
  @ApiOkResponse({ type: DataRequestPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: ListDataRequestsQueryDto): Promise<DataRequestPageDto> {
    return this.requests.list(identity, query);
  }

  @Get(':id')
  @Access(...ADMIN_OR_GUARDIAN)
  @ApiOperation({
    operationId: 'getDataRequest',
    summary: 'One request with its progress (parts in of 5, which are missing) and, when done, its report',
  })
  @ApiOkResponse({ type: DataRequestDto })
  @ApiNotFoundResponse()
  get(@CurrentIdentity() identity: Identity, @IdParam('id') id: string): Promise<DataRequestDto> {
    return this.requests.get(identity, id);
  }

  @Get(':id/export.zip')
  @Access(...ADMIN_OR_GUARDIAN)
  @ApiOperation({ operationId: 'downloadDataExportZip', summary: 'A finished export as a ZIP: one JSON file per service and request.json' })
  @ApiProduces('application/zip')
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not every service has answered yet (the missing ones are named)' })
  async zip(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, 'application/zip', await this.requests.zip(identity, auditActor(identity, origin, ADMIN_OR_GUARDIAN), id));
  }

  @Get(':id/summary.pdf')
  @Access(...ADMIN_OR_GUARDIAN)
  @ApiOperation({ operationId: 'downloadDataExportPdf', summary: 'A finished export’s readable summary (PDF)' })
  @ApiProduces('application/pdf')
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not every service has answered yet (the missing ones are named)' })
  async pdf(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @IdParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, 'application/pdf', await this.requests.pdf(identity, auditActor(identity, origin, ADMIN_OR_GUARDIAN), id));
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('identity')
export class RetentionController {
  constructor(
    private readonly schedules: RetentionScheduleService,
    private readonly requests: DataRequestsService,
  ) {}

  @Get('retention-schedule')
  @Access(...ADMIN)
  @ApiOperation({ operationId: 'getRetentionSchedule', summary: 'How long the area keeps what it no longer needs (ETag for If-Match)' })
  @ApiOkResponse({ type: RetentionScheduleDto })
  async get(@CurrentIdentity() identity: Identity, @Res({ passthrough: true }) reply: FastifyReply): Promise<RetentionScheduleDto> {
    const { schedule, etag } = await this.schedules.get(identity.tenantId);
    reply.header('etag', etag);
    return schedule;
  }

  @Patch('retention-schedule')
  @Access(...ADMIN)
  @ApiOperation({ operationId: 'updateRetentionSchedule', summary: 'Change lines of the area’s retention schedule' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag from GET; 428 without it, 412 with currentETag when someone changed the schedule since',
  })
  @ApiOkResponse({ type: RetentionScheduleDto })
  @ApiPreconditionFailedResponse({ description: 'Someone else changed the schedule since the ETag was read' })
  async update(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: UpdateRetentionScheduleDto,
    @IfMatchVersion() expectedVersion: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RetentionScheduleDto> {
    const { schedule, etag } = await this.schedules.update(auditActor(identity, origin, ADMIN), body, expectedVersion);
    reply.header('etag', etag);
    return schedule;
  }

  @Post('retention-runs')
  @Access(...ADMIN)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    operationId: 'runRetention',
    summary: 'Apply the retention schedule now in every service (dryRun: only count what it would anonymise or delete)',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: DataRequestDto })
  async run(
    @CurrentIdentity() identity: Identity,
    @Origin() origin: RequestOrigin,
    @Body() body: OpenRetentionRunDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataRequestDto> {
    const result = await this.requests.openRetentionRun(auditActor(identity, origin, ADMIN), body, idempotencyKey);
    reply.status(result.status).header('location', `/identity/data-requests/${result.body.id}`);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }
}

function send(reply: FastifyReply, type: string, file: ExportFile): Buffer {
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${file.fileName}"`);
  return file.body;
}
