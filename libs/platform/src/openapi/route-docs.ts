import type { ConflictRule } from '@tutti/contracts';

const REQUEST_HEADERS = 'tutti:openapi:request-headers';
const CONFLICT_RULES = 'tutti:openapi:conflict-rules';

/** A request header the platform reads for a route, documented (and its errors listed) by the OpenAPI document. */
export interface DocumentedHeader {
  name: 'If-Match' | 'Idempotency-Key';
  required: boolean;
}

/**
 * A parameter decorator's enhancer (createParamDecorator's second argument): the route that takes
 * the parameter is documented with the header, so that @IfMatchVersion() and @IdempotencyKey() say
 * so in /docs-json without a second decorator beside them.
 */
export function documentsHeader(header: DocumentedHeader) {
  return (target: object, key: string | symbol | undefined): void => {
    if (key === undefined) return;
    const headers = (Reflect.getMetadata(REQUEST_HEADERS, target, key) as DocumentedHeader[] | undefined) ?? [];
    Reflect.defineMetadata(REQUEST_HEADERS, [...headers.filter((known) => known.name !== header.name), header], target, key);
  };
}

export function documentedHeadersOf(prototype: object, methodKey: string): DocumentedHeader[] {
  return (Reflect.getMetadata(REQUEST_HEADERS, prototype, methodKey) as DocumentedHeader[] | undefined) ?? [];
}

/**
 * The rules a route's 409 may name (`conflicts[0].rule`), listed in its documented 409 so that a
 * client knows what to explain: `@ApiConflictRules('not-enough-seats', 'family-seat-limit')`.
 */
export function ApiConflictRules(...rules: [ConflictRule, ...ConflictRule[]]): MethodDecorator {
  return (target, key) => Reflect.defineMetadata(CONFLICT_RULES, rules, target, key);
}

export function conflictRulesOf(prototype: object, methodKey: string): readonly ConflictRule[] {
  return (Reflect.getMetadata(CONFLICT_RULES, prototype, methodKey) as ConflictRule[] | undefined) ?? [];
}
