import type { OpenAPIObject } from '@nestjs/swagger';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;
type Components = NonNullable<OpenAPIObject['components']>;
type Tag = NonNullable<OpenAPIObject['tags']>[number];
type SecurityRequirement = NonNullable<OpenAPIObject['security']>[number];

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks'] as const;
const LOCAL_REF = /^#\/components\/([^/]+)\/(.+)$/;
/** The gateway's own operations are named like a service's: `gateway.signIn`. */
const GATEWAY = 'gateway';

export interface ServiceDocument {
  service: string;
  document: OpenAPIObject;
}

export interface MergeInput {
  /** The gateway's own document; its paths and component names are kept as they are. */
  gateway: OpenAPIObject;
  services: ServiceDocument[];
  /** Services whose document could not be fetched, named in the description. */
  unavailable: string[];
}

/**
 * One document for the whole API as the gateway serves it: each service's paths under
 * `/api/<service>`, its tags and operation ids prefixed with the service name (the gateway's own
 * ids with `gateway`), and its components
 * renamed `<service>.<Name>` (every `$ref` rewritten) so that two services' `PageDto` never clash.
 */
export function mergeOpenApi({ gateway, services, unavailable }: MergeInput): OpenAPIObject & { 'x-unavailable-services': string[] } {
  const components: Components = cloneJson(gateway.components ?? {});
  const paths: OpenAPIObject['paths'] = cloneJson(gateway.paths);
  for (const item of Object.values(paths)) {
    for (const key of OPERATION_KEYS) {
      const operation = item[key];
      if (operation?.operationId) operation.operationId = `${GATEWAY}.${operation.operationId}`;
    }
  }
  const tags: Tag[] = cloneJson(gateway.tags ?? []);
  const declared = new Set(tags.map((tag) => tag.name));
  const declareUsedTags = (item: PathItem) => {
    for (const key of OPERATION_KEYS) {
      for (const tag of item[key]?.tags ?? []) {
        if (!declared.has(tag)) tags.push({ name: tag });
        declared.add(tag);
      }
    }
  };
  Object.values(paths).forEach(declareUsedTags);

  for (const { service, document } of services) {
    const renamedSchemes = mergeSecuritySchemes(components, service, document.components?.securitySchemes ?? {});
    const inService = rewriteRefs(document, service);

    for (const kind of COMPONENT_KINDS) {
      const own = inService.components?.[kind];
      if (!own) continue;
      const target: Record<string, unknown> = (components[kind] ??= {});
      for (const [name, value] of Object.entries(own)) target[`${service}.${name}`] = value;
    }

    for (const tag of inService.tags ?? []) {
      const name = tagOf(service, tag.name);
      if (!declared.has(name)) tags.push({ ...tag, name });
      declared.add(name);
    }
    for (const [path, item] of Object.entries(inService.paths)) {
      const prefixed = { ...item };
      delete prefixed.servers;
      for (const key of OPERATION_KEYS) {
        const operation = item[key];
        if (operation) prefixed[key] = prefixOperation(operation, service, inService.security, renamedSchemes);
      }
      declareUsedTags(prefixed);
      paths[`/api/${service}${path}`] = prefixed;
    }
  }

  const note = unavailable.length > 0 ? `\n\nNot available right now, so missing below: ${unavailable.join(', ')}.` : '';
  return {
    openapi: gateway.openapi,
    info: { ...gateway.info, title: 'Tutti API', description: `${gateway.info.description ?? ''}${note}`.trim() },
    // Every path is the gateway's, wherever the document is read from.
    servers: [{ url: '/', description: 'This gateway' }],
    ...(gateway.security ? { security: gateway.security } : {}),
    tags,
    paths,
    components,
    'x-unavailable-services': unavailable,
  };
}

export function tagOf(service: string, tag: string): string {
  return `${service}: ${tag}`;
}

function prefixOperation(
  operation: Operation,
  service: string,
  serviceSecurity: SecurityRequirement[] | undefined,
  renamedSchemes: Map<string, string>,
): Operation {
  const security = operation.security ?? serviceSecurity;
  return {
    ...operation,
    tags: operation.tags && operation.tags.length > 0 ? operation.tags.map((tag) => tagOf(service, tag)) : [service],
    ...(operation.operationId ? { operationId: `${service}.${operation.operationId}` } : {}),
    ...(security ? { security: security.map((requirement) => renameKeys(requirement, renamedSchemes)) } : {}),
  };
}

/**
 * Security schemes are shared by name (every service declares the same `bearer`); a service whose
 * scheme differs from one already there gets its own `<service>.<name>`, returned as renames.
 */
function mergeSecuritySchemes(
  components: Components,
  service: string,
  schemes: NonNullable<Components['securitySchemes']>,
): Map<string, string> {
  const renamed = new Map<string, string>();
  const target = (components.securitySchemes ??= {});
  for (const [name, scheme] of Object.entries(schemes)) {
    if (target[name] === undefined || canonicalJson(target[name]) === canonicalJson(scheme)) {
      target[name] = scheme;
    } else {
      renamed.set(name, `${service}.${name}`);
      target[`${service}.${name}`] = scheme;
    }
  }
  return renamed;
}

function renameKeys(requirement: SecurityRequirement, renames: Map<string, string>): SecurityRequirement {
  if (renames.size === 0) return requirement;
  return Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [renames.get(name) ?? name, scopes]));
}

/** A deep copy of `value` with every local component reference (and discriminator mapping) namespaced. */
export function rewriteRefs<T>(value: T, service: string): T {
  return rewrite(value, service) as T;
}

function rewrite(value: unknown, service: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, service));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') copy[key] = namespacedRef(child, service);
    else if (key === 'discriminator' && isDiscriminator(child))
      copy[key] = { ...child, mapping: namespacedMapping(child.mapping, service) };
    else copy[key] = rewrite(child, service);
  }
  return copy;
}

function namespacedRef(ref: string, service: string): string {
  const match = LOCAL_REF.exec(ref);
  // Names in a pointer are escaped (`~1` for `/`); a service name has neither `/` nor `~`, so prefixing the escaped form is exact.
  return match ? `#/components/${match[1]}/${service}.${match[2]}` : ref;
}

/** Mapping values are references or, in OpenAPI's shorthand, bare schema names. */
function namespacedMapping(mapping: Record<string, string>, service: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).map(([value, target]) => [
      value,
      /[#/]/.test(target) ? namespacedRef(target, service) : `${service}.${target}`,
    ]),
  );
}

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** JSON with keys sorted, so that two equal objects compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, child: unknown) =>
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? Object.fromEntries(Object.entries(child).sort(([a], [b]) => a.localeCompare(b)))
      : child,
  );
}

function isDiscriminator(value: unknown): value is { propertyName: string; mapping: Record<string, string> } {
  if (typeof value !== 'object' || value === null || typeof (value as { propertyName?: unknown }).propertyName !== 'string') return false;
  const mapping = (value as { mapping?: unknown }).mapping;
  return typeof mapping === 'object' && mapping !== null && Object.values(mapping).every((target) => typeof target === 'string');
}
