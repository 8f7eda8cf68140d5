import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Identity } from '@tutti/auth';
import type { ServiceName } from '@tutti/contracts';
import { identityHeaders } from '../identities';
import { discoverRoutes, type DiscoveredRoute } from '../routes';
import {
  INSIDERS,
  OUTSIDERS,
  PERSONA_ROLE,
  type Insider,
  type MatrixIdentities,
  type MatrixPersona,
  type MatrixWorld,
} from './matrix-personas';

/**
 * The concrete request for one route, made against the seeded world, and who may make it.
 *
 * - `object` routes (the default) name an object of S1 / P1 (in the path, or the body): every caller
 *   not in `allowed` gets 403 or 404 and learns nothing of it.
 * - `tenant` routes name an object of the whole tenant (a performance, a bus run): another tenant's
 *   admin is refused and learns nothing; callers of the tenant may get a 2xx but never see the secrets.
 * - `caller-scoped` routes answer within the caller's own scope (tenant-wide lists, "my" records,
 *   creating in one's own tenant): a caller not in `allowed` may get a 2xx, but never sees the secrets.
 */
export interface MatrixCase {
  /** Path with its parameters filled, and any query string. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Insiders who must succeed; every other persona is refused. Empty for public routes. */
  allowed: Insider[];
  scope?: 'object' | 'tenant' | 'caller-scoped';
  /**
   * Personas who may legitimately reach this route although outside `allowed`, with why (e.g. a
   * school-wide notice seen by another family of the school): they may get a 2xx, but still never see `secrets`.
   */
  exceptions?: Partial<Record<MatrixPersona, string | { why: string; secrets: string[] }>>;
  /** Allowed personas who see only pseudonymised data (an evaluator): their 2xx must not hold the world's secrets either. */
  pseudonymisedFor?: Insider[];
  /** What a refused caller must not see; defaults to the world's secrets and (for objects) the ids in the path. */
  secrets?: string[];
  /** What must never reach another tenant, even where the tenant's own callers may see it (asset tags, names of things). */
  tenantSecrets?: string[];
  /** What no caller at all may see, the allowed ones included (a child named in an audience's programme without consent). */
  neverShown?: string[];
  /** Statuses a refused, signed-in caller may get (default 403 and 404). */
  refusedWith?: number[];
  /** Statuses the allowed callers must get (default any 2xx). */
  succeedsWith?: number[];
}

export type MatrixFixture<S> = (scenario: S) => MatrixCase | Promise<MatrixCase>;
/** Keyed `'METHOD /path'` exactly as discoverRoutes lists the route, e.g. `'GET /pupils/:id'`. */
export type MatrixFixtures<S> = Record<string, MatrixFixture<S>>;

export interface MatrixResponse {
  status: number;
  body: string;
}

export interface RunAccessMatrixOptions<S> {
  app: INestApplication;
  service: ServiceName;
  scenario: S;
  world: MatrixWorld;
  identities: MatrixIdentities;
  fixtures: MatrixFixtures<S>;
  /** How a persona's identity travels (default: the gateway-signed identity header for `service`). */
  authenticate?: (identity: Identity) => Promise<Record<string, string>>;
  /** Routes left out of the matrix, with the reason (e.g. infrastructure such as /health). */
  exempt?: Record<string, string>;
}

export interface AccessMatrixReport {
  /** Routes exercised. */
  routes: number;
  requests: number;
  /** Routes without a fixture (public ones without path parameters excepted): a new route must be declared. */
  missing: string[];
  /** Fixtures naming no discovered route. */
  stale: string[];
  failures: string[];
  routeKeys: string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const routeKey = (route: Pick<DiscoveredRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/**
 * Runs every discovered route of `app` against every persona: anonymous gets 401; another tenant's
 * admin, the headteacher of another school, a tutor not assigned to the school, the guardian of
 * another family and every insider not allowed get 403/404 (or, for caller-scoped routes, nothing
 * of the object); the allowed insiders get a 2xx. Refused callers run first, so that a mutating
 * route's 2xx for the right role shows the refusals changed nothing that mattered.
 */
export async function runAccessMatrix<S>(options: RunAccessMatrixOptions<S>): Promise<AccessMatrixReport> {
  const { app, service, scenario, world, identities, fixtures, exempt = {} } = options;
  const authenticate = options.authenticate ?? ((identity: Identity) => identityHeaders(identity, service));
  const headerCache = new Map<string, Record<string, string>>();
  const headersOf = async (persona: MatrixPersona): Promise<Record<string, string>> => {
    if (persona === 'anonymous') return {};
    const cached = headerCache.get(persona);
    if (cached) return cached;
    const headers = await authenticate(identities[persona]);
    headerCache.set(persona, headers);
    return headers;
  };

  const routes = sortForMatrix(dedupe(discoverRoutes(app))).filter((route) => !(routeKey(route) in exempt));
  const keys = new Set(routes.map(routeKey));
  const report: AccessMatrixReport = {
    routes: 0,
    requests: 0,
    // A public route without parameters is tried as it is; every other route needs its request described.
    missing: routes
      .filter((route) => !fixtures[routeKey(route)] && (route.policy?.kind !== 'public' || route.path.includes(':')))
      .map((route) => `route ${routeKey(route)} (${route.handler}) has no access-matrix entry: add one`),
    stale: Object.keys(fixtures).filter((key) => !keys.has(key)),
    failures: [],
    routeKeys: [],
  };

  const send = async (persona: MatrixPersona, route: DiscoveredRoute, request: MatrixCase): Promise<MatrixResponse> => {
    report.requests += 1;
    const response = await (app as NestFastifyApplication).inject({
      method: route.method as 'GET',
      url: request.url,
      headers: { ...(await headersOf(persona)), ...(request.headers ?? {}) },
      ...(request.body === undefined ? {} : { payload: request.body as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.body };
  };

  for (const route of routes) {
    const key = routeKey(route);
    const fixture = fixtures[key];
    if (!fixture && (route.policy?.kind !== 'public' || route.path.includes(':'))) continue;
    report.routes += 1;
    report.routeKeys.push(key);
    const fail = (persona: MatrixPersona, what: string, response?: MatrixResponse) =>
      report.failures.push(`${key} as ${persona}: ${what}${response ? ` (got ${response.status}: ${response.body.slice(0, 300)})` : ''}`);
    let request: MatrixCase;
    try {
      request = fixture ? await fixture(scenario) : { url: route.path, allowed: [] };
    } catch (error) {
      report.failures.push(`${key}: its fixture failed: ${(error as Error).message}`);
      continue;
    }

    if (route.policy?.kind === 'public') {
      const response = await send('anonymous', route, request);
      if (response.status >= 500) fail('anonymous', 'a public route answered 5xx', response);
      const leaked = leakedSecrets(response.body, request.secrets ?? world.secrets);
      if (leaked.length) fail('anonymous', `a public route leaked ${leaked.join(', ')}`, response);
      continue;
    }

    const policyRoles: readonly string[] = route.policy?.roles ?? [];
    const scope = request.scope ?? 'object';
    const ownSecrets = request.secrets ?? world.secrets;
    const objectSecrets = [...ownSecrets, ...(request.url.split('?')[0].match(UUID) ?? [])];
    const refusedWith = request.refusedWith ?? [403, 404];
    const safe = SAFE_METHODS.has(route.method);
    // Outside `object` scope a caller may act legitimately in their own scope (and use the object up): each gets a fresh one.
    const requestFor = async (): Promise<MatrixCase> => (!safe && scope !== 'object' && fixture ? fixture(scenario) : request);
    const refused: MatrixPersona[] = [...OUTSIDERS, ...INSIDERS.filter((insider) => !request.allowed.includes(insider))];
    for (const persona of request.allowed) {
      if (!policyRoles.includes(PERSONA_ROLE[persona]))
        report.failures.push(`${key}: its fixture allows ${persona}, whose role the route's policy does not admit`);
    }

    for (const persona of refused) {
      const response = await send(persona, route, await requestFor());
      if (persona === 'anonymous') {
        if (response.status !== 401) fail(persona, 'expected 401', response);
        continue;
      }
      if (!policyRoles.includes(PERSONA_ROLE[persona])) {
        if (response.status !== 403) fail(persona, `expected 403 (role ${PERSONA_ROLE[persona]} not admitted)`, response);
        continue;
      }
      const ok = response.status >= 200 && response.status < 300;
      const mustBeRefused =
        !request.exceptions?.[persona] && (scope === 'object' || (scope === 'tenant' && persona === 'otherTenantAdmin'));
      if (mustBeRefused && !refusedWith.includes(response.status)) fail(persona, `expected ${refusedWith.join('/')}`, response);
      if (!mustBeRefused && !ok && !refusedWith.includes(response.status))
        fail(persona, `expected 2xx within own scope or ${refusedWith.join('/')}`, response);
      const exception = request.exceptions?.[persona];
      const checked = typeof exception === 'object' ? exception.secrets : mustBeRefused ? objectSecrets : ownSecrets;
      const leaked = leakedSecrets(response.body, [
        ...checked,
        ...(request.neverShown ?? []),
        ...(persona === 'otherTenantAdmin' ? (request.tenantSecrets ?? []) : []),
      ]);
      if (leaked.length) fail(persona, `response leaked ${leaked.join(', ')}`, response);
    }

    for (const persona of safe ? request.allowed : request.allowed.slice(0, 1)) {
      const rightRequest = await requestFor();
      // Every creating POST carries an Idempotency-Key, so that a replay of the key by someone else can be tried below.
      if (route.method === 'POST')
        rightRequest.headers = { 'idempotency-key': `access-matrix-${randomUUID()}`, ...(rightRequest.headers ?? {}) };
      const response = await send(persona, route, rightRequest);
      const ok = request.succeedsWith ? request.succeedsWith.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!ok) fail(persona, `expected ${request.succeedsWith?.join('/') ?? '2xx'} for the right role`, response);
      const leaked = request.pseudonymisedFor?.includes(persona) ? leakedSecrets(response.body, world.secrets) : [];
      if (leaked.length) fail(persona, `pseudonymised data leaked ${leaked.join(', ')}`, response);
      const shown = leakedSecrets(response.body, request.neverShown ?? []);
      if (shown.length) fail(persona, `showed what no one may see: ${shown.join(', ')}`, response);
      // Only for what the POST created: an action on an existing object (in the URL) may rightly move it into another's scope.
      const createdId = route.method === 'POST' && ok ? idOf(response.body) : undefined;
      if (!createdId || rightRequest.url.includes(createdId)) continue;
      for (const other of refused.filter((candidate) => candidate !== 'anonymous')) {
        const replay = await send(other, route, rightRequest);
        if (leakedSecrets(replay.body, [createdId]).length)
          fail(other, `replaying ${persona}'s Idempotency-Key answered with ${persona}'s object ${createdId}`, replay);
      }
    }
  }
  return report;
}

/** The secrets found in a response, ignoring the problem document's `instance` (the caller's own URL echoed back). */
export function leakedSecrets(body: string, secrets: readonly string[]): string[] {
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'instance' in parsed) {
      const { instance: _instance, ...rest } = parsed as Record<string, unknown>;
      text = JSON.stringify(rest);
    }
  } catch {
    // not JSON (iCal, CSV, PDF, HTML): checked as text
  }
  const lower = text.toLowerCase();
  return [...new Set(secrets.filter((secret) => secret.length > 0 && lower.includes(secret.toLowerCase())))];
}

function idOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}

function dedupe(routes: DiscoveredRoute[]): DiscoveredRoute[] {
  const seen = new Map<string, DiscoveredRoute>();
  for (const route of routes) if (!seen.has(routeKey(route))) seen.set(routeKey(route), route);
  return [...seen.values()];
}

function sortForMatrix(routes: DiscoveredRoute[]): DiscoveredRoute[] {
  const rank = (method: string) => (METHOD_ORDER.includes(method) ? METHOD_ORDER.indexOf(method) : METHOD_ORDER.length);
  return routes
    .map((route, index) => ({ route, index }))
    .sort((a, b) => rank(a.route.method) - rank(b.route.method) || a.index - b.index)
    .map(({ route }) => route);
}
