/**
 * In a production image the compiled apps import libs by their `@tutti/...` alias; this maps each
 * alias to its compiled index, as tsconfig's `paths` do at build time.
 */
import Module from 'node:module';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..');
const LIBS: Record<string, string> = {
  '@tutti/contracts': 'libs/contracts/src/index.js',
  '@tutti/platform': 'libs/platform/src/index.js',
  '@tutti/auth': 'libs/auth/src/index.js',
  '@tutti/messaging': 'libs/messaging/src/index.js',
  '@tutti/seeds': 'seeds/src/index.js',
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const resolve = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function resolveAlias(this: unknown, request: string, ...rest: unknown[]): string {
  const target = LIBS[request];
  return resolve.call(this, target ? join(DIST, target) : request, ...rest);
};

// Tracing, when a collector is named, starts before the service's modules load (libs/platform/src/tracing/preload.ts).
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  require(join(DIST, 'libs/platform/src/tracing/preload.js'));
}
