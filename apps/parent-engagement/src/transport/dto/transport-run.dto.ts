import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export class PickupStopDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() place: string;
  @ApiProperty({ format: 'date-time' }) pickupAt: string;
}

export class RunPerformanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() venueName: string;
  @ApiProperty({ enum: ['published', 'cancelled'] }) status: string;
}

export class TransportRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RunPerformanceDto }) performance: RunPerformanceDto;
  @ApiProperty() vehicle: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The driver (a member of staff of scheduling)' })
  driverStaffId: string | null;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'Seats confirmed or held for an open waitlist offer' }) seatsTaken: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty({ format: 'date-time' }) outboundDepartsAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) returnDepartsAt: string | null;
  @ApiProperty({ format: 'date-time' }) bookingsCloseAt: string;
  @ApiProperty({ enum: ['open', 'cancelled'], description: 'Whether the bus runs (see bookingOpen for whether it takes bookings)' })
  status: string;
  @ApiProperty({
    description:
      'Whether a family may book now: the bus runs, its performance is on, and bookingsCloseAt has not passed. A booking otherwise gets 409 bookings-closed or run-cancelled.',
  })
  bookingOpen: boolean;
  @ApiProperty({ type: [PickupStopDto] }) stops: PickupStopDto[];
  @ApiProperty({ description: 'The bus’s version: send it quoted as If-Match to edit it' }) version: number;
}

export class TransportRunPageDto {
  @ApiProperty({ type: [TransportRunDto] }) items: TransportRunDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class TransportRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  performanceId?: string;
}

export const MANIFEST_FORMATS = ['csv', 'html', 'pdf'] as const;
export type ManifestFormat = (typeof MANIFEST_FORMATS)[number];

export class ManifestQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One stop only' })
  @IsOptional()
  @IsUUID()
  stopId?: string;

  @ApiPropertyOptional({ enum: MANIFEST_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(MANIFEST_FORMATS)
  @Type(() => String)
  format: ManifestFormat = 'csv';
}
