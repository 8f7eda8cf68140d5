import { Module } from '@nestjs/common';
import { IncomingPupilsController } from './incoming-pupils.controller';
import { IncomingPupilsService } from './incoming-pupils.service';

@Module({ controllers: [IncomingPupilsController], providers: [IncomingPupilsService] })
export class IncomingPupilsModule {}
