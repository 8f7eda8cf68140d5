import { runService } from '@tutti/platform';
import { GatewayConfig } from './config';
import { gatewayBootstrapOptions } from './gateway-app';

void runService(GatewayConfig, gatewayBootstrapOptions);
