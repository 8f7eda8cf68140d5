import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import {
  addDays,
  csvDocument,
  type CsvFile,
  PLANNING_TIME_ZONE,
  PLATFORM_OPTIONS,
  type PlatformOptions,
  pseudonymOf,
  ReportReader,
  ValidationProblem,
  zonedDateTime,
} from '@tutti/platform';
import { DataSource } from 'typeorm';
import type { ParticipationExportQueryDto } from './dto/participation-export-query.dto';
import { performedBetween } from './evaluation.queries';

export const PARTICIPATION_EXPORT_COLUMNS = [
  'pupil_pseudonym',
  'school_id',
  'performance_date',
  'performance_id',
  'kind',
  'ensemble_id',
  'ensemble_name',
] as const;

/**
 * Pseudonymised participation for evaluators: who performed, where and when, as the fair-chance
 * figures count it (completed performances, on the roster and not removed). Pupils appear as
 * `pseudonymOf(key, tenant, pupil)`, the same as in the other services' exports.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: DataSource,
    private readonly reader: ReportReader,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  async participationCsv(identity: Identity, query: ParticipationExportQueryDto, origin: AuditOrigin): Promise<CsvFile> {
    if (query.to < query.from)
      throw new ValidationProblem([{ field: 'to', rule: 'notBeforeFrom', message: 'to must be on or after from' }]);
    const tenantId = identity.tenantId;
    const from = zonedDateTime(query.from, '00:00', PLANNING_TIME_ZONE);
    const until = zonedDateTime(addDays(query.to, 1), '00:00', PLANNING_TIME_ZONE);
    // The rows from the replica while it is within the staleness bound; the audit of who was read, on the primary.
    const performed = await this.reader.read((db) => performedBetween(db, tenantId, from, until));
    const key = this.platform.config.evaluationPseudonymKey;
    const lines = performed
      .map((row) => ({ row, pseudonym: pseudonymOf(key, tenantId, row.pupil_id) }))
      .sort(
        (a, b) =>
          a.row.performance_date.localeCompare(b.row.performance_date) ||
          a.row.performance_id.localeCompare(b.row.performance_id) ||
          a.pseudonym.localeCompare(b.pseudonym),
      )
      .map(({ row, pseudonym }) => [
        pseudonym,
        row.school_id,
        row.performance_date,
        row.performance_id,
        row.audience,
        row.ensemble_id,
        row.ensemble_name,
      ]);
    const pupils = [...new Set(performed.map((row) => row.pupil_id))];
    await this.db.transaction((manager) =>
      recordAudit(
        manager,
        { service: 'performance-event', tenantId, actor: actorOf(identity), origin },
        pupils.map((pupilId) => ({
          action: 'read' as const,
          subjectType: 'pupil' as const,
          subjectId: pupilId,
          detail: { export: 'evaluation-participation', from: query.from, to: query.to },
        })),
      ),
    );
    return { fileName: `participation-${query.from}-to-${query.to}.csv`, body: csvDocument(PARTICIPATION_EXPORT_COLUMNS, lines) };
  }
}
