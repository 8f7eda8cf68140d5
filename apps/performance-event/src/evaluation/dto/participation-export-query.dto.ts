import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '@tutti/platform';

export class ParticipationExportQueryDto {
  @ApiProperty({ format: 'date', description: 'first day (in London) of performances to include' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ format: 'date', description: 'last day (in London) of performances to include, on or after `from`' })
  @IsIsoDate()
  to!: string;
}
