import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { ReportRoute } from '@tutti/platform';
import { LoansPerPupilDto, LossesAndRepairsDto, PeriodQueryDto, StockReportDto, ValueOnLoanDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

/** Every route answers X-Read-From: replica|primary (see ReportReader). */
@ApiTags('reports')
@ReportRoute()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('stock')
  @Access('programme_admin', 'headteacher', 'evaluator')
  @ApiOperation({ operationId: 'getStockReport', summary: 'Stock counts by status, by type and size, and by owning school' })
  @ApiOkResponse({ type: StockReportDto })
  stock(@CurrentIdentity() identity: Identity): Promise<StockReportDto> {
    return this.reports.stock(identity.tenantId);
  }

  @Get('value-on-loan')
  @Access('programme_admin')
  @ApiOperation({ operationId: 'getValueOnLoanReport', summary: 'Purchase value of instruments out on loan now, for insurance (pence)' })
  @ApiOkResponse({ type: ValueOnLoanDto })
  valueOnLoan(@CurrentIdentity() identity: Identity): Promise<ValueOnLoanDto> {
    return this.reports.valueOnLoan(identity.tenantId);
  }

  @Get('loans-per-pupil')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'getLoansPerPupilReport', summary: 'Loans per pupil (pupils of the caller’s schools), most first; top 500' })
  @ApiOkResponse({ type: LoansPerPupilDto })
  loansPerPupil(@CurrentIdentity() identity: Identity): Promise<LoansPerPupilDto> {
    return this.reports.loansPerPupil(identity);
  }

  @Get('losses-and-repairs')
  @Access('programme_admin', 'evaluator')
  @ApiOperation({ operationId: 'getLossesAndRepairsReport', summary: 'Losses (count, value) and repairs (count, cost) per school term' })
  @ApiOkResponse({ type: LossesAndRepairsDto })
  lossesAndRepairs(@CurrentIdentity() identity: Identity, @Query() query: PeriodQueryDto): Promise<LossesAndRepairsDto> {
    return this.reports.lossesAndRepairs(identity.tenantId, query);
  }
}
