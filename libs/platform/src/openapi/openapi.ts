import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { ACCESS_POLICY, ROLES, type AccessPolicy } from '@tutti/auth';
import { operationIdOf } from './operation-ids';
import { errorResponsesOf, headerParametersOf, problemComponents, type OperationFacts } from './problem-responses';
import { conflictRulesOf, documentedHeadersOf, type DocumentedHeader } from './route-docs';

export const OPENAPI_JSON_PATH = 'docs-json';
/** The one security scheme: the gateway's access token, sent as `Authorization: Bearer …`. */
export const BEARER_SCHEME = 'bearer';

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface OpenApiOptions {
  title: string;
  description: string;
}

/** The service's OpenAPI document, generated from its controllers and DTOs, at /docs and /docs-json. */
export function setupOpenApi(app: INestApplication, service: string, description: string): OpenAPIObject {
  const document = buildOpenApiDocument(app, { title: `Tutti ${service}`, description });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, raw: ['json'] });
  return document;
}

/**
 * The document of an app's Nest routes, completed from what the routes declare so that a client
 * can trust it: operation ids `<verb><Object>` (see operation-ids.ts), security from each route's
 * access policy (`security: []` for a public one), the If-Match and Idempotency-Key headers the
 * platform reads, and every error the route can give as application/problem+json.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1')
    .addBearerAuth(undefined, BEARER_SCHEME)
    .build();
  const handlers = routeHandlers(app);
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  document.info.license = { name: 'Proprietary' };
  const components = (document.components ??= {});
  const problems = problemComponents();
  components.schemas = { ...components.schemas, ...problems.schemas };
  components.responses = { ...components.responses, ...problems.responses };

  for (const item of Object.values(document.paths)) {
    for (const method of OPERATION_KEYS) {
      const operation = item[method];
      if (!operation) continue;
      const handler = handlers.get(operationKey(method, operation.operationId));
      const facts: OperationFacts = handler ? factsOf(method, handler) : { method, headers: [], conflictRules: [] };
      operation.parameters = headerParametersOf(operation, facts.headers);
      if (handler) describeFileResponses(operation, producesOf(handler));
      operation.responses = errorResponsesOf(operation, facts);
      operation.security = facts.access === 'public' ? [] : [{ [BEARER_SCHEME]: [] }];
    }
  }
  const used = JSON.stringify(document.paths);
  for (const name of Object.keys(problems.responses))
    if (!used.includes(`"#/components/responses/${name}"`)) delete components.responses[name];
  return document;
}

interface RouteHandler {
  controller: Type<unknown>;
  methodKey: string;
}

/** Every Nest route handler of the app, by the method and operation id the document gives it. */
function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodKey of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[methodKey];
        if (methodKey === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
          continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const explicit = (Reflect.getMetadata('swagger/apiOperation', handler) as { operationId?: string } | undefined)?.operationId;
        const id = explicit ?? operationIdOf(controller.name, methodKey);
        handlers.set(operationKey(RequestMethod[requestMethod].toLowerCase(), id), { controller, methodKey });
      }
    }
  }
  return handlers;
}

/**
 * A route answering a file (`@ApiProduces('text/csv')`, a PDF, a calendar) has no DTO: its success
 * response is the file, typed as a string (binary for PDFs and images other than SVG).
 */
function describeFileResponses(operation: NonNullable<OpenAPIObject['paths'][string]['get']>, mediaTypes: readonly string[]): void {
  if (mediaTypes.length === 0) return;
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response || !/^2\d\d$/.test(status) || status === '204' || '$ref' in response || response.content) continue;
    response.content = Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: isBinary(type) ? { type: 'string', format: 'binary' } : { type: 'string' } }]),
    );
  }
}

function isBinary(mediaType: string): boolean {
  return mediaType === 'application/pdf' || (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml');
}

function producesOf({ controller, methodKey }: RouteHandler): string[] {
  const handler = (controller.prototype as Record<string, object>)[methodKey];
  return (Reflect.getMetadata(DECORATORS.API_PRODUCES, handler) ??
    Reflect.getMetadata(DECORATORS.API_PRODUCES, controller) ??
    []) as string[];
}

function operationKey(method: string, operationId: string | undefined): string {
  return `${method} ${operationId ?? ''}`;
}

function factsOf(method: string, { controller, methodKey }: RouteHandler): OperationFacts {
  const handler = (controller.prototype as Record<string, object>)[methodKey];
  const policy = (Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, controller)) as
    AccessPolicy | undefined;
  const access =
    policy === undefined ? undefined : policy.kind === 'public' ? 'public' : policy.roles.length >= ROLES.length ? 'signed-in' : 'roles';
  return {
    method,
    access,
    headers: headersOf(controller, methodKey),
    conflictRules: conflictRulesOf(controller.prototype as object, methodKey),
  };
}

/** Headers documented by the platform's parameter decorators, and an If-Match a route reads itself (optional then). */
function headersOf(controller: Type<unknown>, methodKey: string): DocumentedHeader[] {
  const headers = documentedHeadersOf(controller.prototype as object, methodKey);
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodKey) ?? {}) as Record<string, { data?: unknown }>;
  const readsIfMatch = Object.entries(args).some(
    ([key, arg]) => key.startsWith(`${RouteParamtypes.HEADERS}:`) && typeof arg.data === 'string' && arg.data.toLowerCase() === 'if-match',
  );
  if (readsIfMatch && !headers.some((header) => header.name === 'If-Match')) return [...headers, { name: 'If-Match', required: false }];
  return headers;
}
