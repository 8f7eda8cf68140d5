import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ParticipationExportQueryDto {
  @ApiProperty({ format: 'date', description: 'first day (in London) of performances to include' })
  @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'last day (in London) of performances to include, on or after `from`' })
  @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  to!: string;
}
