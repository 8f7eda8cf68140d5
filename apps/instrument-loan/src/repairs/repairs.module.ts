import { Module } from '@nestjs/common';
import { InspectionReminder } from './inspection-reminder';
import { RepairsController } from './repairs.controller';
import { RepairsService } from './repairs.service';

@Module({ controllers: [RepairsController], providers: [RepairsService, InspectionReminder] })
export class RepairsModule {}
