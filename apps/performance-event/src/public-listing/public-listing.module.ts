import { Module } from '@nestjs/common';
import { PublicCalendarController } from './public-calendar.controller';
import { PublicListingController } from './public-listing.controller';
import { PublicListingService } from './public-listing.service';

@Module({
  controllers: [PublicListingController, PublicCalendarController],
  providers: [PublicListingService],
})
export class PublicListingModule {}
