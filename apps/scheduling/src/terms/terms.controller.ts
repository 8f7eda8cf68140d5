import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, PageQueryDto } from '@tutti/platform';
import {
  BankHolidayImportResultDto,
  CreateHolidayDto,
  CreateTermDto,
  GovUkBankHolidaysDto,
  HolidayDto,
  HolidayListQueryDto,
  HolidayPageDto,
  TermDto,
  TermPageDto,
} from './dto/term.dto';
import { TermsService } from './terms.service';

@ApiTags('terms and holidays')
@Controller()
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Post('terms')
  @Access('programme_admin')
  @ApiOperation({ summary: 'Add a term' })
  @ApiCreatedResponse({ type: TermDto })
  createTerm(@CurrentIdentity() identity: Identity, @Body() body: CreateTermDto): Promise<TermDto> {
    return this.terms.createTerm(identity.tenantId, body);
  }

  @Get('terms')
  @ApiOperation({ summary: 'The area’s terms, by start date' })
  // Evaluators pick a term for the provision export; terms say nothing about anyone.
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'evaluator')
  @ApiOkResponse({ type: TermPageDto })
  listTerms(@CurrentIdentity() identity: Identity, @Query() query: PageQueryDto): Promise<TermPageDto> {
    return this.terms.listTerms(identity.tenantId, query);
  }

  @Get('terms/:termId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One term' })
  @ApiOkResponse({ type: TermDto })
  getTerm(@CurrentIdentity() identity: Identity, @IdParam('termId') termId: string): Promise<TermDto> {
    return this.terms.getTerm(identity.tenantId, termId);
  }

  @Post('holidays')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Add a holiday or INSET day' })
  @ApiCreatedResponse({ type: HolidayDto })
  createHoliday(@CurrentIdentity() identity: Identity, @Body() body: CreateHolidayDto): Promise<HolidayDto> {
    return this.terms.createHoliday(identity, body);
  }

  @Get('holidays')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The area’s holidays and INSET days' })
  @ApiOkResponse({ type: HolidayPageDto })
  listHolidays(@CurrentIdentity() identity: Identity, @Query() query: HolidayListQueryDto): Promise<HolidayPageDto> {
    return this.terms.listHolidays(identity, query);
  }

  @Post('holidays/bank-holiday-imports')
  @Access('programme_admin')
  @ApiOperation({ summary: 'Import bank holidays from gov.uk’s JSON format' })
  @ApiCreatedResponse({ type: BankHolidayImportResultDto })
  importBankHolidays(@CurrentIdentity() identity: Identity, @Body() body: GovUkBankHolidaysDto): Promise<BankHolidayImportResultDto> {
    return this.terms.importBankHolidays(identity.tenantId, body);
  }
}
