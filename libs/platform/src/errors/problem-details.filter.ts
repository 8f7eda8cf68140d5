import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { redactUrl } from '../logging/redact-url';
import type { ProblemDetails } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Postgres errors a client's input can cause, and how they are answered instead of a 500. */
const CLIENT_SQL_ERRORS: Record<string, { status: number; detail: string }> = {
  '23505': { status: 409, detail: 'This would duplicate something that already exists.' },
  '23503': { status: 409, detail: 'This refers to something that does not exist or is still in use.' },
  '22P02': { status: 400, detail: 'A value has the wrong format.' },
  '22007': { status: 400, detail: 'A date or time has the wrong format.' },
  '22008': { status: 400, detail: 'A date or time is out of range.' },
  '22003': { status: 400, detail: 'A number is out of range.' },
  // Backstops: the edge (input-guards) refuses NUL and lone surrogates naming the field, and DTOs bound lengths.
  '22021': { status: 400, detail: 'A text value holds a character that cannot be stored (such as NUL).' },
  '22P05': { status: 400, detail: 'A text value holds a character that cannot be stored (such as NUL).' },
  '22001': { status: 400, detail: 'A text value is longer than allowed.' },
  '54000': { status: 400, detail: 'A value is too large to store or index.' },
};

/**
 * Every error leaves as application/problem+json (RFC 9457). Nothing internal (stack, SQL, class
 * names) reaches the client; unexpected errors are logged with the request id and answered 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, url: redactUrl(request.url) }, 'Unhandled error');
    }
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) void reply.header('retry-after', '5');
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const base = { instance: request.url.split('?')[0], requestId: String(request.id) };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const extensions = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const detail = typeof extensions.detail === 'string' ? extensions.detail : readableMessage(body, status);
      const { message: _message, error: _error, statusCode: _statusCode, ...rest } = extensions;
      return { ...problem(status, detail), ...rest, ...base, detail };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const known = code ? CLIENT_SQL_ERRORS[code] : undefined;
      if (known) return { ...problem(known.status, known.detail), ...base };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        ...problem(HttpStatus.SERVICE_UNAVAILABLE, 'The service is busy or its database is not answering; try again in a few seconds.'),
        ...base,
      };
    }
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { ...problem(fastifyStatus, (exception as Error).message), ...base };
    }
    return {
      ...problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        `Something went wrong on our side. Quote request id ${base.requestId} if you report it.`,
      ),
      ...base,
    };
  }
}

/** The pool could not hand out a connection in time, or Postgres went away: not the client's fault, and passing. */
function isDatabaseUnavailable(exception: unknown): boolean {
  const message = exception instanceof Error ? exception.message : '';
  const code =
    (exception as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (exception as { code?: unknown } | null)?.code;
  return (
    message.includes('timeout exceeded when trying to connect') ||
    message.includes('Connection terminated') ||
    code === 'ECONNREFUSED' ||
    code === '57P01' || // admin_shutdown
    code === '53300' // too_many_connections
  );
}

export function problem(status: number, detail: string): ProblemDetails {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
}

function readableMessage(body: unknown, status: number): string {
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return TITLES[status] ?? 'Error';
}
