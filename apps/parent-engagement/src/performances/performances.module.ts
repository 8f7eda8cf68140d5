import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { TransportModule } from '../transport/transport.module';
import { PerformancesController } from './performances.controller';
import { PerformancesService } from './performances.service';

@Module({
  imports: [TransportModule, RemindersModule],
  controllers: [PerformancesController],
  providers: [PerformancesService],
  exports: [PerformancesService],
})
export class PerformancesModule {}
