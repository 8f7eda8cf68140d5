import { Module } from '@nestjs/common';
import { RunningOrderController } from './running-order.controller';
import { RunningOrderService } from './running-order.service';

@Module({ controllers: [RunningOrderController], providers: [RunningOrderService] })
export class RunningOrderModule {}
