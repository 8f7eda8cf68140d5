import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { RosterModule } from '../roster/roster.module';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';

@Module({
  imports: [RemindersModule, RosterModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService],
  exports: [AnnouncementsService],
})
export class AnnouncementsModule {}
