import { testServiceConfig } from '@tutti/testing';
import { GatewayConfig } from '../config';

/** An upstream nobody answers at (the discard port): a spec that does not go through the proxy. */
export const NOWHERE = 'http://127.0.0.1:9';

/**
 * The whole gateway's config on the test servers (for createGatewayApp): every upstream service
 * NOWHERE and no web build, unless `overrides` say otherwise; errors only in the log.
 */
export function gatewayTestConfig(overrides: Record<string, string> = {}): Promise<GatewayConfig> {
  return testServiceConfig('gateway', GatewayConfig, {
    LOG_LEVEL: 'error',
    PERFORMANCE_EVENT_URL: NOWHERE,
    INSTRUMENT_LOAN_URL: NOWHERE,
    SCHEDULING_URL: NOWHERE,
    PARENT_ENGAGEMENT_URL: NOWHERE,
    WEB_DIST_DIR: '/nonexistent/tutti-web',
    ...overrides,
  });
}
