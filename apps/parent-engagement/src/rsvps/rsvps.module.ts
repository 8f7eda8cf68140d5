import { Module } from '@nestjs/common';
import { FamiliesModule } from '../families/families.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RsvpsController } from './rsvps.controller';
import { RsvpsService } from './rsvps.service';

@Module({ imports: [FamiliesModule, RemindersModule], controllers: [RsvpsController], providers: [RsvpsService] })
export class RsvpsModule {}
