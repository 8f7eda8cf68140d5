import { ApiProperty } from '@nestjs/swagger';

/** What the public may know of a performance: nothing about the children in it. */
export class PublicPerformanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() venueName: string;
  @ApiProperty() venueAddress: string;
  @ApiProperty({ type: String, nullable: true, description: 'step-free access, parking…; null when the venue gave none' })
  venueAccessNotes: string | null;
}

export class PublicPerformancePageDto {
  @ApiProperty({ type: [PublicPerformanceDto] }) items: PublicPerformanceDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
