import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemDetailsFilter, ProblemException } from '@tutti/platform';

/** 429 with how long to wait; `TooManyAttemptsFilter` turns `retryAfterSeconds` into a Retry-After header. */
export class TooManyAttempts extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, detail, { retryAfterSeconds });
  }
}

@Catch(TooManyAttempts)
export class TooManyAttemptsFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: TooManyAttempts, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(exception.retryAfterSeconds));
    this.problems.catch(exception, host);
  }
}
