import { applyDecorators, NotFoundException, type HttpException, type Type } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiPreconditionFailedResponse, ApiPreconditionRequiredResponse } from '@nestjs/swagger';
import { etagOf, staleEdit, type Queryable } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { currentVersion, type VersionedTable } from './common.queries';

/** Sends the object's version as its ETag, for the If-Match of a later edit. */
export function withETag<T extends { version: number }>(reply: FastifyReply, object: T): T {
  void reply.header('etag', etagOf(object.version));
  return object;
}

/**
 * Why a conditional UPDATE (`… AND version = $expected`) changed nothing, to be thrown: the row is
 * there at another version (412 with its current ETag), or it is gone (404).
 */
export async function refusedEdit(
  manager: Queryable,
  table: VersionedTable,
  tenantId: string,
  key: string,
  what: string,
): Promise<HttpException> {
  const current = await currentVersion(manager, table, tenantId, key);
  return current !== undefined ? staleEdit(what, current) : new NotFoundException(`No such ${what}.`);
}

/** A read answering the ETag that an edit sends back as If-Match. */
export function ApiOkWithETag(type: Type<unknown>): MethodDecorator {
  return ApiOkResponse({
    type,
    headers: { ETag: { description: 'The version read, quoted ("3"): send it as If-Match to edit', schema: { type: 'string' } } },
  });
}

/** An edit two people may make at once: it names the version it was based on. */
export function ApiEditWithIfMatch(what: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: `The ETag of your last read of the ${what} (from GET or from your last edit)`,
    }),
    ApiOkWithETag(type),
    ApiPreconditionRequiredResponse({ description: 'If-Match is missing' }),
    ApiPreconditionFailedResponse({ description: `Someone else changed the ${what} since that read; currentETag names its version now` }),
  );
}
