import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Socket } from 'node:net';
import { describeFieldErrors, ValidationProblem, type FieldError } from '../errors/problem';
import { problem } from '../errors/problem-details.filter';

/** How deep a JSON body may nest; no Tutti body needs more than a handful of levels. */
export const MAX_JSON_DEPTH = 32;

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A NUL, or a UTF-16 surrogate (lone ones are refused; LONE_SURROGATE tells them from pairs). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const SUSPECT_CHARACTER = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Input no handler should ever see, refused at the edge with a 400 naming the field: JSON nested
 * deeper than MAX_JSON_DEPTH (the validation pipe recurses, and would overflow the stack), and NUL
 * characters or lone surrogates in any string of the body, the query or the path (PostgreSQL cannot
 * store a NUL, and a lone surrogate is not text). Registered on the root instance before any route;
 * Nest's own body parsers are off (`bodyParser: false`), JSON being the only body Tutti takes.
 */
export function registerInputGuards(app: NestFastifyApplication, bodyLimitBytes: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: bodyLimitBytes }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) return done(bodyProblem('json', 'body must be a JSON value; it is empty'), undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
      return done(bodyProblem('maxDepth', `body must not nest deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    parseJson(request, text, (error, parsed) => {
      if (error) return done(bodyProblem('json', 'body must be valid JSON'), undefined);
      // Only an escape (\u0000, \ud800) can put a NUL or a surrogate in parsed JSON, so most bodies skip the walk.
      const found = text.includes('\\u') ? suspectStrings(parsed, '') : [];
      done(found.length > 0 ? new ValidationProblem(found) : null, parsed);
    });
  });
  fastify.addHook('preValidation', (request, reply, done) => {
    const found = [...suspectStrings(request.query, ''), ...suspectStrings(request.params, '', 'path')];
    if (found.length === 0) return done();
    void sendProblem(request, reply, { ...problem(400, describeFieldErrors(found)), errors: found });
  });
}

/** True when the JSON text nests deeper than `limit`; one pass over the text, strings skipped. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Field errors for every string (key or value) holding a NUL or a lone surrogate, named as the validation pipe names fields. */
export function suspectStrings(value: unknown, path: string, wildcardName = 'body'): FieldError[] {
  if (typeof value === 'string') return hasSuspectCharacter(value) ? [suspectError(path || wildcardName, value)] : [];
  if (typeof value !== 'object' || value === null) return [];
  const errors: FieldError[] = [];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const field = Array.isArray(value) ? `${path || wildcardName}[${key}]` : key === '*' ? wildcardName : path ? `${path}.${key}` : key;
    if (hasSuspectCharacter(key)) errors.push(suspectError(field, key));
    else errors.push(...suspectStrings(item, field, wildcardName));
  }
  return errors;
}

function hasSuspectCharacter(text: string): boolean {
  if (!SUSPECT_CHARACTER.test(text)) return false;
  if (text.includes('\u0000')) return true;
  return LONE_SURROGATE.test(text);
}

function suspectError(field: string, text: string): FieldError {
  return text.includes('\u0000')
    ? { field, rule: 'noNul', message: `${field} must not contain a NUL character` }
    : { field, rule: 'wellFormed', message: `${field} must be well-formed text (it holds a lone UTF-16 surrogate)` };
}

function bodyProblem(rule: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field: 'body', rule, message }]);
}

/** What is used of Fastify's request and reply (two copies of Fastify's types are installed: Nest's and the gateway's). */
interface EdgeRequest {
  url: string;
  id: unknown;
}
interface EdgeReply {
  code(status: number): EdgeReply;
  header(name: string, value: string): EdgeReply;
  send(payload?: unknown): unknown;
}

function sendProblem(request: EdgeRequest, reply: EdgeReply, body: ReturnType<typeof problem>): unknown {
  return reply
    .code(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance: request.url.split('?')[0], requestId: String(request.id) }));
}

/**
 * Fastify's own refusals before routing, as problem+json instead of its default JSON: a path that
 * is not valid percent-encoding (400 naming `path`) and a path parameter over the length limit (414).
 */
export function frameworkErrors(error: Error & { statusCode?: number; code?: string }, request: EdgeRequest, reply: EdgeReply): void {
  const status = error.statusCode ?? 400;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(request, reply, problem(414, 'The path is longer than this API accepts (an id is at most 100 characters).'));
  } else if (status === 400) {
    const errors = [{ field: 'path', rule: 'url', message: 'path must be valid percent-encoded UTF-8' }];
    void sendProblem(request, reply, { ...problem(400, 'The request path is not a valid URL.'), errors });
  } else {
    void sendProblem(request, reply, problem(status, error.message));
  }
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    detail: 'The request line and headers are larger than this API accepts (16 KB); shorten the query string.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', detail: 'The request took too long to arrive.' },
};

/**
 * Node's refusals of a request it could not parse (a query string or headers over 16 KB: 431), as
 * problem+json: Fastify's default handler writes its own JSON shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code && CLIENT_ERRORS[error.code]) || {
    status: 400,
    reason: 'Bad Request',
    detail: 'The request could not be parsed as HTTP.',
  };
  const body = JSON.stringify({ ...problem(known.status, known.detail), title: known.reason });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
