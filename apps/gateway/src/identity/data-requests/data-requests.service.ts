import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Identity } from '@tutti/auth';
import type { DataRequestOpenedV1, EventEnvelope } from '@tutti/contracts';
import { publishEvent } from '@tutti/messaging';
import {
  claimIdempotencyKeys,
  ConflictProblem,
  decodeCursor,
  isUniqueViolation,
  keyReusedProblem,
  newId,
  settleIdempotencyKeys,
  toPage,
  ValidationProblem,
  type Page,
  type Queryable,
} from '@tutti/platform';
import { publishAccountUpdated } from '../accounts/account-events';
import { accountById } from '../accounts/accounts.queries';
import { AuditLogService } from '../audit/audit-log.service';
import type { AuditActor } from '../audit/audit-record';
import { guardianLinkOf } from '../guardians/guardian-links.queries';
import { IdentityResolver } from '../resolver/identity-resolver';
import {
  dataRequestById,
  dataRequestParts,
  finishDataRequest,
  fixPseudonym,
  insertDataRequest,
  insertDataRequestPart,
  listDataRequests,
  openErasureOf,
  servicesAnswered,
  type DataRequestPartRow,
  type DataRequestReport,
  type DataRequestRow,
  type SubjectType,
} from './data-requests.queries';
import type { DataRequestDto, ListDataRequestsQueryDto, OpenDataRequestDto, OpenRetentionRunDto } from './dto/data-request.dto';
import { DATA_REQUEST_SERVICES, exportSummaryPdf, exportZip, type SummaryPdfOptions } from './export-files';
import { gatewayErasure, gatewayExport, gatewayRetention, type GatewayPart } from './gateway-part';
import { retentionSchedule } from './retention-schedule.queries';

export interface OpenAnswer {
  status: number;
  body: DataRequestDto;
  replayed: boolean;
}

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

/**
 * Subject access exports, erasures and retention runs (issue 19). Opening writes the request, the
 * gateway's own part and `identity.data-request.opened` in one transaction; each service answers
 * once (`<prefix>.data-request.answered`, collected by DataRequestAnswers); when all five parts are
 * in, the request is done with its report. Opening, finishing and every download are audited.
 */
@Injectable()
export class DataRequestsService {
  private readonly logger = new Logger('DataRequests');

  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
    private readonly resolver: IdentityResolver,
  ) {}

  /**
   * An export or erasure. A programme admin may ask about any pupil or guardian account of the area;
   * a guardian only for an export of a child linked to them (404 for any other child, 403 for an erasure).
   */
  async open(identity: Identity, actor: AuditActor, request: OpenDataRequestDto, idempotencyKey: string | undefined): Promise<OpenAnswer> {
    const admin = hasRole(identity, 'programme_admin');
    const subject = { type: request.subjectType, id: request.subjectId };
    if (!admin) {
      if (request.kind !== 'export') throw new ForbiddenException('Only a programme admin may ask for an erasure.');
      if (subject.type !== 'pupil') throw new NotFoundException('No such pupil.');
    }
    const scope = {
      tenantId: actor.tenantId,
      callerId: actor.actorId,
      operation: 'POST /identity/data-requests',
      key: idempotencyKey,
      request,
    };
    let erasedAccount = false;
    try {
      const answer = await this.dataSource.transaction(async (manager): Promise<OpenAnswer> => {
        const [claim] = await claimIdempotencyKeys<Omit<OpenAnswer, 'replayed'>>(manager, [scope]);
        if (claim.kind === 'reused') throw keyReusedProblem();
        if (claim.kind === 'replay') return { ...claim.response, replayed: true };
        if (!admin && !(await guardianLinkOf(manager, actor.tenantId, identity.userId, subject.id)))
          throw new NotFoundException('No such pupil.');
        if (subject.type === 'guardian' && !(await accountById(manager, actor.tenantId, subject.id, false)))
          throw new NotFoundException('No such account.');
        let pseudonym: string | null = null;
        if (request.kind === 'erasure') {
          const open = await openErasureOf(manager, actor.tenantId, subject.type, subject.id);
          if (open) throw erasureUnderWay(open.id);
          pseudonym = await this.pseudonymFor(manager, actor.tenantId, subject.type, subject.id);
        }
        const row = await this.insert(manager, {
          tenantId: actor.tenantId,
          kind: request.kind,
          subjectType: subject.type,
          subjectId: subject.id,
          requestedBy: actor.actorId,
          pseudonym,
          retention: null,
          asOf: null,
          dryRun: null,
        });
        const part =
          request.kind === 'export'
            ? await gatewayExport(manager, actor.tenantId, subject)
            : await gatewayErasure(manager, actor.tenantId, subject, pseudonym ?? '');
        await this.recordGatewayPart(manager, row, part);
        if (request.kind === 'erasure' && subject.type === 'guardian') {
          await this.publishErasedAccount(manager, actor.tenantId, subject.id);
          erasedAccount = true;
        }
        await this.auditLog.record(manager, {
          ...actor,
          action: request.kind,
          subjectType: subject.type === 'pupil' ? 'pupil' : 'account',
          subjectId: subject.id,
          detail: { requestId: row.id, stage: 'opened' },
        });
        await this.publishOpened(manager, row);
        const body = await this.toDto(manager, row);
        await settleIdempotencyKeys(manager, { answered: [{ scope, response: { status: 201, body } }] });
        return { status: 201, body, replayed: false };
      });
      if (erasedAccount) this.resolver.forgetAccount(actor.tenantId, subject.id);
      return answer;
    } catch (error) {
      if (isUniqueViolation(error, 'data_requests_one_open_erasure')) throw erasureUnderWay(null);
      throw error;
    }
  }

  /** A retention run of the area as of `asOf` (default today, UTC), by an admin or the daily schedule (actor without a person). */
  async openRetentionRun(
    actor: Omit<AuditActor, 'actorId'> & { actorId: string | null },
    request: OpenRetentionRunDto,
    idempotencyKey?: string,
  ): Promise<OpenAnswer> {
    const today = new Date().toISOString().slice(0, 10);
    const asOf = request.asOf ?? today;
    if (asOf > today) throw new ValidationProblem([{ field: 'asOf', rule: 'notInFuture', message: 'asOf must not be after today' }]);
    const scope = {
      tenantId: actor.tenantId,
      callerId: actor.actorId ?? actor.tenantId,
      operation: 'POST /identity/retention-runs',
      key: idempotencyKey,
      request,
    };
    return this.dataSource.transaction(async (manager): Promise<OpenAnswer> => {
      const [claim] = await claimIdempotencyKeys<Omit<OpenAnswer, 'replayed'>>(manager, [scope]);
      if (claim.kind === 'reused') throw keyReusedProblem();
      if (claim.kind === 'replay') return { ...claim.response, replayed: true };
      const { version: _version, ...schedule } = await retentionSchedule(manager, actor.tenantId);
      const row = await this.insert(manager, {
        tenantId: actor.tenantId,
        kind: 'retention',
        subjectType: null,
        subjectId: null,
        requestedBy: actor.actorId,
        pseudonym: null,
        retention: schedule,
        asOf,
        dryRun: request.dryRun,
      });
      await this.recordGatewayPart(manager, row, await gatewayRetention(manager, actor.tenantId, schedule, asOf, request.dryRun));
      await this.auditLog.record(manager, {
        ...actor,
        action: 'retention',
        subjectType: 'tenant',
        subjectId: actor.tenantId,
        detail: { requestId: row.id, asOf, dryRun: request.dryRun, stage: 'opened' },
      });
      await this.publishOpened(manager, row);
      const body = await this.toDto(manager, row);
      await settleIdempotencyKeys(manager, { answered: [{ scope, response: { status: 201, body } }] });
      return { status: 201, body, replayed: false };
    });
  }

  /** The area's requests newest first; a guardian's own only. */
  async list(identity: Identity, query: ListDataRequestsQueryDto): Promise<Page<DataRequestDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const found = await listDataRequests(
      this.dataSource,
      identity.tenantId,
      {
        requestedBy: hasRole(identity, 'programme_admin') ? undefined : identity.userId,
        kind: query.kind,
        subjectId: query.subjectId,
        before: after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined,
      },
      query.limit,
    );
    const answered = new Map(
      (
        await servicesAnswered(
          this.dataSource,
          identity.tenantId,
          found.map((row) => row.id),
        )
      ).map((entry) => [entry.requestId, entry.services]),
    );
    return toPage(
      found,
      query.limit,
      (row) =>
        toDto(
          row,
          (answered.get(row.id) ?? []).map((service) => ({ service, records: {}, actions: [], receivedAt: row.createdAt })),
        ),
      (row) => [row.createdAt.toISOString(), row.id],
    );
  }

  async get(identity: Identity, id: string): Promise<DataRequestDto> {
    const request = await this.visible(identity, id);
    return this.toDto(this.dataSource, request);
  }

  /** A finished export's ZIP of JSON (one file per service); audited. */
  async zip(identity: Identity, actor: AuditActor, id: string): Promise<ExportFile> {
    const { request, parts } = await this.finishedExport(identity, id);
    await this.auditDownload(actor, request, 'zip');
    return { fileName: `subject-access-${request.id}.zip`, body: exportZip(request, parts) };
  }

  /** A finished export's readable summary; audited. */
  async pdf(identity: Identity, actor: AuditActor, id: string, options: SummaryPdfOptions = {}): Promise<ExportFile> {
    const { request, parts } = await this.finishedExport(identity, id);
    await this.auditDownload(actor, request, 'pdf');
    return { fileName: `subject-access-${request.id}.pdf`, body: await exportSummaryPdf(request, parts, options) };
  }

  /**
   * Records one service's answer, once: a redelivered or repeated answer changes nothing. When it is
   * the last of the five, the request is done with its report (and that is audited).
   */
  async collect(event: EventEnvelope<DataRequestAnsweredEvent>, manager: EntityManager): Promise<void> {
    const answer = event.payload;
    const request = await dataRequestById(manager, event.tenantId, answer.requestId, true);
    if (!request) {
      this.logger.warn(`${event.type} ${event.id} answers request ${answer.requestId}, which this area does not have: ignored`);
      return;
    }
    if (answer.kind !== request.kind) {
      this.logger.warn(`${event.type} ${event.id} answers a ${answer.kind}, but request ${request.id} is a ${request.kind}: ignored`);
      return;
    }
    const service = event.source;
    const recorded = await insertDataRequestPart(manager, event.tenantId, request.id, {
      service,
      records: answer.records ?? {},
      actions: answer.actions ?? [],
    });
    if (!recorded || request.state === 'done') return;
    const parts = await dataRequestParts(manager, event.tenantId, request.id);
    if (!DATA_REQUEST_SERVICES.every((name) => parts.some((part) => part.service === name))) return;
    const finishedAt = new Date();
    if (!(await finishDataRequest(manager, event.tenantId, request.id, reportOf(parts), finishedAt))) return;
    await this.auditLog.record(manager, {
      tenantId: event.tenantId,
      actorId: null,
      actorRole: null,
      action: request.kind,
      subjectType: request.subjectType === null ? 'tenant' : request.subjectType === 'pupil' ? 'pupil' : 'account',
      subjectId: request.subjectId ?? event.tenantId,
      detail: { requestId: request.id, stage: 'done' },
    });
  }

  private async finishedExport(identity: Identity, id: string): Promise<{ request: DataRequestRow; parts: DataRequestPartRow[] }> {
    const request = await this.visible(identity, id);
    if (request.kind !== 'export') throw new NotFoundException('No such export.');
    const parts = await dataRequestParts(this.dataSource, request.tenantId, request.id);
    if (request.state !== 'done') {
      const missing = DATA_REQUEST_SERVICES.filter((service) => !parts.some((part) => part.service === service));
      throw new ConflictProblem(`The export is not complete yet: waiting for ${missing.join(', ')}.`, [
        { field: 'state', state: request.state, missing },
      ]);
    }
    return { request, parts };
  }

  private async auditDownload(actor: AuditActor, request: DataRequestRow, format: 'zip' | 'pdf'): Promise<void> {
    await this.auditLog.record(this.dataSource, {
      ...actor,
      action: 'download',
      subjectType: request.subjectType === 'guardian' ? 'account' : 'pupil',
      subjectId: request.subjectId,
      detail: { requestId: request.id, format },
    });
  }

  /** The request, if the caller may see it: an admin any of the area, anyone else only those they asked for. */
  private async visible(identity: Identity, id: string): Promise<DataRequestRow> {
    const request = await dataRequestById(this.dataSource, identity.tenantId, id);
    if (!request || (!hasRole(identity, 'programme_admin') && request.requestedBy !== identity.userId))
      throw new NotFoundException('No such data request.');
    return request;
  }

  private async insert(
    manager: EntityManager,
    request: Omit<DataRequestRow, 'id' | 'state' | 'report' | 'createdAt' | 'finishedAt'>,
  ): Promise<DataRequestRow> {
    const row: DataRequestRow = { ...request, id: newId(), state: 'collecting', report: null, createdAt: new Date(), finishedAt: null };
    await insertDataRequest(manager, row);
    return row;
  }

  private async recordGatewayPart(manager: EntityManager, request: DataRequestRow, part: GatewayPart): Promise<void> {
    await insertDataRequestPart(manager, request.tenantId, request.id, { service: 'gateway', ...part });
  }

  private async publishOpened(manager: EntityManager, row: DataRequestRow): Promise<void> {
    const payload: DataRequestOpenedV1 = {
      version: 1,
      requestId: row.id,
      kind: row.kind,
      subject:
        row.subjectType === 'pupil'
          ? { type: 'pupil', pupilId: row.subjectId ?? '' }
          : row.subjectType === 'guardian'
            ? { type: 'guardian', accountId: row.subjectId ?? '' }
            : null,
      retention:
        row.retention && row.asOf !== null && row.dryRun !== null ? { ...row.retention, asOf: row.asOf, dryRun: row.dryRun } : null,
      pseudonym: row.pseudonym,
    };
    await publishEvent(manager, { source: 'gateway', type: 'identity.data-request.opened', tenantId: row.tenantId, payload });
  }

  /** The erased account as parent engagement keeps it (its copy of the guardian's contact follows). */
  private async publishErasedAccount(manager: EntityManager, tenantId: string, accountId: string): Promise<void> {
    const account = await accountById(manager, tenantId, accountId, false);
    if (account) await publishAccountUpdated(manager, account);
  }

  /**
   * "Pupil 7F3A": four hex characters of a hash of the subject's id, the next four (then five, six…)
   * when another subject of the area has those; fixed the first time, so every later erasure reuses it.
   */
  private async pseudonymFor(manager: EntityManager, tenantId: string, type: SubjectType, subjectId: string): Promise<string> {
    const digest = createHash('sha256').update(subjectId.toLowerCase()).digest('hex').toUpperCase();
    const label = type === 'pupil' ? 'Pupil' : 'Guardian';
    for (let length = 4; length <= 12; length += 1) {
      for (let start = 0; start + length <= digest.length; start += length) {
        const fixed = await fixPseudonym(manager, tenantId, type, subjectId, `${label} ${digest.slice(start, start + length)}`);
        if (fixed) return fixed;
      }
    }
    throw new Error(`no free pseudonym for ${type} ${subjectId}`);
  }

  private async toDto(db: Queryable, row: DataRequestRow): Promise<DataRequestDto> {
    return toDto(row, await dataRequestParts(db, row.tenantId, row.id));
  }
}

export type DataRequestAnsweredEvent =
  | 'scheduling.data-request.answered'
  | 'loan.data-request.answered'
  | 'performance.data-request.answered'
  | 'engagement.data-request.answered';

function erasureUnderWay(requestId: string | null): ConflictProblem {
  return new ConflictProblem('An erasure of this person is already under way; it finishes when every service has answered.', [
    { field: 'subjectId', requestId },
  ]);
}

function reportOf(parts: readonly DataRequestPartRow[]): DataRequestReport {
  return {
    services: parts.map((part) => ({
      service: part.service,
      records: Object.fromEntries(Object.entries(part.records).map(([group, records]) => [group, records.length])),
      actions: part.actions,
    })),
  };
}

function toDto(row: DataRequestRow, parts: readonly DataRequestPartRow[]): DataRequestDto {
  const answered = DATA_REQUEST_SERVICES.filter((service) => parts.some((part) => part.service === service));
  const done = row.state === 'done' && row.kind === 'export';
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    state: row.state,
    requestedBy: row.requestedBy,
    pseudonym: row.pseudonym,
    retentionRun: row.asOf !== null && row.dryRun !== null ? { asOf: row.asOf, dryRun: row.dryRun } : null,
    progress: {
      received: answered.length,
      of: DATA_REQUEST_SERVICES.length,
      answered: [...answered],
      missing: DATA_REQUEST_SERVICES.filter((service) => !answered.includes(service)),
    },
    parts: parts.map((part) => ({
      service: part.service,
      receivedAt: new Date(part.receivedAt).toISOString(),
      records: Object.fromEntries(Object.entries(part.records).map(([group, records]) => [group, records.length])),
      actions: part.actions,
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    zipUrl: done ? `/identity/data-requests/${row.id}/export.zip` : null,
    pdfUrl: done ? `/identity/data-requests/${row.id}/summary.pdf` : null,
  };
}
