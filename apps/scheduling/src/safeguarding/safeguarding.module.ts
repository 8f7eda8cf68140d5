import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { SafeguardingController } from './safeguarding.controller';
import { SafeguardingFlags } from './safeguarding-flags';
import { SafeguardingService } from './safeguarding.service';

@Module({ imports: [StaffModule], controllers: [SafeguardingController], providers: [SafeguardingService, SafeguardingFlags] })
export class SafeguardingModule {}
