import { Module } from '@nestjs/common';
import { MessageOverridesController } from './message-overrides.controller';
import { MessageOverridesService } from './message-overrides.service';
import { MessageSettingsController } from './message-settings.controller';

@Module({ controllers: [MessageOverridesController, MessageSettingsController], providers: [MessageOverridesService] })
export class MessageOverridesModule {}
