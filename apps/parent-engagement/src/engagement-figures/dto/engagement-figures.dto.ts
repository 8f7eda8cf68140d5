import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '@tutti/platform';

export class EngagementFiguresQueryDto {
  @ApiProperty({ example: '2026-09-01', description: 'First day of the term (local date)' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: '2026-12-18', description: 'Last day of the term (local date, included)' })
  @IsIsoDate()
  to: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class SchoolEngagementDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({
    description: 'Families who signed up to a session, said they would come to a performance, or had a bus seat, in the term',
  })
  familiesEngaged: number;
  @ApiProperty({ description: 'Engaged this term and never before' }) firstTime: number;
  @ApiProperty({ description: 'Engaged this term and also before it' }) returning: number;
  @ApiProperty({ description: 'Checked in at a performance (at the door or on the bus) in the term' }) attendedPerformance: number;
  @ApiProperty({ description: 'Checked in on a free bus in the term' }) usedTransport: number;
}

export class EngagementFiguresDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [SchoolEngagementDto] }) schools: SchoolEngagementDto[];
}
