import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { attachmentDisposition } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ProvisionExportQueryDto, SchoolsExportQueryDto } from './dto/provision-export-query.dto';
import { EvaluationService } from './evaluation.service';

@ApiTags('evaluation')
@Controller('evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get('provision.csv')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    operationId: 'exportProvisionCsv',
    summary:
      'Pseudonymised provision of a term, one row per pupil on roll: minutes per strand, weekly average against the target, attendance',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; no names, UPNs, dates of birth, flags or free text' })
  async provision(
    @CurrentIdentity() identity: Identity,
    @Query() query: ProvisionExportQueryDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.evaluation.provisionCsv(identity, query.termId, origin);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(file.fileName));
    return file.body;
  }

  @Get('schools.csv')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    operationId: 'exportSchoolsCsv',
    summary:
      'Programme schools beside comparison schools, one row per school: cohort size and per cent FSM, SEND and EAL (programme schools counted from the roll for the year, small cells suppressed; comparison schools as recorded)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; aggregates only, no pupil' })
  async schools(
    @CurrentIdentity() identity: Identity,
    @Query() query: SchoolsExportQueryDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.evaluation.schoolsCsv(identity, query.academicYear, origin);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(file.fileName));
    return file.body;
  }
}
