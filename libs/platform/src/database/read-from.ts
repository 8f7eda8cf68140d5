import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, tap } from 'rxjs';
import { readSources } from './report-reader';

/** The response header naming the database a report route's reads came from: `replica` or `primary`. */
export const READ_FROM_HEADER = 'x-read-from';

/**
 * Answers `X-Read-From: replica|primary` on a route whose reads go through ReportReader.read: `primary`
 * when any of them read the primary (no replica configured, or it lagged past REPLICA_MAX_LAG_MS, or
 * failed). Not declared in the OpenAPI document: it is for operators and tests, not for clients to act on.
 */
@Injectable()
export class ReadFromHeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const store: { source?: 'replica' | 'primary' } = {};
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return new Observable((subscriber) =>
      readSources.run(store, () =>
        next
          .handle()
          .pipe(
            tap(() => {
              if (store.source) reply.header(READ_FROM_HEADER, store.source);
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

/** On a read-only report or export route (controller or method): see ReadFromHeaderInterceptor. */
export const ReportRoute = (): MethodDecorator & ClassDecorator => UseInterceptors(ReadFromHeaderInterceptor);
