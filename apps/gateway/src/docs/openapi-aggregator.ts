import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ProxiedService } from '../config';
import { reasonOf } from '../proxy/upstream-problem';
import type { Upstreams } from '../upstreams/upstreams';
import { mergeOpenApi, type ServiceDocument } from './merge-openapi';

export const DOCS_CACHE_MS = 30_000;
/** A partial document is rebuilt sooner, so that a service that comes back soon shows up soon. */
export const PARTIAL_DOCS_CACHE_MS = 5_000;
export const SERVICE_DOCS_TIMEOUT_MS = 2_000;

export type FetchServiceDocument = (service: ProxiedService) => Promise<OpenAPIObject>;

/** The merged OpenAPI document, rebuilt at most every 30 s; concurrent callers share one rebuild. */
export class OpenApiAggregator {
  private readonly logger = new Logger('Docs');
  private cached?: { document: OpenAPIObject; expiresAt: number };
  private building?: Promise<OpenAPIObject>;

  constructor(
    private readonly gateway: OpenAPIObject,
    private readonly services: readonly ProxiedService[],
    private readonly fetchDocument: FetchServiceDocument,
    private readonly now: () => number = Date.now,
  ) {}

  document(): Promise<OpenAPIObject> {
    if (this.cached && this.cached.expiresAt > this.now()) return Promise.resolve(this.cached.document);
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(): Promise<OpenAPIObject> {
    const results = await Promise.allSettled(this.services.map((service) => this.fetchDocument(service)));
    const fetched: ServiceDocument[] = [];
    const unavailable: string[] = [];
    results.forEach((result, i) => {
      const service = this.services[i];
      if (result.status === 'fulfilled') fetched.push({ service, document: result.value });
      else {
        unavailable.push(service);
        this.logger.warn(`${service}'s OpenAPI document is unavailable (${reasonOf(result.reason)}); left out of /docs-json`);
      }
    });
    const document = mergeOpenApi({ gateway: this.gateway, services: fetched, unavailable });
    this.cached = { document, expiresAt: this.now() + (unavailable.length > 0 ? PARTIAL_DOCS_CACHE_MS : DOCS_CACHE_MS) };
    return document;
  }
}

/** Reads a service's /docs-json through its pool, refusing anything that is not an OpenAPI document. */
export function fetchFromUpstream(upstreams: Upstreams): FetchServiceDocument {
  return async (service) => {
    const response = await upstreams.pool(service).request({
      method: 'GET',
      path: '/docs-json',
      headers: { accept: 'application/json' },
      headersTimeout: SERVICE_DOCS_TIMEOUT_MS,
      bodyTimeout: SERVICE_DOCS_TIMEOUT_MS,
      signal: AbortSignal.timeout(SERVICE_DOCS_TIMEOUT_MS),
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`/docs-json answered ${response.statusCode}`);
    }
    const document: unknown = await response.body.json();
    if (!isOpenApiDocument(document)) throw new Error('/docs-json is not an OpenAPI document');
    return document;
  };
}

function isOpenApiDocument(value: unknown): value is OpenAPIObject {
  const candidate = value as Partial<OpenAPIObject> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.openapi === 'string' &&
    typeof candidate.paths === 'object' &&
    candidate.paths !== null
  );
}
