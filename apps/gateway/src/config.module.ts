import { Global, Module, type DynamicModule } from '@nestjs/common';
import { GatewayConfig } from './config';

/** Makes the validated gateway config injectable by its class. */
@Global()
@Module({})
export class GatewayConfigModule {
  static register(config: GatewayConfig): DynamicModule {
    return { module: GatewayConfigModule, providers: [{ provide: GatewayConfig, useValue: config }], exports: [GatewayConfig] };
  }
}
