import { ApiProperty } from '@nestjs/swagger';

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
