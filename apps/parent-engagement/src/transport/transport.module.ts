import { Module } from '@nestjs/common';
import { ConsentsModule } from '../consents/consents.module';
import { RemindersModule } from '../reminders/reminders.module';
import { BookingDesk } from './booking-desk';
import { DriverClearances } from './driver-clearance';
import { ManifestService } from './manifest.service';
import { TransportBookingsController } from './transport-bookings.controller';
import { TransportBookingsService } from './transport-bookings.service';
import { TransportDriversController } from './transport-drivers.controller';
import { TransportRunsController } from './transport-runs.controller';
import { TransportRunsService } from './transport-runs.service';

@Module({
  imports: [RemindersModule, ConsentsModule],
  controllers: [TransportRunsController, TransportBookingsController, TransportDriversController],
  providers: [TransportRunsService, TransportBookingsService, BookingDesk, ManifestService, DriverClearances],
  exports: [TransportBookingsService],
})
export class TransportModule {}
