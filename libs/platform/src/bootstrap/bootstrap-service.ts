import 'reflect-metadata';
import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceName } from '@tutti/contracts';
import type { ServiceConfig } from '../config/service-config';
import { createValidationPipe } from '../errors/validation-pipe';
import { ProblemDetailsFilter, problem } from '../errors/problem-details.filter';
import { clientErrorHandler, frameworkErrors, registerInputGuards } from '../http/input-guards';
import { requestIdOf } from '../logging/request-id';
import { logRequests, PinoNestLogger, serviceLogger } from '../logging/service-logger';
import { setupOpenApi } from '../openapi/openapi';
import { nameServerSpan } from '../tracing/trace-context';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ServiceBootstrapOptions {
  service: ServiceName;
  description: string;
  config: ServiceConfig;
  /** The app's root module, already specialised for this config (e.g. `AppModule.register(config)`). */
  module: Parameters<typeof NestFactory.create>[0];
  /** Mount the service's own /docs and /docs-json (default true); the gateway serves a merged document there. */
  openApi?: boolean;
  /** Runs once the app is built, before it listens: raw Fastify plugins and routes are registered here. */
  configure?: (app: NestFastifyApplication) => Promise<void>;
}

/** Builds a service's Nest application on Fastify with the edge every service shares. */
export async function createServiceApp(options: ServiceBootstrapOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    frameworkErrors,
    clientErrorHandler,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    trustProxy: options.config.trustedProxies,
  });
  const logger = serviceLogger(options.service, options.config.LOG_LEVEL);
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(new PinoNestLogger(logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  registerInputGuards(app, BODY_LIMIT_BYTES);
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  logRequests(app, logger);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    nameServerSpan(request.method, request.routeOptions.url);
    done();
  });
  if (!options.config.runsApi) {
    // A worker replica serves only its health check, so that probes work without exposing the API.
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.url !== '/health') {
        await reply.status(404).header('content-type', 'application/problem+json').send(problem(404, 'This replica runs workers only.'));
      }
    });
  }
  if (options.openApi !== false) setupOpenApi(app, options.service, options.description);
  await options.configure?.(app);
  return app;
}

/** Starts a service and listens; a port already in use is one clear line, not a stack trace. */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<INestApplication> {
  const log = new NestLogger(options.service);
  const app = await createServiceApp(options);
  try {
    await app.listen(options.config.PORT, options.config.HOST);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      exitWith(
        `${options.service}: port ${options.config.PORT} on ${options.config.HOST} is already in use; stop what uses it or set PORT to a free port.`,
      );
    }
    throw error;
  }
  log.log(`${options.service} (${options.config.SERVICE_MODE}) listening on http://${options.config.HOST}:${options.config.PORT}`);
  return app;
}

export function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
