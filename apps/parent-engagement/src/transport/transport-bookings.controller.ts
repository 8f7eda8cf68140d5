import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { ApiConflictRules, IdempotencyKey, IdParam } from '@tutti/platform';
import { BookingDto, BookingPageDto, BookingQueryDto, ChangeBookingDto, CheckInDto, CreateBookingDto } from './dto/booking.dto';
import { TransportBookingsService } from './transport-bookings.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('transport')
@Controller('transport-bookings')
export class TransportBookingsController {
  constructor(private readonly bookings: TransportBookingsService) {}

  @Post()
  @HttpCode(201)
  @Access('guardian')
  @ApiOperation({ summary: 'Book seats for your family at a stop; a full bus puts the booking on the waiting list (status waitlisted)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer' })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiConflictRules('transport-consent-refused', 'run-cancelled', 'bookings-closed', 'pupil-already-booked', 'family-seat-limit')
  create(
    @CurrentIdentity() identity: Identity,
    @Body() dto: CreateBookingDto,
    @IdempotencyKey() key: string | undefined,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.create(identity, dto, key, origin);
  }

  @Get()
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'Your family’s bookings (guardian) or your schools’ families’ bookings (staff)' })
  @ApiOkResponse({ type: BookingPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: BookingQueryDto): Promise<BookingPageDto> {
    return this.bookings.list(identity, query);
  }

  @Get(':bookingId')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'One booking of your family (staff: of the schools they may see)' })
  @ApiOkResponse({ type: BookingDto })
  get(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.get(identity, bookingId, origin);
  }

  @Patch(':bookingId')
  @Access('guardian')
  @ApiOperation({
    summary:
      'Change your booking: another stop of the same bus, or the number of adults or other children (more seats only while seats are free)',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictRules('not-changeable', 'run-cancelled', 'bookings-closed', 'not-enough-seats', 'family-seat-limit')
  change(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @Body() dto: ChangeBookingDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.change(identity, bookingId, dto, origin);
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  @Access('guardian', 'programme_admin', 'headteacher', 'school_staff')
  @ApiOperation({ summary: 'Cancel a booking; its seats are offered to the waiting list' })
  @ApiOkResponse({ type: BookingDto })
  cancel(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.cancel(identity, bookingId, origin);
  }

  @Post(':bookingId/accept')
  @HttpCode(200)
  @Access('guardian')
  @ApiOperation({ summary: 'Accept a seat offered from the waiting list, before it expires' })
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictRules('not-offered', 'offer-expired')
  accept(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.accept(identity, bookingId, origin);
  }

  @Post(':bookingId/decline')
  @HttpCode(200)
  @Access('guardian')
  @ApiOperation({ summary: 'Decline a seat offered from the waiting list; it passes to the next family' })
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictRules('not-offered')
  decline(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.cancel(identity, bookingId, origin, 'declined');
  }

  @Post(':bookingId/check-in')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOperation({ operationId: 'checkInTransportBooking', summary: 'On the day: mark a family as on the bus (present: false undoes it)' })
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictRules('not-confirmed')
  checkIn(
    @CurrentIdentity() identity: Identity,
    @IdParam('bookingId') bookingId: string,
    @Body() dto: CheckInDto,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<BookingDto> {
    return this.bookings.checkIn(identity, bookingId, dto.present, origin);
  }
}
