import { applyDecorators, NotFoundException, type HttpException, type Type } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiPreconditionFailedResponse, ApiPreconditionRequiredResponse } from '@nestjs/swagger';
import { etagOf, oneRow, staleEdit } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import type { EntityManager } from 'typeorm';

/** The tables whose rows carry a version for If-Match, each with the column naming one row of a tenant. */
const ROW_KEY = {
  schools: 'id',
  classes: 'id',
  pupils: 'id',
  staff: 'id',
  rooms: 'id',
  ensembles: 'id',
  occurrences: 'id',
  lesson_plans: 'id',
  exam_entries: 'id',
  rehearsal_notes: 'occurrence_id',
} as const;

export type VersionedTable = keyof typeof ROW_KEY;

/** Sends the object's version as its ETag, for the If-Match of a later edit. */
export function withETag<T extends { version: number }>(reply: FastifyReply, object: T): T {
  void reply.header('etag', etagOf(object.version));
  return object;
}

/**
 * Why a conditional UPDATE (`… AND version = $expected`) changed nothing, to be thrown: the row is
 * there at another version (412 with its current ETag), or it is gone (404).
 */
export async function refusedEdit(manager: Pick<EntityManager, 'query'>, table: VersionedTable, tenantId: string, key: string, what: string): Promise<HttpException> {
  const current = await oneRow<{ version: number }>(manager, `SELECT version FROM ${table} WHERE tenant_id = $1 AND ${ROW_KEY[table]} = $2`, [tenantId, key]);
  return current ? staleEdit(what, current.version) : new NotFoundException(`No such ${what}.`);
}

/** A read answering the ETag that an edit sends back as If-Match. */
export function ApiOkWithETag(type: Type<unknown>): MethodDecorator {
  return ApiOkResponse({ type, headers: { ETag: { description: 'The version read, quoted ("3"): send it as If-Match to edit', schema: { type: 'string' } } } });
}

/** An edit two people may make at once: it names the version it was based on. */
export function ApiEditWithIfMatch(what: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: true, description: `The ETag of your last read of the ${what} (from GET or from your last edit)` }),
    ApiOkWithETag(type),
    ApiPreconditionRequiredResponse({ description: 'If-Match is missing' }),
    ApiPreconditionFailedResponse({ description: `Someone else changed the ${what} since that read; currentETag names its version now` }),
  );
}
