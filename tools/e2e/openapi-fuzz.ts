/**
 * A schema-driven fuzzer for the running system: walks every operation of the gateway's merged
 * OpenAPI document (so a new route is covered without anyone listing it) and sends, as a caller
 * the route lets in, the classes of bad input a client can send. What it checks of each answer:
 * never a 5xx, every 4xx as application/problem+json, every 400 naming at least one field.
 */
import { randomUUID } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: Json[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  minLength?: number;
  example?: Json;
  nullable?: boolean;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A caller the fuzzer may act as: a role's name and a way to get (or renew) its access token. */
export interface FuzzCaller {
  role: string;
  signIn(): Promise<string>;
}

export interface FuzzFinding {
  operation: string;
  case: string;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  operations: number;
  requests: number;
  statuses: Record<number, number>;
  /** How the schema-built, valid-looking bodies fared: many 2xx means the bad-input cases reached the services' own code. */
  validLookingStatuses: Record<number, number>;
  /** The 400s of valid-looking bodies, field by field, to show where the samples fall short. */
  validLookingRefusals: string[];
  /** How many operations were fuzzed as each role (the first that was not refused), or as nobody. */
  callers: Record<string, number>;
  /** Operations fuzzed a second time as each `alsoAs` role. */
  alsoFuzzedAs: Record<string, number>;
  /** Operations every caller was refused (401/403) on a benign request: fuzzed anonymously. */
  refusedEveryone: string[];
  findings: FuzzFinding[];
  ms: number;
}

interface FuzzCase {
  label: string;
  method: string;
  path: string;
  /** Raw JSON text, sent as application/json; undefined sends no body. */
  body?: string;
  headers?: Record<string, string>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DATE = '2026-03-04';
const DATE_TIME = '2026-03-04T18:00:00Z';
const IMPOSSIBLE_DATE = '2026-02-30';
const IMPOSSIBLE_DATE_TIME = '2026-02-30T18:00:00Z';
/** A lone high surrogate, percent-encoded as the UTF-8 a careless client would send (not valid UTF-8). */
const LONE_SURROGATE_IN_URL = '%ED%A0%80';
const HUGE_STRING = 'x'.repeat(100_000);
const HUGE_NUMBERS: [string, number][] = [
  ['1e308', 1e308],
  ['-1', -1],
  ['2^53+1', 2 ** 53 + 1],
];
const GARBAGE_CURSORS = [
  'garbage!',
  Buffer.from('["x"]').toString('base64url'),
  Buffer.from('["99999-01-01T00:00:00Z","x"]').toString('base64url'),
  Buffer.from(`["${IMPOSSIBLE_DATE}","${randomUUID()}"]`).toString('base64url'),
  Buffer.from(`[1e308,"a","${randomUUID()}"]`).toString('base64url'),
];
/** At most this many properties or parameters get their own wrong-type case, so that a wide DTO does not dominate the run. */
const MAX_FIELD_CASES = 12;

/** Fuzzes every operation of `document` against the gateway at `baseUrl`. */
export async function fuzzOpenApi(options: {
  baseUrl: string;
  document: OpenApiDocument;
  /** Tried in order; each operation is fuzzed as the first not refused. */
  callers: FuzzCaller[];
  /** Roles (of `callers`) that each operation is fuzzed as too, when they are let in. */
  alsoAs?: string[];
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<FuzzReport> {
  const started = Date.now();
  const { baseUrl, document } = options;
  const log = options.log ?? (() => undefined);
  const report: FuzzReport = {
    operations: 0,
    requests: 0,
    statuses: {},
    validLookingStatuses: {},
    validLookingRefusals: [],
    callers: {},
    alsoFuzzedAs: {},
    refusedEveryone: [],
    findings: [],
    ms: 0,
  };
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (caller: FuzzCaller, renew = false) => {
    const current = tokens.get(caller.role);
    // A renewal that fails (the fuzzed sign-in route may be rate-limiting this address by then) keeps the old token.
    if (!current) tokens.set(caller.role, caller.signIn());
    else if (renew)
      tokens.set(
        caller.role,
        caller.signIn().catch(() => current),
      );
    return tokens.get(caller.role) as Promise<string>;
  };
  const existingIds = new Map<string, Promise<string | null>>();

  const send = async (
    caller: FuzzCaller | null,
    fuzzCase: Pick<FuzzCase, 'method' | 'path' | 'body' | 'headers'>,
  ): Promise<{ status: number; type: string; text: string }> => {
    const attempt = async (renew: boolean) => {
      const headers: Record<string, string> = { accept: 'application/json', ...fuzzCase.headers };
      if (caller) headers.authorization = `Bearer ${await tokenOf(caller, renew)}`;
      if (fuzzCase.body !== undefined) headers['content-type'] = 'application/json';
      report.requests++;
      const response = await fetch(`${baseUrl}${fuzzCase.path}`, { method: fuzzCase.method.toUpperCase(), headers, body: fuzzCase.body });
      const answer = { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      return answer;
    };
    const answer = await attempt(false);
    // A case that signed the caller out (sign-out, a password change) must not blind the rest of the run.
    return answer.status === 401 && caller ? attempt(true) : answer;
  };

  const fetchEtag = async (caller: FuzzCaller | null, path: string): Promise<string | null> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (caller) headers.authorization = `Bearer ${await tokenOf(caller)}`;
    report.requests++;
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    return response.ok ? response.headers.get('etag') : null;
  };

  /** The id of an existing item of the list at `listPath` as this caller sees it, if it lists any. */
  const existingIdAt = (caller: FuzzCaller, listPath: string): Promise<string | null> => {
    const key = `${caller.role} ${listPath}`;
    if (!existingIds.has(key)) {
      existingIds.set(
        key,
        send(caller, { method: 'get', path: listPath }).then(({ status, text }) => {
          if (status !== 200) return null;
          const body = safeJson(text) as { items?: { id?: unknown }[] } | { id?: unknown }[] | null;
          const first = Array.isArray(body) ? body[0] : body?.items?.[0];
          return typeof first?.id === 'string' ? first.id : null;
        }),
      );
    }
    return existingIds.get(key) as Promise<string | null>;
  };

  // Every caller signs in before the sign-in route itself is fuzzed (which soon rate-limits this address).
  for (const caller of options.callers) await tokenOf(caller);

  const operations = Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ template, method, operation: item[method] as Operation })),
  );
  report.operations = operations.length;

  await inParallel(operations, options.concurrency ?? 6, async ({ template, method, operation }) => {
    const name = `${method.toUpperCase()} ${template}`;
    const resolver = new SchemaResolver(document);
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const parameters = (operation.parameters ?? []).map((parameter) => parameter);
    const pathParams = parameters.filter((parameter) => parameter.in === 'path');
    const queryParams = parameters.filter((parameter) => parameter.in === 'query');
    const baseBody = bodySchema ? resolver.sample(bodySchema) : undefined;
    const baseQuery = Object.fromEntries(
      queryParams
        .filter((parameter) => parameter.required)
        .map((parameter) => [parameter.name, String(resolver.sample(parameter.schema ?? {}))]),
    );
    const randomIds = Object.fromEntries(pathParams.map((parameter) => [parameter.name, isIdParam(parameter) ? randomUUID() : 'fuzz']));

    // The caller: the first role not refused (401/403) on a benign request with random ids.
    let caller: FuzzCaller | null = null;
    for (const candidate of options.callers) {
      const answer = await send(candidate, { method, path: pathOf(template, randomIds, baseQuery), body: bodyText(baseBody, method) });
      check(name, 'benign', answer);
      if (answer.status !== 401 && answer.status !== 403) {
        caller = candidate;
        break;
      }
    }
    report.callers[caller?.role ?? 'nobody'] = (report.callers[caller?.role ?? 'nobody'] ?? 0) + 1;
    if (!caller) report.refusedEveryone.push(name);

    await fuzzAs(caller);
    // Routes families use are fuzzed as a family too: their own-children checks are code of their own.
    for (const role of options.alsoAs ?? []) {
      const extra = options.callers.find((candidate) => candidate.role === role);
      if (!extra || extra === caller) continue;
      const answer = await send(extra, { method, path: pathOf(template, randomIds, baseQuery), body: bodyText(baseBody, method) });
      check(name, `benign as ${role}`, answer);
      if (answer.status !== 401 && answer.status !== 403) {
        report.alsoFuzzedAs[role] = (report.alsoFuzzedAs[role] ?? 0) + 1;
        await fuzzAs(extra);
      }
    }

    async function fuzzAs(caller: FuzzCaller | null): Promise<void> {
      // Real ids where the list above the parameter gives one (not for DELETE: the run should keep its data).
      const ids: Record<string, string> = { ...randomIds };
      if (caller && method !== 'delete') {
        for (const parameter of pathParams.filter(isIdParam)) {
          const listTemplate = template.slice(0, template.indexOf(`/{${parameter.name}}`));
          if (
            listTemplate.includes('{') &&
            Object.keys(ids).some((key) => listTemplate.includes(`{${key}}`) && ids[key] === randomIds[key])
          )
            continue;
          const found = await existingIdAt(caller, pathOf(listTemplate, ids, {}));
          if (found) ids[parameter.name] = found;
        }
      }

      const cases: FuzzCase[] = [];
      const add = (label: string, path: string, body?: string, headers?: Record<string, string>) =>
        cases.push({ label, method, path, body, headers });
      const at = (query: Record<string, string> = baseQuery, pathIds = ids) => pathOf(template, pathIds, query);
      const withRandomIds = pathOf(template, randomIds, baseQuery);

      if (method !== 'get' && method !== 'delete') {
        add('deeply nested JSON', at(), `${'['.repeat(5000)}${']'.repeat(5000)}`);
        add('empty JSON object', at(), '{}');
        add('empty JSON object, unknown ids', withRandomIds, '{}');
        add('JSON array', at(), '[]');
        add('JSON null', at(), 'null');
        add('empty body', at(), '');
        if (baseBody !== undefined) {
          add('valid-looking body', at(), JSON.stringify(baseBody));
          add('NUL in every string', at(), JSON.stringify(mapStrings(baseBody, (text) => `${text}\u0000b`)));
          add('lone surrogate in every string', at(), JSON.stringify(mapStrings(baseBody, (text) => `${text}\ud800b`)));
          add('huge strings', at(), JSON.stringify(mapStrings(baseBody, () => HUGE_STRING)));
          add(
            'impossible dates',
            at(),
            JSON.stringify(
              mapStrings(baseBody, (text) => (text === DATE ? IMPOSSIBLE_DATE : text === DATE_TIME ? IMPOSSIBLE_DATE_TIME : text)),
            ),
          );
          for (const [label, value] of HUGE_NUMBERS)
            add(`number ${label} everywhere`, at(), JSON.stringify(mapNumbers(baseBody, () => value)));
          if (isObject(baseBody)) {
            add('unknown field', at(), JSON.stringify({ ...baseBody, fuzzUnknownField: 1 }));
            add('__proto__ key', at(), `{"__proto__":{"polluted":true},${JSON.stringify(baseBody).slice(1)}`);
            const everyProperty = bodySchema ? resolver.properties(bodySchema) : {};
            for (const [key, value] of Object.entries(everyProperty).slice(0, MAX_FIELD_CASES)) {
              add(`wrong type for ${key}`, at(), JSON.stringify({ ...baseBody, [key]: wrongTypeFor(value) }));
              add(`null for ${key}`, at(), JSON.stringify({ ...baseBody, [key]: null }));
              const nested = value;
              const element = Array.isArray(nested) ? nested[0] : nested;
              if (isObject(element)) {
                for (const inner of Object.keys(element).slice(0, MAX_FIELD_CASES)) {
                  const wrong = { ...element, [inner]: wrongTypeFor(element[inner]) };
                  add(
                    `wrong type for ${key}.${inner}`,
                    at(),
                    JSON.stringify({ ...baseBody, [key]: Array.isArray(nested) ? [wrong] : wrong }),
                  );
                }
              }
            }
          }
        }
      }
      for (const parameter of queryParams.slice(0, MAX_FIELD_CASES)) {
        const query = (value: string) => ({ ...baseQuery, [parameter.name]: value });
        add(`NUL in query ${parameter.name}`, at(query('a\u0000b')));
        add(
          `lone surrogate in query ${parameter.name}`,
          `${at(baseQuery)}${Object.keys(baseQuery).length ? '&' : '?'}${encodeURIComponent(parameter.name)}=a${LONE_SURROGATE_IN_URL}b`,
        );
        add(`wrong type for query ${parameter.name}`, at(query(wrongTypeInQuery(resolver.sample(parameter.schema ?? {})))));
        add(`huge number in query ${parameter.name}`, at(query('1e308')));
        add(`repeated query ${parameter.name}`, `${at(query('a'))}&${encodeURIComponent(parameter.name)}=b`);
        if (parameter.schema?.format?.startsWith('date') || /date|from|to|on$|at$/i.test(parameter.name)) {
          add(`impossible date in query ${parameter.name}`, at(query(IMPOSSIBLE_DATE)));
          add(`impossible date-time in query ${parameter.name}`, at(query(IMPOSSIBLE_DATE_TIME)));
        }
        if (parameter.name === 'cursor') GARBAGE_CURSORS.forEach((cursor, i) => add(`garbage cursor ${i + 1}`, at(query(cursor))));
      }
      for (const parameter of parameters.filter((candidate) => candidate.in === 'header')) {
        for (const [label, value] of [
          ['garbage', 'garbage'],
          ['huge', 'x'.repeat(4000)],
          ['a quoted NUL escape', '"\\u0000"'],
          ['weak', 'W/"1"'],
          ['a list', '"1", "2"'],
        ]) {
          add(`${label} header ${parameter.name}`, at(), bodyText(baseBody, method), { [parameter.name]: value });
        }
      }
      for (const parameter of pathParams) {
        const withParam = (raw: string) => pathOf(template, { ...ids, [parameter.name]: '\u0001' }, baseQuery).replace('%01', raw);
        add(`NUL in path ${parameter.name}`, withParam('%00'));
        add(`lone surrogate in path ${parameter.name}`, withParam(LONE_SURROGATE_IN_URL));
        add(`not an id in path ${parameter.name}`, withParam('not-an-id'));
        add(`very long path ${parameter.name}`, withParam('1'.repeat(5000)));
      }

      // An edit that needs If-Match gets the current ETag (read again after every accepted edit), so that its cases reach the edit itself.
      const needsEtag =
        method !== 'get' && parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match');
      const currentEtag = async () => (needsEtag ? ((await fetchEtag(caller, at())) ?? undefined) : undefined);
      let etag = await currentEtag();
      for (const fuzzCase of cases) {
        const headers = etag && !fuzzCase.headers ? { 'if-match': etag } : fuzzCase.headers;
        const answer = await send(caller, { ...fuzzCase, headers });
        if (answer.status < 300) etag = await currentEtag();
        check(name, fuzzCase.label, answer);
        if (fuzzCase.label === 'valid-looking body') {
          report.validLookingStatuses[answer.status] = (report.validLookingStatuses[answer.status] ?? 0) + 1;
          if (answer.status === 400) report.validLookingRefusals.push(`${name}: ${answer.text.slice(0, 400)}`);
        }
      }
    }
  });

  // Once for the whole system: a query string over Node's header limit.
  check(
    'GET /api/scheduling/schools',
    'query string over 16 KB',
    await send(null, { method: 'get', path: `/api/scheduling/schools?q=${'x'.repeat(20_000)}` }),
  );
  report.ms = Date.now() - started;
  log(`fuzzed ${report.operations} operations with ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s`);
  return report;

  function check(operation: string, label: string, answer: { status: number; type: string; text: string }): void {
    const problem = problemWith(answer);
    if (problem) report.findings.push({ operation, case: label, status: answer.status, problem, body: answer.text.slice(0, 300) });
  }
}

/** What is wrong with an answer, or null: a 5xx, a 4xx that is not problem+json, a 400 that names no field. */
export function problemWith(answer: { status: number; type: string; text: string }): string | null {
  if (answer.status >= 500) return 'server error';
  if (answer.status < 400) return null;
  if (!answer.type.startsWith('application/problem+json'))
    return `a ${answer.status} as ${answer.type || 'no content type'}, not application/problem+json`;
  if (answer.status === 400) {
    const errors = (safeJson(answer.text) as { errors?: { field?: unknown }[] } | null)?.errors;
    if (
      !Array.isArray(errors) ||
      errors.length === 0 ||
      !errors.every((error) => typeof error.field === 'string' && error.field.length > 0)
    )
      return 'a 400 naming no field';
  }
  return null;
}

class SchemaResolver {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schema: Schema): Schema {
    let resolved = schema;
    for (let hops = 0; resolved.$ref && hops < 10; hops++) {
      const name = resolved.$ref.replace('#/components/schemas/', '');
      resolved = this.document.components?.schemas?.[name] ?? {};
    }
    if (resolved.allOf) return Object.assign({}, ...resolved.allOf.map((part) => this.resolve(part))) as Schema;
    if (resolved.oneOf?.[0] ?? resolved.anyOf?.[0]) return this.resolve((resolved.oneOf?.[0] ?? resolved.anyOf?.[0]) as Schema);
    return resolved;
  }

  /**
   * A plausible value for the schema: its example, or one shaped by its format and the property's
   * name (…Id a UUID, …On a date, …At an instant); objects with their required properties only, so
   * that optional ones do not clash with each other.
   */
  sample(schema: Schema, depth = 0, name = ''): Json {
    const resolved = this.resolve(schema);
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum?.length) return resolved.enum[0];
    switch (resolved.type) {
      case 'string':
        return sampleString(resolved, name);
      case 'integer':
      case 'number':
        return resolved.minimum ?? 30;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [this.sample(resolved.items ?? {}, depth + 1, name.replace(/s$/, ''))];
      default: {
        if (!resolved.properties || depth > 4) return {};
        const required = resolved.required ?? Object.keys(resolved.properties);
        return Object.fromEntries(
          required
            .filter((key) => resolved.properties?.[key])
            .map((key) => [key, this.sample(resolved.properties?.[key] ?? {}, depth + 1, key)]),
        );
      }
    }
  }

  /** Every property of an object schema with a plausible value, optional ones included. */
  properties(schema: Schema): Record<string, Json> {
    const resolved = this.resolve(schema);
    return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([key, property]) => [key, this.sample(property, 1, key)]));
  }
}

function sampleString(schema: Schema, name: string): string {
  if (schema.format === 'uuid' || /Id$/.test(name)) return randomUUID();
  if (schema.format === 'date' || /(On|Date|^from|^to)$/.test(name)) return DATE;
  if (schema.format === 'date-time' || /At$/.test(name)) return DATE_TIME;
  if (schema.format === 'email' || /email/i.test(name)) return 'fuzz@example.test';
  if (/(Time|Start|End)$/.test(name)) return '18:00';
  if (/(mobile|phone)$/i.test(name)) return '+447700900123';
  if (/language$/i.test(name)) return 'en';
  if (/timeZone$/.test(name)) return 'Europe/London';
  return 'fuzz'.padEnd(schema.minLength ?? 0, 'z');
}

function isIdParam(parameter: Parameter): boolean {
  return parameter.schema?.format === 'uuid' || /(^id$|Id$)/.test(parameter.name);
}

function pathOf(template: string, params: Record<string, string>, query: Record<string, string>): string {
  const path = template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? 'fuzz'));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function bodyText(body: Json | undefined, method: string): string | undefined {
  if (method === 'get' || method === 'delete') return undefined;
  return JSON.stringify(body ?? {});
}

function mapStrings(value: Json, map: (text: string) => string): Json {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}

function mapNumbers(value: Json, map: (number: number) => number): Json {
  if (typeof value === 'number') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapNumbers(item, map));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapNumbers(item, map)]));
  return value;
}

function wrongTypeFor(value: Json): Json {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (isObject(value)) return 7;
  return { unexpected: true };
}

function wrongTypeInQuery(sample: Json): string {
  return typeof sample === 'string' && sample !== 'fuzz' ? 'fuzz' : 'not-a-number';
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
