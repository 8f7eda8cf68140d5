import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class RunningOrderItemInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Keep an existing item’s id when reordering' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ maxLength: 200, example: 'Ode to Joy' }) @IsString() @Length(1, 200) piece: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 120 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(120)
  composer?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 120 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(120)
  arranger?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'One of the performance’s ensembles' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  ensembleId?: string | null;
  @ApiProperty({ minimum: 1, maximum: 3600, description: 'Length in seconds' }) @IsInt() @Min(1) @Max(3600) durationSeconds: number;
  @ApiPropertyOptional({ type: [String], description: 'Pupils featured as soloists (on the roster)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  soloistPupilIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Professional or guest soloists, by name' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  guestSoloists?: string[];
}

export class ReplaceRunningOrderDto {
  @ApiProperty({ type: [RunningOrderItemInputDto], description: 'The whole running order, in performance order' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RunningOrderItemInputDto)
  items: RunningOrderItemInputDto[];
}

export class SoloistDto {
  @ApiProperty({ format: 'uuid' }) pupilId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null where the caller may not see this child' }) displayName: string | null;
}

export class RunningOrderItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty() piece: string;
  @ApiProperty({ type: String, nullable: true }) composer: string | null;
  @ApiProperty({ type: String, nullable: true }) arranger: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ensembleId: string | null;
  @ApiProperty({ type: String, nullable: true }) ensembleName: string | null;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ type: [SoloistDto] }) soloists: SoloistDto[];
  @ApiProperty({ type: [String] }) guestSoloists: string[];
}

export class RunningOrderDto {
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty({ type: [RunningOrderItemDto] }) items: RunningOrderItemDto[];
  @ApiProperty() totalSeconds: number;
  @ApiProperty() slotSeconds: number;
  @ApiProperty({ description: 'Slot left over; never negative' }) remainingSeconds: number;
  @ApiProperty({ description: 'Send as If-Match (quoted) when replacing' }) version: number;
}
