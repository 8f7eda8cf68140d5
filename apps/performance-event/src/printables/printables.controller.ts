import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { viewerOf } from '../performances/viewer';
import { PrintablesService } from './printables.service';

@ApiTags('printables')
@Controller('performances/:performanceId')
export class PrintablesController {
  constructor(private readonly printables: PrintablesService) {}

  @Get('programme.html')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    operationId: 'getProgrammeHtml',
    summary: 'The audience’s programme, print-ready (children named only with consent to perform in public)',
  })
  @ApiProduces('text/html')
  programme(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<string> {
    return this.printables.programme(viewerOf(identity), performanceId, identity.userId);
  }

  @Get('run-sheet.html')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    operationId: 'getRunSheetHtml',
    summary: 'The staff run sheet for the day, print-ready, flagging pupils without photo/film consent',
  })
  @ApiProduces('text/html')
  runSheet(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<string> {
    return this.printables.runSheet(viewerOf(identity), performanceId, identity.userId);
  }

  @Get('programme.pdf')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'getProgrammePdf',
    summary: 'The audience’s programme as a PDF (children named only with consent to perform in public)',
  })
  @ApiProduces('application/pdf')
  async programmePdf(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, pdf } = await this.printables.programmePdf(viewerOf(identity), performanceId, {}, identity.userId);
    sendPdf(reply, fileName);
    return pdf;
  }

  @Get('run-sheet.pdf')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({
    operationId: 'getRunSheetPdf',
    summary: 'The staff run sheet for the day as a PDF, flagging pupils without photo/film consent',
  })
  @ApiProduces('application/pdf')
  async runSheetPdf(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, pdf } = await this.printables.runSheetPdf(viewerOf(identity), performanceId, {}, identity.userId);
    sendPdf(reply, fileName);
    return pdf;
  }
}

function sendPdf(reply: FastifyReply, fileName: string): void {
  reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`);
}
