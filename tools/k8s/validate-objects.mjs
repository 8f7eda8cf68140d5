// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes OpenAPI schemas that the
// kubernetes-models packages ship, offline; KEDA's ScaledObject against @kubernetes-models/keda.
// Prints a JSON array of "Kind/name: error" lines. ESM, because those packages are ESM-only: the spec
// runs it as a child process.
const MODULES = { 'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1' };

async function modelOf(apiVersion, kind) {
  const path = MODULES[apiVersion] ?? `kubernetes-models/${apiVersion}`;
  const module = await import(path).catch(() => undefined);
  return module?.[kind];
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const errors = [];
for (const object of JSON.parse(input)) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const Model = await modelOf(object.apiVersion, object.kind);
  if (!Model) {
    errors.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push(`${where}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(errors));
