import { Module } from '@nestjs/common';
import { FamiliesModule } from '../families/families.module';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

@Module({ imports: [FamiliesModule], controllers: [ConsentsController], providers: [ConsentsService], exports: [ConsentsService] })
export class ConsentsModule {}
