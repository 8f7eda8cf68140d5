import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** A programme area's settings. */
export class TenantSettingsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'liverpool' }) slug: string;
  @ApiProperty({ example: 'In Harmony Liverpool' }) name: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ example: 270, description: 'Weekly music provision each child should get, in minutes' })
  weeklyProvisionTargetMinutes: number;
  @ApiProperty({ type: [String], example: ['en', 'pl'], description: 'Languages offered to families (BCP 47)' }) familyLanguages: string[];
  @ApiProperty({ example: 4, description: 'Free transport seats one family may book for one performance' })
  familyTransportSeatLimit: number;
}

export class UpdateTenantSettingsDto {
  @ApiPropertyOptional({ example: 'In Harmony Liverpool' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @ApiPropertyOptional({ example: 270, minimum: 0, maximum: 10080 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_080)
  weeklyProvisionTargetMinutes?: number;

  @ApiPropertyOptional({ type: [String], example: ['en', 'pl', 'ar'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'familyLanguages must offer at least one language' })
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    each: true,
    message: 'each of familyLanguages must be a language tag such as en, pl or pt-BR',
  })
  familyLanguages?: string[];

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  familyTransportSeatLimit?: number;
}
