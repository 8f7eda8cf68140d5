import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Performance } from '../performances/performance.entity';
import { PublicListingController } from './public-listing.controller';
import { PublicListingService } from './public-listing.service';

@Module({
  imports: [TypeOrmModule.forFeature([Performance])],
  controllers: [PublicListingController],
  providers: [PublicListingService],
})
export class PublicListingModule {}
