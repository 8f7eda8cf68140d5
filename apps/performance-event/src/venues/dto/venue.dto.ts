import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { VENUE_KINDS, type VenueKind } from '../venue.model';

export class CreateVenueDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: VENUE_KINDS }) @IsIn(VENUE_KINDS) kind: VenueKind;
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) address: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100000 })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: 'Step-free access, parking, where families wait…' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  accessNotes?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The school whose hall this is; its headteacher may then edit it',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  schoolId?: string | null;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class VenueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: VENUE_KINDS }) kind: VenueKind;
  @ApiProperty() address: string;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ type: String, nullable: true }) accessNotes: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolId: string | null;
  @ApiProperty({ description: 'Send as If-Match (quoted) when editing' }) version: number;
}

export class VenuePageDto {
  @ApiProperty({ type: [VenueDto] }) items: VenueDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
