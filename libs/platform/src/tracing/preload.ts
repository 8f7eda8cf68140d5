/**
 * Starts tracing in a service process before its modules load: required by the runtime's preload
 * (`tools/runtime/register.js` when running TypeScript, `register-aliases` in the image) right after
 * the module resolution is set up, i.e. before `apps/<service>/src/main` imports pg, ioredis or
 * http. Does nothing — and loads none of OpenTelemetry — unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set and the process is a service (its entry point is
 * `apps/<service>/src/main`, or OTEL_SERVICE_NAME names it). OTEL_SDK_DISABLED=true turns it off.
 */
import { startTracing } from './start-tracing';

/** The service a process runs, from OTEL_SERVICE_NAME or its entry point; undefined for tools, migrations and tests. */
export function serviceNameOf(env: NodeJS.ProcessEnv, entryPoint: string | undefined): string | undefined {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const match = /apps[\\/]([a-z-]+)[\\/]src[\\/]main\.[jt]s$/.exec(entryPoint ?? '');
  return match?.[1];
}

export function tracingEndpointOf(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
}

const endpoint = tracingEndpointOf(process.env);
const serviceName = serviceNameOf(process.env, process.argv[1]);
if (endpoint && serviceName) startTracing({ serviceName, endpoint });
