import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '@tutti/platform';

export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'declined'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  runId: string;

  @ApiProperty({ format: 'uuid', description: 'Where the family gets on' })
  @IsUUID()
  stopId: string;

  @ApiProperty({ minimum: 0, maximum: 20, description: 'Adults of the family travelling' })
  @IsInt()
  @Min(0)
  @Max(20)
  adults: number;

  @ApiProperty({ type: [String], description: 'The caller’s own children (pupils) travelling' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  pupilIds: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 20, description: 'Other children of the family (e.g. younger siblings)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  otherChildren?: number;
}

/** A change to a booking: another stop of the same bus, or fewer or more adults or other children. */
export class ChangeBookingDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another pick-up stop of the same bus' })
  @IsOptional()
  @IsUUID()
  stopId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  adults?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  otherChildren?: number;
}

export class CheckInDto {
  @ApiProperty({ description: 'false undoes a check-in made by mistake' })
  @IsBoolean()
  present: boolean;
}

export class BookingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;
}

export class BookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) stopId: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty() guardianName: string;
  @ApiProperty() adults: number;
  @ApiProperty() children: number;
  @ApiProperty() seats: number;
  @ApiProperty({ type: [String] }) pupilIds: string[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Place in the waiting list (1 = next), while waitlisted' })
  waitlistPlace: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) offerExpiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BookingPageDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
