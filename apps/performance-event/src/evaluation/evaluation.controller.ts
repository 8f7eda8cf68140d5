import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { attachmentDisposition, ReportRoute } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ParticipationExportQueryDto } from './dto/participation-export-query.dto';
import { EvaluationService } from './evaluation.service';

/** Answers X-Read-From: replica|primary (see ReportReader). */
@ApiTags('evaluation')
@ReportRoute()
@Controller('evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get('participation.csv')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    operationId: 'exportParticipationCsv',
    summary: 'Pseudonymised participation: one row per pupil per completed performance they performed in, between two dates',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; no names, UPNs, dates of birth or free text' })
  async participation(
    @CurrentIdentity() identity: Identity,
    @Query() query: ParticipationExportQueryDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.evaluation.participationCsv(identity, query, origin);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(file.fileName));
    return file.body;
  }
}
