import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff } from '../common/access';

export class FamilyOnLoanDto {
  @ApiProperty({ example: 'strings' }) family: string;
  @ApiProperty() onLoan: number;
}

export class SchoolLoanSummaryDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ description: 'Instruments out on loan now to the school’s pupils' }) onLoan: number;
  @ApiProperty({ description: 'Pupils of the school with at least one instrument at home' }) pupilsWithInstrument: number;
  @ApiProperty({ description: 'Of the loans out, those past their due date (Europe/London)' }) overdue: number;
  @ApiProperty({ type: [FamilyOnLoanDto], description: 'Loans out by instrument family, most first' }) byFamily: FamilyOnLoanDto[];
}

/** Instruments at home with one school's pupils, for the headteacher's dashboard. */
@ApiTags('reports')
@Controller('schools')
export class SchoolLoanSummaryController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':schoolId/loan-summary')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Instruments on loan now to a school’s pupils: total, pupils, overdue, by family' })
  @ApiOkResponse({ type: SchoolLoanSummaryDto })
  async summary(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string): Promise<SchoolLoanSummaryDto> {
    const tenantId = identity.tenantId;
    if (!canActForPupilAsStaff(identity, schoolId)) throw new NotFoundException('No such school.');
    const school = await oneRow(this.dataSource, 'SELECT 1 FROM schools WHERE tenant_id = $1 AND id = $2', [tenantId, schoolId]);
    if (!school) throw new NotFoundException('No such school.');
    const byFamily = await rows<FamilyOnLoanDto>(
      this.dataSource,
      `SELECT i.family, count(*)::int AS "onLoan" FROM loans l JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
        WHERE l.tenant_id = $1 AND l.school_id = $2 AND l.returned_at IS NULL GROUP BY i.family ORDER BY count(*) DESC, i.family`,
      [tenantId, schoolId],
    );
    const totals = await oneRow<{ onLoan: number; pupils: number; overdue: number }>(
      this.dataSource,
      `SELECT count(*)::int AS "onLoan", count(DISTINCT pupil_id)::int AS pupils,
              count(*) FILTER (WHERE due_on < (now() AT TIME ZONE 'Europe/London')::date)::int AS overdue
         FROM loans WHERE tenant_id = $1 AND school_id = $2 AND returned_at IS NULL`,
      [tenantId, schoolId],
    );
    return { schoolId, onLoan: totals?.onLoan ?? 0, pupilsWithInstrument: totals?.pupils ?? 0, overdue: totals?.overdue ?? 0, byFamily };
  }
}
