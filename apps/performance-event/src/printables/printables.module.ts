import { Module } from '@nestjs/common';
import { PrintablesController } from './printables.controller';
import { PrintablesService } from './printables.service';

@Module({ controllers: [PrintablesController], providers: [PrintablesService] })
export class PrintablesModule {}
