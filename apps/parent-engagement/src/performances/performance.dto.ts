import { ApiProperty } from '@nestjs/swagger';

export class PerformanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() venueName: string;
  @ApiProperty({ enum: ['published', 'cancelled'] }) status: string;
}

export class PerformancePageDto {
  @ApiProperty({ type: [PerformanceDto] }) items: PerformanceDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
