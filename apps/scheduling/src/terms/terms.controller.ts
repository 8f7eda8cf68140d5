import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, PageQueryDto } from '@tutti/platform';
import { BankHolidayImportResultDto, CreateHolidayDto, CreateTermDto, GovUkBankHolidaysDto, HolidayDto, HolidayListQueryDto, HolidayPageDto, TermDto, TermPageDto } from './dto/term.dto';
import { TermsService } from './terms.service';

@ApiTags('terms and holidays')
@Controller()
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Post('terms')
  @Access('programme_admin')
  createTerm(@CurrentIdentity() identity: Identity, @Body() body: CreateTermDto): Promise<TermDto> {
    return this.terms.createTerm(identity.tenantId, body);
  }

  @Get('terms')
  // Evaluators pick a term for the provision export; terms say nothing about anyone.
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'evaluator')
  listTerms(@CurrentIdentity() identity: Identity, @Query() query: PageQueryDto): Promise<TermPageDto> {
    return this.terms.listTerms(identity.tenantId, query);
  }

  @Get('terms/:termId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  getTerm(@CurrentIdentity() identity: Identity, @IdParam('termId') termId: string): Promise<TermDto> {
    return this.terms.getTerm(identity.tenantId, termId);
  }

  @Post('holidays')
  @Access('programme_admin', 'headteacher')
  createHoliday(@CurrentIdentity() identity: Identity, @Body() body: CreateHolidayDto): Promise<HolidayDto> {
    return this.terms.createHoliday(identity, body);
  }

  @Get('holidays')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  listHolidays(@CurrentIdentity() identity: Identity, @Query() query: HolidayListQueryDto): Promise<HolidayPageDto> {
    return this.terms.listHolidays(identity, query);
  }

  @Post('holidays/bank-holiday-imports')
  @Access('programme_admin')
  importBankHolidays(@CurrentIdentity() identity: Identity, @Body() body: GovUkBankHolidaysDto): Promise<BankHolidayImportResultDto> {
    return this.terms.importBankHolidays(identity.tenantId, body);
  }
}
