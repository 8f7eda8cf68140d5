import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class AreaSettingsDto {
  @ApiProperty({ description: 'Missed sessions in a row that flag a conditional loan' }) missedSessionsThreshold: number;
  @ApiProperty({ description: 'Days after a loan starts during which missed sessions do not count' }) gracePeriodDays: number;
  @ApiProperty({ description: 'The loan terms version guardians agree to now' }) termsVersion: string;
  @ApiProperty({ description: 'Days between inspections of an instrument' }) inspectionIntervalDays: number;
  @ApiProperty({ description: 'The version read (0 while the area is on the defaults): send it quoted as If-Match to edit' })
  version: number;
}

/** The settings to change; those left out keep their value. */
export class UpdateAreaSettingsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20 }) @IsOptional() @IsInt() @Min(1) @Max(20) missedSessionsThreshold?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 120 }) @IsOptional() @IsInt() @Min(0) @Max(120) gracePeriodDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) termsVersion?: string;
  @ApiPropertyOptional({ minimum: 7, maximum: 730 }) @IsOptional() @IsInt() @Min(7) @Max(730) inspectionIntervalDays?: number;
}
