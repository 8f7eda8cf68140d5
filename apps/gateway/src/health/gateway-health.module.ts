import { Module } from '@nestjs/common';
import { GatewayHealthController } from './gateway-health.controller';
import { UpstreamHealth } from './upstream-health';

@Module({
  controllers: [GatewayHealthController],
  providers: [UpstreamHealth],
})
export class GatewayHealthModule {}
