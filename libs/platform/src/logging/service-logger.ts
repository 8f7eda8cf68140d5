import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { redactUrl } from './redact-url';

/** A service's structured JSON log (pino), at the configured level; to stdout unless told. */
export function serviceLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ name: service, level }, destination) : pino({ name: service, level });
}

/**
 * One line per request once its answer has gone: request id, method, URL (secrets redacted), status,
 * tenant and duration. Written by the root logger from a Fastify hook, not by a per-request child logger kept
 * in async context (nestjs-pino and pino-http), which cost the booking path about a tenth of its
 * CPU. A line logged while handling a request names the request id itself where it matters (see
 * ProblemDetailsFilter).
 */
export function logRequests(app: NestFastifyApplication, logger: Logger): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      if (request.url !== '/health') {
        const statusCode = reply.statusCode;
        const line = {
          req: { id: request.id, method: request.method, url: redactUrl(request.url) },
          res: { statusCode },
          tenantId: (request.raw as { tenantId?: string }).tenantId,
          responseTime: Math.round(reply.elapsedTime),
        };
        if (statusCode >= 500) logger.error(line, 'request failed');
        else logger.info(line, 'request completed');
      }
      done();
    });
}

const LEVELS: Record<NestLogLevel, Level> = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' };

/**
 * Nest's logger (`new Logger('Context').log(…)`) writing to the service's pino log. Nest passes the
 * context as the last argument; an object first is merged into the line (an Error becomes `err`).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(nestLevel: NestLogLevel, message: unknown, rest: unknown[]) {
    const level = LEVELS[nestLevel];
    if (!this.logger.isLevelEnabled(level)) return;
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const extras = context === undefined ? rest : rest.slice(0, -1);
    const fields: Record<string, unknown> = { context };
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    // Nest's own errors come as (message, stack, context).
    const stack = extras[0];
    if (nestLevel === 'error' && typeof message === 'string' && typeof stack === 'string' && stack.includes('\n    at ')) {
      fields.err = Object.assign(new Error(message), { stack });
    }
    const text = typeof message === 'string' ? message : extras.find((extra): extra is string => typeof extra === 'string');
    this.logger[level](fields, text ?? '');
  }
}
