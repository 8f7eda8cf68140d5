import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { IdempotencyKey, IdParam } from '@tutti/platform';
import {
  CheckOutDto,
  LoanDto,
  LoanListQueryDto,
  LoanPageDto,
  ProblemReportDto,
  ProblemReportResultDto,
  ReturnLoanDto,
  SwapLoanDto,
  SwapResultDto,
} from './dto/loan.dto';
import { LoansService } from './loans.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('loans')
@Controller('loans')
export class LoansController {
  constructor(private readonly loans: LoansService) {}

  @Post()
  @Access(...STAFF)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    operationId: 'checkOutInstrument',
    summary: 'Check an instrument out to a pupil, with the guardian’s agreement; 409 if it is out or in repair',
  })
  @ApiCreatedResponse({ type: LoanDto })
  checkOut(
    @CurrentIdentity() identity: Identity,
    @Body() body: CheckOutDto,
    @IdempotencyKey() key: string | undefined,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<LoanDto> {
    return this.loans.checkOut(identity, body, key, origin);
  }

  @Get()
  @Access(...STAFF, 'guardian')
  @ApiOperation({ summary: 'Loans the caller may see (a guardian: their own children’s), newest first' })
  @ApiOkResponse({ type: LoanPageDto })
  list(
    @CurrentIdentity() identity: Identity,
    @Query() query: LoanListQueryDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<LoanPageDto> {
    return this.loans.list(identity, query, origin);
  }

  @Get(':loanId')
  @Access(...STAFF, 'guardian')
  @ApiOperation({ summary: 'One loan' })
  @ApiOkResponse({ type: LoanDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('loanId') loanId: string, @RequestOrigin() origin: AuditOrigin): Promise<LoanDto> {
    return this.loans.get(identity, loanId, origin);
  }

  @Post(':loanId/return')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOperation({ summary: 'The instrument came back: record its condition and free it' })
  @ApiOkResponse({ type: LoanDto })
  returnLoan(
    @CurrentIdentity() identity: Identity,
    @IdParam('loanId') loanId: string,
    @Body() body: ReturnLoanDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<LoanDto> {
    return this.loans.returnLoan(identity, loanId, body, origin);
  }

  @Post(':loanId/swaps')
  @Access(...STAFF)
  @ApiOperation({ summary: 'Size upgrade: return this instrument and lend another, in one transaction' })
  @ApiCreatedResponse({ type: SwapResultDto })
  swap(
    @CurrentIdentity() identity: Identity,
    @IdParam('loanId') loanId: string,
    @Body() body: SwapLoanDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<SwapResultDto> {
    return this.loans.swap(identity, loanId, body, origin);
  }

  @Post(':loanId/problem-reports')
  @Access(...STAFF, 'guardian')
  @ApiOperation({
    operationId: 'reportLoanProblem',
    summary: 'Report damage or loss (guardians: their own children’s loans only); a loss ends the loan',
  })
  @ApiCreatedResponse({ type: ProblemReportResultDto })
  reportProblem(
    @CurrentIdentity() identity: Identity,
    @IdParam('loanId') loanId: string,
    @Body() body: ProblemReportDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<ProblemReportResultDto> {
    return this.loans.reportProblem(identity, loanId, body, origin);
  }

  @Post(':loanId/review-cleared')
  @HttpCode(200)
  @Access('programme_admin', 'headteacher', 'tutor')
  @ApiOperation({ operationId: 'clearLoanFlag', summary: 'A flagged conditional loan was reviewed and continues' })
  @ApiOkResponse({ type: LoanDto })
  clearFlag(
    @CurrentIdentity() identity: Identity,
    @IdParam('loanId') loanId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<LoanDto> {
    return this.loans.clearFlag(identity, loanId, origin);
  }
}
