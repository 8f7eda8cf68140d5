import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES, buildOpenApiDocument, createServiceApp, type ServiceBootstrapOptions } from '@tutti/platform';
import { AppModule } from './app.module';
import { UPSTREAMS, type GatewayConfig } from './config';
import { docsPlugin } from './docs/docs.plugin';
import { IdentityResolver } from './identity';
import { OpenApiAggregator, fetchFromUpstream } from './docs/openapi-aggregator';
import { registerEdgeSecurity } from './edge/security';
import { proxyPlugin } from './proxy/proxy.plugin';
import { Upstreams } from './upstreams/upstreams';
import { webPlugin } from './web/web.plugin';

export const GATEWAY_DESCRIPTION =
  'The one front door of Tutti: programme areas, sign-in and accounts, every service under /api/<service>, the web app, and this merged API description.';

/** Paths the gateway answers itself; the web app's client-side routes never shadow them. */
const GATEWAY_PATHS = ['api', 'docs', 'docs-json', 'health', 'areas', 'auth', 'identity', 'audit-log'];

/** How the gateway is built: the platform's service app without its own /docs, plus the raw Fastify edge. */
export function gatewayBootstrapOptions(config: GatewayConfig): Omit<ServiceBootstrapOptions, 'config'> {
  return {
    service: 'gateway',
    description: GATEWAY_DESCRIPTION,
    module: AppModule.register(config),
    openApi: false,
    configure: (app) => registerGatewayEdge(app, config),
  };
}

/** The gateway, built and ready to listen. */
export function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  return createServiceApp({ ...gatewayBootstrapOptions(config), config });
}

/** The raw Fastify side of the gateway: security headers, the proxy, the merged docs and the web app. */
export async function registerGatewayEdge(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  // @nestjs/platform-fastify pins its own copy of fastify; same API at run time, different types at compile time.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const upstreams = app.get(Upstreams);
  await registerEdgeSecurity(fastify, config);
  const identities = app.get(IdentityResolver);
  await fastify.register(proxyPlugin, {
    upstreams,
    services: UPSTREAMS,
    bodyLimitBytes: BODY_LIMIT_BYTES,
    attachIdentity: (request, service, headers) => identities.attachIdentityToken(request, service, headers),
  });
  const aggregator = new OpenApiAggregator(gatewayDocument(app), UPSTREAMS, fetchFromUpstream(upstreams));
  await fastify.register(docsPlugin, { aggregator });
  await fastify.register(webPlugin, { root: config.WEB_DIST_DIR, reservedPrefixes: GATEWAY_PATHS });
}

function gatewayDocument(app: NestFastifyApplication) {
  return buildOpenApiDocument(app, { title: 'Tutti gateway', description: GATEWAY_DESCRIPTION });
}
