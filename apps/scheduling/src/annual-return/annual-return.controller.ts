import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { attachmentDisposition, ReportRoute } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { annualReturnCsv, annualReturnFileName, annualReturnXlsx } from './annual-return.files';
import { AnnualReturnService } from './annual-return.service';
import { AnnualReturnDto, AnnualReturnQueryDto, FigurePupilsDto, FigurePupilsQueryDto, TransitionReportDto } from './dto/annual-return.dto';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ReportRoute()
@Controller('reports')
export class AnnualReturnController {
  constructor(private readonly annualReturn: AnnualReturnService) {}

  @Get('annual-return')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ summary: 'The area’s annual data return for funders: each figure with how it is computed, counts of 1 to 4 suppressed' })
  @ApiOkResponse({ type: AnnualReturnDto })
  figures(
    @CurrentIdentity() identity: Identity,
    @Query() query: AnnualReturnQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<AnnualReturnDto> {
    return this.annualReturn.build(identity, query.academicYear, origin);
  }

  @Get('annual-return/figures/:figureId/pupils')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    operationId: 'listAnnualReturnFigurePupils',
    summary:
      'The pseudonymised pupils behind a figure of the annual return, or one cell of it: the same computation and suppression (a suppressed count lists nobody); audited',
  })
  @ApiOkResponse({ type: FigurePupilsDto })
  figurePupils(
    @CurrentIdentity() identity: Identity,
    @Param('figureId') figureId: string,
    @Query() query: FigurePupilsQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<FigurePupilsDto> {
    return this.annualReturn.pupils(identity, query.academicYear, figureId, query.cell, origin);
  }

  @Get('transition')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    summary:
      'Year 6 pupils who left primary school in the academic year: how many attended Tutti one term and one year on, by destination school and characteristics, suppressed',
  })
  @ApiOkResponse({ type: TransitionReportDto })
  transition(
    @CurrentIdentity() identity: Identity,
    @Query() query: AnnualReturnQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<TransitionReportDto> {
    return this.annualReturn.transition(identity, query.academicYear, origin);
  }

  @Get('transition/figures/:figureId/pupils')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({
    operationId: 'listTransitionFigurePupils',
    summary:
      'The pseudonymised Year 6 leavers behind a figure of the transition report, or one cell of it: the same computation and suppression (a suppressed count lists nobody); audited',
  })
  @ApiOkResponse({ type: FigurePupilsDto })
  transitionPupils(
    @CurrentIdentity() identity: Identity,
    @Param('figureId') figureId: string,
    @Query() query: FigurePupilsQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<FigurePupilsDto> {
    return this.annualReturn.transitionPupils(identity, query.academicYear, figureId, query.cell, origin);
  }

  @Get('annual-return.csv')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ summary: 'The annual data return as CSV (UTF-8 with a byte order mark), the same figures and suppression as the page' })
  @ApiProduces('text/csv')
  async csv(
    @CurrentIdentity() identity: Identity,
    @Query() query: AnnualReturnQueryDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = annualReturnCsv(await this.annualReturn.build(identity, query.academicYear, origin));
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(file.fileName));
    return file.body;
  }

  @Get('annual-return.xlsx')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ summary: 'The annual data return as an Excel workbook, the same figures and suppression as the page' })
  @ApiProduces(XLSX_TYPE)
  async xlsx(
    @CurrentIdentity() identity: Identity,
    @Query() query: AnnualReturnQueryDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const report = await this.annualReturn.build(identity, query.academicYear, origin);
    reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentDisposition(annualReturnFileName(report, 'xlsx')));
    return annualReturnXlsx(report);
  }
}
