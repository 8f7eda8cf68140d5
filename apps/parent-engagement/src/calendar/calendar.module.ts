import { Module } from '@nestjs/common';
import { FamiliesModule } from '../families/families.module';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';

@Module({ imports: [FamiliesModule], controllers: [CalendarFeedsController], providers: [CalendarFeedsService] })
export class CalendarModule {}
