import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/validation';
import { CreatePickupStopDto } from './create-transport-run.dto';

/**
 * A correction of one of the bus's stops (named by its id: families' bookings are at it): any of a
 * new stop's fields, each validated as when the bus is put on.
 */
export class UpdatePickupStopDto extends PartialType(CreatePickupStopDto) {
  @ApiProperty({ format: 'uuid', description: 'A stop of this bus' })
  @IsUUID()
  id: string;
}

/** What a member of staff may correct on a bus once it is put on; a field left out stays as it is. */
export class UpdateTransportRunDto {
  @ApiPropertyOptional({ example: '53-seat coach (Arriva, reg. CX21 ABC)', description: 'The vehicle and its operator' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  vehicle?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The driver (null for none yet): refused with 409 safeguarding-not-cleared unless cleared on the day the bus leaves',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsUUID()
  driverStaffId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'Never below the seats already booked (409 seats-below-booked)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  seats?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  outboundDepartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'null: no return journey' })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInstant()
  returnDepartsAt?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'Booking cut-off: in the future, and not after the first pick-up' })
  @IsOptional()
  @IsInstant()
  bookingsCloseAt?: string;

  @ApiPropertyOptional({
    type: [UpdatePickupStopDto],
    description: 'Corrections of some of its stops; stops are neither added nor removed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => UpdatePickupStopDto)
  stops?: UpdatePickupStopDto[];
}
