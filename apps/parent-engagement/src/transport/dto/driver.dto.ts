import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../../common/validation';

export class DriverQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the bus leaves: only drivers cleared that day (and today) are listed; today when left out',
  })
  @IsOptional()
  @IsInstant()
  departsAt?: string;
}

/** A driver (scheduling's staff of kind driver) whose DBS check and training are valid on the day asked. */
export class ClearedDriverDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ example: 'Sam Driver' }) displayName: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The first day their DBS check or training runs out (null: not known to)',
  })
  clearedUntil: string | null;
}

export class ClearedDriverListDto {
  @ApiProperty({ type: [ClearedDriverDto] }) items: ClearedDriverDto[];
}
