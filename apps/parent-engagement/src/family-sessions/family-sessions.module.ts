import { Module } from '@nestjs/common';
import { EngagementFiguresController } from '../engagement-figures/engagement-figures.controller';
import { EngagementFiguresService } from '../engagement-figures/engagement-figures.service';
import { FamiliesModule } from '../families/families.module';
import { RosterModule } from '../roster/roster.module';
import { FamilySessionsController } from './family-sessions.controller';
import { FamilySessionsService } from './family-sessions.service';

@Module({
  imports: [FamiliesModule, RosterModule],
  controllers: [FamilySessionsController, EngagementFiguresController],
  providers: [FamilySessionsService, EngagementFiguresService],
})
export class FamilySessionsModule {}
