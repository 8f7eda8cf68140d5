import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { LabelsService, MAX_LABELS_PER_SHEET } from './labels.service';

export class LabelSheetQueryDto {
  @ApiProperty({ description: 'Comma-separated instrument ids', example: 'id1,id2' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LABELS_PER_SHEET)
  @IsUUID('all', { each: true })
  ids: string[];
}

@ApiTags('instruments')
@Controller()
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get('instruments/:instrumentId/label.svg')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ operationId: 'getInstrumentLabel', summary: 'A printable QR label that opens the instrument’s page' })
  label(@CurrentIdentity() identity: Identity, @IdParam('instrumentId') instrumentId: string): Promise<string> {
    return this.labels.labelSvg(identity.tenantId, instrumentId);
  }

  @Get('instrument-labels')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ operationId: 'getInstrumentLabelSheet', summary: 'A printable A4 sheet of QR labels' })
  sheet(@CurrentIdentity() identity: Identity, @Query() query: LabelSheetQueryDto): Promise<string> {
    return this.labels.sheetHtml(identity.tenantId, query.ids);
  }
}
