import { Module } from '@nestjs/common';
import { MessageOverridesController } from './message-overrides.controller';
import { MessageOverridesService } from './message-overrides.service';

@Module({ controllers: [MessageOverridesController], providers: [MessageOverridesService] })
export class MessageOverridesModule {}
