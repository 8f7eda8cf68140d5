import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { viewerOf } from '../performances/viewer';
import { PrintablesService } from './printables.service';

@ApiTags('printables')
@Controller('performances/:performanceId')
export class PrintablesController {
  constructor(private readonly printables: PrintablesService) {}

  @Get('programme.html')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The audience’s programme, print-ready (children named only with consent to perform in public)' })
  @ApiProduces('text/html')
  programme(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<string> {
    return this.printables.programme(viewerOf(identity), performanceId);
  }

  @Get('run-sheet.html')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The staff run sheet for the day, print-ready, flagging pupils without photo/film consent' })
  @ApiProduces('text/html')
  runSheet(@CurrentIdentity() identity: Identity, @IdParam('performanceId') performanceId: string): Promise<string> {
    return this.printables.runSheet(viewerOf(identity), performanceId);
  }
}
