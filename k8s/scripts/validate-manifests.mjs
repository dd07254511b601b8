// Validates rendered Kubernetes objects offline: each object against its kind's schema
// (npm kubernetes-models; Prometheus Operator kinds from @kubernetes-models/prometheus-operator),
// and every key against the schema's known fields, which the schema check alone lets through
// (the generated validators ignore additional properties, so `replicaz: 2` passes it).
//
// Unknown-field check: a key is known when the schema constrains its value. For each key, the
// value is replaced by a probe of a wrong type (true, then a string); a known field yields an
// error at that key's path for at least one probe, an unknown one never does. Known fields whose
// values are objects or arrays are checked the same way, recursively. Map-typed fields (labels,
// ConfigMap data) pass naturally, since their schema constrains every value.
//
// Usage: node validate-manifests.mjs <file.yaml>...   Exit 0 and "ok <n> objects", or exit 1 and
// one line per problem: "<file>: <Kind>/<name>: <path>: <what>".
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-manifests.mjs <file.yaml>...');
  process.exit(2);
}

// Core kinds live in kubernetes-models/v1, the others under their group/version.
async function modelFor(apiVersion, kind) {
  const module = apiVersion.startsWith('monitoring.coreos.com/')
    ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
  try {
    return (await import(module))[kind] ?? null;
  } catch {
    return null;
  }
}

function errorsOf(Model, object) {
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    if (Array.isArray(e.errors)) return e.errors;
    throw e;
  }
}

const pointer = (path) => path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

function withValue(root, path, value) {
  const copy = structuredClone(root);
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]];
  node[path[path.length - 1]] = value;
  return copy;
}

function isKnown(Model, root, path) {
  const at = pointer(path);
  for (const probe of [true, '\u0000probe']) {
    const errors = errorsOf(Model, withValue(root, path, probe));
    if (errors.some((e) => e.instancePath === at || e.instancePath.startsWith(at + '/'))) return true;
  }
  return false;
}

function unknownFields(Model, root, node, path, out) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (item !== null && typeof item === 'object') unknownFields(Model, root, item, [...path, i], out);
    });
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const here = [...path, key];
    if (path.length === 0 && (key === 'apiVersion' || key === 'kind')) continue;
    if (!isKnown(Model, root, here)) {
      out.push(`${pointer(here)}: unknown field '${key}'`);
    } else if (value !== null && typeof value === 'object') {
      unknownFields(Model, root, value, here, out);
    }
  }
}

const problems = [];
let count = 0;
for (const file of files) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      problems.push(`${file}: YAML: ${doc.errors[0].message}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    count++;
    const name = `${object.kind}/${object.metadata?.name ?? '?'}`;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') {
      problems.push(`${file}: ${name}: no apiVersion or kind`);
      continue;
    }
    const Model = await modelFor(object.apiVersion, object.kind);
    if (Model === null) {
      problems.push(`${file}: ${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    const schemaErrors = errorsOf(Model, object);
    for (const e of schemaErrors) {
      problems.push(`${file}: ${name}: ${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
    }
    if (schemaErrors.length === 0) {
      const unknown = [];
      unknownFields(Model, object, object, [], unknown);
      unknown.forEach((u) => problems.push(`${file}: ${name}: ${u}`));
    }
  }
}
if (problems.length > 0) {
  problems.forEach((p) => console.log(p));
  process.exit(1);
}
console.log(`ok ${count} objects`);
