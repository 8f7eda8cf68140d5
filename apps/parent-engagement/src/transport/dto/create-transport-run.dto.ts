import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/validation';

export class CreatePickupStopDto {
  @ApiProperty({ example: 'Faith Street Primary, front gate' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Shaw Street, Liverpool L6' })
  @IsString()
  @Length(1, 500)
  place: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  pickupAt: string;
}

export class CreateTransportRunDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  performanceId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The driver, a member of staff of scheduling (kind driver): refused with 409 safeguarding-not-cleared unless their DBS check and training are valid on the day the bus leaves',
  })
  @IsOptional()
  @IsUUID()
  driverStaffId?: string;

  @ApiProperty({ example: '53-seat coach (Arriva, reg. CX21 ABC)' })
  @IsString()
  @Length(1, 200)
  vehicle: string;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats: number;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  outboundDepartsAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  returnDepartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Booking cut-off; defaults to 24 hours before the first pick-up' })
  @IsOptional()
  @IsInstant()
  bookingsCloseAt?: string;

  @ApiProperty({ type: [CreatePickupStopDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CreatePickupStopDto)
  stops: CreatePickupStopDto[];
}
