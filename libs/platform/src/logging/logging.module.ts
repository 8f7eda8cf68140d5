import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceConfig } from '../config/service-config';

export const REQUEST_ID_HEADER = 'x-request-id';

/** The request id a caller (or the gateway) sent, or a new one; echoed back on the response. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : uuidv7();
}

/** Structured JSON logs: one line per request with request id, tenant and duration. */
export function loggingModule(service: string, config: ServiceConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: config.LOG_LEVEL,
      genReqId: (request) => (request as IncomingMessage & { id?: string }).id ?? requestIdOf(request),
      customProps: (request) => ({ tenantId: (request as IncomingMessage & { tenantId?: string }).tenantId }),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tutti-identity"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (request) => request.url === '/health' },
    },
  });
}
