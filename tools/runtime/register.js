// Runs TypeScript sources directly (npm start, tools, Jest global set-up), resolving `@tutti/...` aliases.
process.env.SWC_NODE_PROJECT = require('node:path').join(__dirname, '..', '..', 'tsconfig.runtime.json');
require('@swc-node/register');
// Tracing, when a collector is named, starts before the service's modules load (libs/platform/src/tracing/preload.ts).
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  require('../../libs/platform/src/tracing/preload');
}
