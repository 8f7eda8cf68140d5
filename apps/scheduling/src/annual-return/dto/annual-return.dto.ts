import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Length, Matches } from 'class-validator';

export class AnnualReturnQueryDto {
  @ApiProperty({ example: '2025-26', description: 'the academic year, 1 September to 31 August' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'academicYear must look like 2025-26' })
  academicYear!: string;
}

export class FigurePupilsQueryDto extends AnnualReturnQueryDto {
  @ApiPropertyOptional({
    description: 'the key of one of the figure’s cells (as the return answers it); the figure’s total without it',
    example: 'no',
  })
  @IsOptional()
  @Length(1, 100)
  cell?: string;
}

export class PseudonymisedPupilDto {
  @ApiProperty({ description: 'the pupil’s pseudonym, as the evaluation exports make it' }) pseudonym: string;
}

export class FigurePupilsDto {
  @ApiProperty({ example: '2025-26' }) academicYear: string;
  @ApiProperty() figureId: string;
  @ApiProperty() figureTitle: string;
  @ApiProperty({ nullable: true, type: String, description: 'the cell asked for; null for the figure’s total' }) cell: string | null;
  @ApiProperty() cellLabel: string;
  @ApiProperty({ nullable: true, type: Number, description: 'what the figure publishes there; null when suppressed' }) count: number | null;
  @ApiProperty({ description: 'true when the count is suppressed: then no pupil is listed' }) suppressed: boolean;
  @ApiProperty({
    type: [PseudonymisedPupilDto],
    description: 'the distinct pupils counted there, by pseudonym (exam figures count entries: a pupil with two is listed once)',
  })
  pupils: PseudonymisedPupilDto[];
}

export class FigureCellDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'null when suppressed (a count of 1 to 4, or one that would give such a count away)',
  })
  count: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'per cent of the figure’s total, one decimal; null when suppressed or not meaningful',
  })
  percent: number | null;
}

export class FigureDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'how the figure is computed, in words' }) howComputed: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed' }) total: number | null;
  @ApiProperty({ type: [FigureCellDto] }) cells: FigureCellDto[];
}

export class SchoolWorkedWithDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) urn: string | null;
  @ApiProperty() phase: string;
}

export class FigureNotIncludedDto {
  @ApiProperty() figure: string;
  @ApiProperty() reason: string;
}

export class TransitionReportDto {
  @ApiProperty({ example: '2025-26', description: 'the academic year in which the Year 6 pupils left' }) academicYear: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [FigureDto] }) figures: FigureDto[];
}

export class AnnualReturnDto {
  @ApiProperty({ example: '2025-26' }) academicYear: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [FigureDto] }) figures: FigureDto[];
  @ApiProperty({ type: [SchoolWorkedWithDto] }) schoolsWorkedWith: SchoolWorkedWithDto[];
  @ApiProperty({ type: [FigureNotIncludedDto], description: 'figures the return asks for that this service cannot give, and why' })
  notIncluded: FigureNotIncludedDto[];
}
