import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class PutRsvpDto {
  @ApiProperty({ description: 'false: the family will not come' })
  @IsBoolean()
  attending: boolean;

  @ApiProperty({ minimum: 0, maximum: 20 })
  @IsInt()
  @Min(0)
  @Max(20)
  adults: number;

  @ApiProperty({ type: [String], description: 'Your own children (pupils) coming' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  pupilIds: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 20, description: 'Other children coming (e.g. younger siblings)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  otherChildren?: number;
}

export class RsvpCheckInDto {
  @ApiProperty({ description: 'false undoes a check-in made by mistake' })
  @IsBoolean()
  present: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 50, description: 'Adults who actually came; defaults to the RSVP’s' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  arrivedAdults?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 50, description: 'Children who actually came; defaults to the RSVP’s' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  arrivedChildren?: number;
}

export class RsvpQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  performanceId?: string;
}

export class RsvpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty() guardianName: string;
  @ApiProperty() attending: boolean;
  @ApiProperty() adults: number;
  @ApiProperty() children: number;
  @ApiProperty({ type: [String] }) pupilIds: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) arrivedAdults: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) arrivedChildren: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedInAt: string | null;
  @ApiProperty() version: number;
}

export class RsvpPageDto {
  @ApiProperty({ type: [RsvpDto] }) items: RsvpDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RsvpSummaryDto {
  @ApiProperty({ format: 'uuid' }) performanceId: string;
  @ApiProperty({ description: 'Families who said they will come' }) familiesComing: number;
  @ApiProperty() adultsComing: number;
  @ApiProperty() childrenComing: number;
  @ApiProperty({ description: 'Families who said they will not come' }) familiesNotComing: number;
  @ApiProperty({ description: 'Families checked in on the day' }) familiesArrived: number;
  @ApiProperty() adultsArrived: number;
  @ApiProperty() childrenArrived: number;
}
