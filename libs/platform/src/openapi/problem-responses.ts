import type { OpenAPIObject } from '@nestjs/swagger';
import { CONFLICT_RULES, type ConflictRule } from '@tutti/contracts';
import type { DocumentedHeader } from './route-docs';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
type SchemaObject = Record<string, unknown>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/ProblemDetails';

/** RFC 9457 problem details as ProblemDetailsFilter and the edge write them (see errors/problem.ts). */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An error, as every Tutti route answers one (RFC 9457).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', example: 'about:blank' },
    title: { type: 'string', example: 'Conflict' },
    status: { type: 'integer', example: 409 },
    detail: { type: 'string', description: 'What went wrong, in words a person can act on' },
    instance: { type: 'string', description: 'The path asked for' },
    requestId: { type: 'string', description: 'Quote it when reporting a problem' },
    errors: {
      type: 'array',
      description: 'For a 400: each field that broke a rule',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', example: 'email' },
          rule: { type: 'string', example: 'isEmail' },
          message: { type: 'string' },
        },
      },
    },
    conflicts: {
      type: 'array',
      description: 'For a 409: what the request clashes with; where the route names rules, `rule` says which',
      items: { type: 'object', properties: { rule: { type: 'string' } }, additionalProperties: true },
    },
    currentETag: { type: 'string', description: 'For a 412: the version the object is at now', example: '"4"' },
  },
  additionalProperties: true,
};

/** The standard error responses, each a component (`#/components/responses/NotFound`) that routes refer to. */
const PROBLEMS: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is malformed or a field breaks a rule (`errors` names each field)' },
  401: { name: 'Unauthorized', description: 'Not signed in, or the sign-in has expired' },
  403: { name: 'Forbidden', description: 'Your role does not allow this' },
  404: { name: 'NotFound', description: 'No such object, or not one you may see' },
  409: { name: 'Conflict', description: 'The request clashes with the current state (`conflicts` says with what)' },
  412: {
    name: 'PreconditionFailed',
    description: 'Someone else changed the object since the ETag sent in If-Match (`currentETag` names its version now)',
  },
  413: { name: 'ContentTooLarge', description: 'The body is larger than this API accepts (1 MiB)' },
  414: { name: 'UriTooLong', description: 'The path is longer than this API accepts' },
  422: { name: 'IdempotencyKeyReused', description: 'This Idempotency-Key was already used for a different request' },
  428: { name: 'PreconditionRequired', description: 'If-Match is required: send the ETag of your last read' },
  431: { name: 'HeaderFieldsTooLarge', description: 'The request line and headers are larger than this API accepts (16 KB)' },
};

/** The components the error responses refer to: the ProblemDetails schema and one response per standard status. */
export function problemComponents(): {
  schemas: Record<string, SchemaObject>;
  responses: Record<string, { description: string; content: ReturnType<typeof problemContent> }>;
} {
  return {
    schemas: { ProblemDetails: PROBLEM_DETAILS_SCHEMA },
    responses: Object.fromEntries(
      Object.values(PROBLEMS).map(({ name, description }) => [name, { description, content: problemContent() }]),
    ),
  };
}

export interface OperationFacts {
  method: string;
  /** Undefined when the route declares no policy (it is refused at run time). */
  access?: 'public' | 'signed-in' | 'roles';
  headers: readonly DocumentedHeader[];
  conflictRules: readonly ConflictRule[];
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

function problemContent(schema: SchemaObject = { $ref: PROBLEM_REF }) {
  return { [PROBLEM_CONTENT_TYPE]: { schema } };
}

/**
 * The error responses a route can give, from what it takes and who may call it: 400 for any
 * input, 401 unless public, 403 for a role-limited route, 404 for a path naming an object, 409 for
 * a signed-in write (the database's uniqueness and reference checks answer 409 on any of them),
 * 412/428 with If-Match, 413 with a body, 414 with a path parameter, 422 with Idempotency-Key, 431
 * everywhere. A response the route declares itself keeps its description and gets the schema.
 */
export function errorResponsesOf(operation: Operation, facts: OperationFacts): Responses {
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const statuses = new Set<number>([431]);
  if (parameters.length > 0 || operation.requestBody) statuses.add(400);
  if (facts.access !== 'public') statuses.add(401);
  if (facts.access === 'roles' || facts.access === undefined) statuses.add(403);
  if (parameters.some((parameter) => parameter.in === 'path')) statuses.add(404).add(414);
  if (operation.requestBody) statuses.add(413);
  if ((WRITES.has(facts.method) && facts.access !== 'public') || facts.conflictRules.length > 0) statuses.add(409);
  for (const header of facts.headers) {
    if (header.name === 'If-Match') statuses.add(412);
    if (header.name === 'If-Match' && header.required) statuses.add(428);
    if (header.name === 'Idempotency-Key') statuses.add(422);
  }
  for (const status of Object.keys(operation.responses)) if (/^4\d\d$/.test(status)) statuses.add(Number(status));

  const responses: Responses = { ...operation.responses };
  for (const status of [...statuses].sort()) {
    const declared = (operation.responses[String(status)] as { description?: string } | undefined)?.description;
    const standard = PROBLEMS[status];
    if (status === 409 && facts.conflictRules.length > 0) {
      responses['409'] = {
        description: conflictDescription(facts.conflictRules),
        content: problemContent(conflictSchema(facts.conflictRules)),
      };
    } else if (standard && (!declared || declared === standard.description)) {
      responses[String(status)] = { $ref: `#/components/responses/${standard.name}` };
    } else {
      responses[String(status)] = { description: declared || 'The request was refused', content: problemContent() };
    }
  }
  return responses;
}

function conflictDescription(rules: readonly ConflictRule[]): string {
  return `${PROBLEMS[409].description}. \`conflicts[0].rule\` is one of:\n${rules.map((rule) => `- \`${rule}\`: ${CONFLICT_RULES[rule]}`).join('\n')}`;
}

function conflictSchema(rules: readonly ConflictRule[]): SchemaObject {
  return {
    allOf: [
      { $ref: PROBLEM_REF },
      {
        type: 'object',
        properties: {
          conflicts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['rule'],
              properties: { rule: { type: 'string', enum: [...rules] } },
              additionalProperties: true,
            },
          },
        },
      },
    ],
  };
}

/** The header parameters the platform reads, added where the route does not declare them itself. */
export function headerParametersOf(operation: Operation, headers: readonly DocumentedHeader[]): Operation['parameters'] {
  const parameters = [...(operation.parameters ?? [])];
  for (const header of headers) {
    const declared = parameters.findIndex(
      (parameter) => 'in' in parameter && parameter.in === 'header' && parameter.name.toLowerCase() === header.name.toLowerCase(),
    );
    const documented = {
      name: header.name,
      in: 'header' as const,
      required: header.required,
      description: HEADER_DESCRIPTIONS[header.name],
      schema: { type: 'string' as const },
    };
    if (declared === -1) parameters.push(documented);
    else parameters[declared] = { ...documented, ...parameters[declared], required: header.required };
  }
  return parameters;
}

const HEADER_DESCRIPTIONS: Record<DocumentedHeader['name'], string> = {
  'If-Match': 'The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten',
  'Idempotency-Key':
    'Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice',
};
