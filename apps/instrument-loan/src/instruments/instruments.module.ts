import { Module } from '@nestjs/common';
import { InstrumentImportService } from './instrument-import.service';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';

@Module({
  controllers: [InstrumentsController],
  providers: [InstrumentsService, InstrumentImportService],
  exports: [InstrumentsService],
})
export class InstrumentsModule {}
