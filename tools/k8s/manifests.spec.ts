import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SERVICE_NAMES } from '@tutti/contracts';

const ROOT = join(__dirname, '..', '..');
const OVERLAYS = ['local', 'production'] as const;

/** The secrets a pod gets; each must come from a Secret by reference, never as a value in the manifests. */
const SECRET_VARIABLES = [
  'DATABASE_URL',
  'DATABASE_DIRECT_URL',
  'REPLICA_DATABASE_URL',
  'REDIS_URL',
  'REDIS_PASSWORD',
  'REDIS_SENTINEL_PASSWORD',
  'SMTP_URL',
  'IDENTITY_PUBLIC_KEY',
  'IDENTITY_PRIVATE_KEY',
  'EVALUATION_PSEUDONYM_KEY',
];

// The rendered objects are checked field by field; a loose type keeps those checks readable.
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
};

function render(overlay: string): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(ROOT, 'docker', 'k8s', 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((document) => document.toJS() as K8sObject);
}

/** Schema errors from the Kubernetes OpenAPI schemas (kubernetes-models, KEDA's models), offline, in a child process (they are ESM-only). */
function schemaErrors(objects: K8sObject[]): string[] {
  const result = spawnSync(process.execPath, [join(__dirname, 'validate-objects.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

/** OTEL_TRACES_SAMPLER's values as the SDK reads them (@opentelemetry/sdk-trace-base's buildSamplerFromEnv). */
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'];

type EnvVar = { name: string; value?: string; valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: unknown } };

/**
 * A container's environment as the pod sees it: the ConfigMaps of envFrom first, then env (which wins),
 * a configMapKeyRef resolved; a Secret's value as `secret:<name>/<key>`.
 */
function environmentOf(container: { envFrom?: { configMapRef?: { name: string } }[]; env?: EnvVar[] }, objects: K8sObject[]) {
  const configMap = (name: string) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name)?.data ?? {};
  const environment: Record<string, string | undefined> = {};
  for (const source of container.envFrom ?? []) if (source.configMapRef) Object.assign(environment, configMap(source.configMapRef.name));
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef;
    const secret = variable.valueFrom?.secretKeyRef as { name: string; key: string } | undefined;
    environment[variable.name] = ref ? configMap(ref.name)[ref.key] : secret ? `secret:${secret.name}/${secret.key}` : variable.value;
  }
  return environment;
}

const named = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * docker/k8s renders with kustomize (kubectl's, offline) and every object validates against the
 * Kubernetes schemas; then the invariants the manifests exist for: probes, resources, referenced
 * secrets, autoscaling, disruption budgets, migrations before roll-out and who may reach whom.
 */
describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = render(overlay);
  const deployments = objects.filter((o) => o.kind === 'Deployment');

  it('validates against the Kubernetes and KEDA schemas', () => {
    expect(objects.length).toBeGreaterThan(40);
    expect(schemaErrors(objects)).toEqual([]);
  });

  it('has no Secret object and gives every secret by reference', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const config of objects.filter((o) => o.kind === 'ConfigMap')) {
      expect(Object.keys(config.data ?? {}).filter((key) => SECRET_VARIABLES.includes(key))).toEqual([]);
    }
    const workloads = [...deployments, ...objects.filter((o) => o.kind === 'Job')];
    for (const workload of workloads) {
      for (const container of workload.spec.template.spec.containers) {
        for (const variable of container.env ?? []) {
          if (SECRET_VARIABLES.includes(variable.name))
            expect({ workload: workload.metadata.name, variable: variable.name, from: Object.keys(variable.valueFrom ?? {}) }).toEqual({
              workload: workload.metadata.name,
              variable: variable.name,
              from: ['secretKeyRef'],
            });
        }
      }
    }
  });

  it.each(SERVICE_NAMES)(
    'runs %s as an API and a worker Deployment, each probed on /health, with resources and a disruption budget',
    (service) => {
      for (const [component, mode] of [
        ['api', 'api'],
        ['worker', 'worker'],
      ]) {
        const deployment = named(objects, 'Deployment', `${service}-${component}`);
        expect(deployment).toBeDefined();
        const pod = deployment?.spec.template;
        const [container] = pod.spec.containers;
        expect(container.env.find((v: { name: string }) => v.name === 'SERVICE_MODE').value).toBe(mode);
        for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) expect(container[probe].httpGet.path).toBe('/health');
        expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
        expect(container.resources.limits.memory).toEqual(expect.any(String));
        expect(container.ports.map((p: { containerPort: number }) => p.containerPort).sort()).toEqual([3000, 9464]);
        expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
        const budgets = objects.filter(
          (o) => o.kind === 'PodDisruptionBudget' && matches(o.spec.selector.matchLabels, pod.metadata.labels),
        );
        expect(budgets).toHaveLength(1);
      }
    },
  );

  it.each(SERVICE_NAMES)(
    'traces %s: its name in every Deployment, the collector and the sampler from the ConfigMap, as the runtime reads them',
    (service) => {
      for (const component of ['api', 'worker']) {
        const [container] = named(objects, 'Deployment', `${service}-${component}`)?.spec.template.spec.containers ?? [];
        const environment = environmentOf(container, objects);
        expect(container.envFrom).toEqual(expect.arrayContaining([{ configMapRef: { name: 'tutti-config' } }]));
        expect(environment.OTEL_SERVICE_NAME).toBe(service);
        // libs/platform/src/tracing/preload.ts starts tracing only with an endpoint; the exporter appends /v1/traces.
        expect(environment.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/^https?:\/\/[^/]+(:\d+)?$/);
        expect(SAMPLERS).toContain(environment.OTEL_TRACES_SAMPLER);
        const ratio = Number(environment.OTEL_TRACES_SAMPLER_ARG);
        expect(ratio > 0 && ratio <= 1).toBe(true);
        // Where the browser's requests come in, the trace id decides (its sampled flag would otherwise trace every request).
        expect(environment.OTEL_TRACES_SAMPLER).toBe(
          service === 'gateway' && component === 'api' ? 'traceidratio' : 'parentbased_traceidratio',
        );
      }
      // Migrations make no traces: no service name, and the image's migrate entry point is not a service's main.
      const [migrate] = named(objects, 'Job', `${service}-migrate`)?.spec.template.spec.containers ?? [];
      expect(environmentOf(migrate, objects).OTEL_SERVICE_NAME).toBeUndefined();
    },
  );

  it.each(SERVICE_NAMES)("gives %s Redis's passwords from the Secret tutti-redis, each optional", (service) => {
    for (const component of ['api', 'worker']) {
      const [container] = named(objects, 'Deployment', `${service}-${component}`)?.spec.template.spec.containers ?? [];
      expect((container.env as EnvVar[]).filter((v) => /^REDIS_/.test(v.name))).toEqual([
        { name: 'REDIS_URL', valueFrom: { secretKeyRef: { name: 'tutti-redis', key: 'url' } } },
        { name: 'REDIS_SENTINEL_PASSWORD', valueFrom: { secretKeyRef: { name: 'tutti-redis', key: 'sentinel-password', optional: true } } },
        { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'tutti-redis', key: 'password', optional: true } } },
      ]);
    }
  });

  it.each(SERVICE_NAMES)("scales %s's API by CPU and its workers by queue depth through KEDA, never to zero workers", (service) => {
    const hpa = named(objects, 'HorizontalPodAutoscaler', `${service}-api`);
    expect(hpa?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: `${service}-api` });
    expect(hpa?.spec.metrics).toEqual([expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) })]);
    const scaled = named(objects, 'ScaledObject', `${service}-worker`);
    expect(scaled?.spec.scaleTargetRef.name).toBe(`${service}-worker`);
    expect(scaled?.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    expect(scaled?.spec.triggers.map((t: { metadata: { query: string } }) => t.metadata.query).join(' ')).toContain(
      `bullmq_queue_jobs{service="${service}", state="waiting"}`,
    );
  });

  it.each(SERVICE_NAMES)('migrates %s in a Job before roll-out, with its own database secret', (service) => {
    const job = named(objects, 'Job', `${service}-migrate`);
    expect(job?.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
    const [container] = job?.spec.template.spec.containers ?? [];
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'ENTRY', value: 'migrate' },
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `tutti-${service}-database`, key: 'url' } } },
      ]),
    );
    expect(job?.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('tutti');
  });

  it("lets the ingress reach only the gateway, the gateway reach the services, and only Tutti's pods reach PostgreSQL and Redis", () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    // A pod's allowed sources on a port: the union of the rules of every policy selecting it.
    const sourcesOf = (labels: Record<string, string>, port: number) =>
      policies
        .filter((policy) => selects(policy.spec.podSelector, labels))
        .flatMap((policy) => policy.spec.ingress ?? [])
        .filter((rule: { ports?: { port: number }[] }) => rule.ports?.some((p) => p.port === port))
        .flatMap((rule: { from: unknown[] }) => rule.from);
    expect(named(objects, 'NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const podLabels = (service: string, component: string) =>
      named(objects, 'Deployment', `${service}-${component}`)?.spec.template.metadata.labels;
    const gateway = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/component': 'api' } } };
    for (const service of SERVICE_NAMES.filter((s) => s !== 'gateway')) {
      expect(sourcesOf(podLabels(service, 'api'), 3000)).toEqual([gateway]);
      expect(sourcesOf(podLabels(service, 'worker'), 3000)).toEqual([]);
    }
    expect(sourcesOf(podLabels('gateway', 'api'), 3000)).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
    ]);
    const tutti = { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'tutti' } } };
    expect(sourcesOf({ 'app.kubernetes.io/name': 'postgresql' }, 5432)).toEqual([tutti]);
    expect(sourcesOf({ 'app.kubernetes.io/name': 'redis' }, 6379)).toEqual([tutti]);
    for (const service of SERVICE_NAMES)
      expect(sourcesOf(podLabels(service, 'api'), 9464)).toEqual([
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
      ]);
  });

  it('puts the gateway, and only the gateway, behind the Ingress', () => {
    const ingresses = objects.filter((o) => o.kind === 'Ingress');
    const backends = ingresses.flatMap((i) =>
      i.spec.rules.flatMap((r: { http: { paths: { backend: { service: { name: string } } }[] } }) =>
        r.http.paths.map((p) => p.backend.service.name),
      ),
    );
    expect(backends).toEqual(['gateway']);
    expect(named(objects, 'Service', 'gateway')?.spec.selector).toEqual({
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/component': 'api',
    });
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function selects(selector: any, labels: Record<string, string>): boolean {
  if (!matches(selector.matchLabels ?? {}, labels)) return false;
  return (selector.matchExpressions ?? []).every((e: { key: string; operator: string; values: string[] }) =>
    e.operator === 'In'
      ? e.values.includes(labels[e.key])
      : e.operator === 'NotIn'
        ? !e.values.includes(labels[e.key])
        : e.operator === 'Exists'
          ? e.key in labels
          : !(e.key in labels),
  );
}

/**
 * Issue 20: in production every service's pool goes through PgBouncer in transaction mode, its session
 * work (migrations' lock, LISTEN) straight to the primary, its reports to the replica; all from its own Secret.
 */
describe('the production overlay’s database connections', () => {
  const objects = render('production');

  it.each(SERVICE_NAMES)('gives %s its pooled, direct and replica URLs from its own Secret; its migration Job stays direct', (service) => {
    const secret = `tutti-${service}-database`;
    for (const component of ['api', 'worker']) {
      const [container] = named(objects, 'Deployment', `${service}-${component}`)?.spec.template.spec.containers ?? [];
      const database = (container.env as { name: string; valueFrom?: unknown }[]).filter((v) => /DATABASE/.test(v.name));
      expect(database).toEqual([
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: secret, key: 'pgbouncer-url' } } },
        { name: 'DATABASE_DIRECT_URL', valueFrom: { secretKeyRef: { name: secret, key: 'url' } } },
        { name: 'REPLICA_DATABASE_URL', valueFrom: { secretKeyRef: { name: secret, key: 'replica-url' } } },
      ]);
    }
    const [migrate] = named(objects, 'Job', `${service}-migrate`)?.spec.template.spec.containers ?? [];
    expect(migrate.env.filter((v: { name: string }) => /DATABASE/.test(v.name))).toEqual([
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: secret, key: 'url' } } },
    ]);
  });

  it('runs PgBouncer in transaction mode in front of the primary and the replica, reached only by Tutti’s pods', () => {
    const ini = named(objects, 'ConfigMap', 'tutti-pgbouncer')?.data?.['pgbouncer.ini'] ?? '';
    expect(ini).toMatch(/^pool_mode = transaction$/m);
    expect(ini).toMatch(/^tutti = host=postgresql-primary /m);
    expect(ini).toMatch(/^tutti_replica = host=postgresql-replica /m);
    const service = named(objects, 'Service', 'pgbouncer');
    expect(service?.spec.ports).toEqual([expect.objectContaining({ port: 6432 })]);
    const deployment = named(objects, 'Deployment', 'pgbouncer');
    expect(deployment?.spec.template.spec.volumes).toEqual(
      expect.arrayContaining([{ name: 'secret', secret: { secretName: 'tutti-pgbouncer' } }]),
    );
    const labels = deployment?.spec.template.metadata.labels;
    expect(labels['app.kubernetes.io/part-of']).toBe('tutti'); // so that postgresql-from-services lets it in
    const sources = objects
      .filter((o) => o.kind === 'NetworkPolicy' && selects(o.spec.podSelector, labels))
      .flatMap((policy) => policy.spec.ingress ?? [])
      .filter((rule: { ports?: { port: number }[] }) => rule.ports?.some((p) => p.port === 6432))
      .flatMap((rule: { from: unknown[] }) => rule.from);
    expect(sources).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'tutti' } } }]);
    expect(named(objects, 'ConfigMap', 'tutti-config')?.data?.REPLICA_MAX_LAG_MS).toBe('5000');
  });
});
