import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@tutti/platform';

export class ArmLengthDto {
  @ApiProperty({ description: 'Arm outstretched, neck to middle of palm, in mm' }) @IsInt() @Min(200) @Max(900) armLengthMm: number;
  @ApiProperty({ example: '2026-01-12' }) @IsIsoDate() measuredOn: string;
}

export class SizeRecommendationDto {
  @ApiProperty() type: string;
  @ApiProperty() recommendedSize: string;
  @ApiProperty({ enum: ['arm_length', 'age'] }) basis: string;
}

export class PupilSizingDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ description: 'Estimated from the school year' }) estimatedAge: number;
  @ApiProperty({ nullable: true, type: Number }) armLengthMm: number | null;
  @ApiProperty({ type: [SizeRecommendationDto] }) recommendations: SizeRecommendationDto[];
}

export class OutgrownQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
}

export class OutgrownLoanDto {
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'uuid' }) instrumentId: string;
  @ApiProperty() assetTag: string;
  @ApiProperty() type: string;
  @ApiProperty() currentSize: string;
  @ApiProperty() recommendedSize: string;
  @ApiProperty({ enum: ['arm_length', 'age'] }) basis: string;
}

export class OutgrownPageDto {
  @ApiProperty({ type: [OutgrownLoanDto] }) items: OutgrownLoanDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
