import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '@tutti/platform';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Sends an RFC 9457 problem from a raw Fastify route (Nest's exception filter does not see these). */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const body = { ...problem(status, detail), ...extensions, instance: request.url.split('?')[0], requestId: String(request.id) };
  return reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** A short, safe reason for logs: the error code, never a stack or a body. */
export function reasonOf(error: unknown): string {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  return typeof message === 'string' ? message : String(error);
}
