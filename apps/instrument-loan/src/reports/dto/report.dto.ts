import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '@tutti/platform';

export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-09-01' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2026-08-31' }) @IsOptional() @IsIsoDate() to?: string;
}

export class StatusCountDto {
  @ApiProperty() status: string;
  @ApiProperty() count: number;
}

export class TypeSizeCountDto {
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true, type: String }) size: string | null;
  @ApiProperty() status: string;
  @ApiProperty() count: number;
}

export class OwnerCountDto {
  @ApiProperty({ enum: ['programme', 'school', 'hub'] }) ownerKind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId: string | null;
  @ApiProperty() count: number;
}

export class StockReportDto {
  @ApiProperty({ type: [StatusCountDto] }) byStatus: StatusCountDto[];
  @ApiProperty({ type: [TypeSizeCountDto] }) byTypeAndSize: TypeSizeCountDto[];
  @ApiProperty({ type: [OwnerCountDto] }) bySchool: OwnerCountDto[];
}

export class TypeValueDto {
  @ApiProperty() type: string;
  @ApiProperty() instruments: number;
  @ApiProperty({ description: 'pence' }) valuePence: number;
}

export class ValueOnLoanDto {
  @ApiProperty() instruments: number;
  @ApiProperty({ description: 'pence' }) totalPence: number;
  @ApiProperty({ description: 'instruments out on loan without a purchase value' }) unvalued: number;
  @ApiProperty({ type: [TypeValueDto] }) byType: TypeValueDto[];
}

export class PupilLoansDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty() totalLoans: number;
  @ApiProperty() activeLoans: number;
  @ApiProperty() lost: number;
}

export class LoansPerPupilDto {
  @ApiProperty({ type: [PupilLoansDto] }) items: PupilLoansDto[];
}

export class TermLossesAndRepairsDto {
  @ApiProperty({ example: '2025-2026 autumn' }) term: string;
  @ApiProperty() lost: number;
  @ApiProperty({ description: 'pence' }) lostValuePence: number;
  @ApiProperty() repairs: number;
  @ApiProperty({ description: 'pence' }) repairCostPence: number;
}

export class LossesAndRepairsDto {
  @ApiProperty({ type: [TermLossesAndRepairsDto] }) terms: TermLossesAndRepairsDto[];
}
