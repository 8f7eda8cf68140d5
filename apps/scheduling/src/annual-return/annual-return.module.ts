import { Module } from '@nestjs/common';
import { AnnualReturnController } from './annual-return.controller';
import { AnnualReturnService } from './annual-return.service';

@Module({ controllers: [AnnualReturnController], providers: [AnnualReturnService] })
export class AnnualReturnModule {}
