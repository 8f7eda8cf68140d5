import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Performance } from '../performances/performance.entity';
import { PublicCalendarController } from './public-calendar.controller';
import { PublicListingController } from './public-listing.controller';
import { PublicListingService } from './public-listing.service';

@Module({
  imports: [TypeOrmModule.forFeature([Performance])],
  controllers: [PublicListingController, PublicCalendarController],
  providers: [PublicListingService],
})
export class PublicListingModule {}
