#!/usr/bin/env node
// `npm run lint:deploy`: renders every overlay of deploy/k8s the way `kustomize build` does (for
// the features the kustomizations use: resources, namespace, labels, images, JSON 6902 patches)
// and validates each object against the Kubernetes schemas (kubernetes-models), then checks
// Depot's own rules: non-root, read-only root filesystem, probes, resources, preStop, and a
// termination grace period longer than preStop + SHUTDOWN_GRACE_MS. No cluster needed.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonPatch from 'fast-json-patch';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const SUPPORTED_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS();
  });
}

/** Renders a kustomization directory into a list of objects. */
function build(dir) {
  const [kustomization] = readYaml(join(dir, 'kustomization.yaml'));
  for (const key of Object.keys(kustomization)) {
    if (!SUPPORTED_KEYS.has(key)) throw new Error(`${dir}: kustomization key "${key}" is not supported by this check`);
  }
  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const path = resolve(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? build(path) : readYaml(path).filter(Boolean)));
  }
  for (const { pairs } of kustomization.labels ?? []) {
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  }
  for (const image of kustomization.images ?? []) {
    for (const object of objects) {
      const pod = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
      for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
        const [name] = container.image.split(':');
        if (name === image.name) container.image = `${image.newName ?? image.name}:${image.newTag ?? 'latest'}`;
      }
    }
  }
  for (const { target, patch } of kustomization.patches ?? []) {
    const matches = objects.filter((object) => object.kind === target.kind && object.metadata.name === target.name);
    if (matches.length === 0) throw new Error(`${dir}: patch target ${target.kind}/${target.name} not found`);
    const operations = parseAllDocuments(patch)[0].toJS();
    objects = objects.map((object) =>
      matches.includes(object) ? jsonPatch.applyPatch(object, operations, true, false).newDocument : object,
    );
  }
  if (kustomization.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  return objects;
}

const MODELS = {
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'v1/Secret': 'kubernetes-models/v1/Secret',
  'v1/Service': 'kubernetes-models/v1/Service',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'batch/v1/Job': 'kubernetes-models/batch/v1/Job',
  'networking.k8s.io/v1/Ingress': 'kubernetes-models/networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
};

async function validate(object) {
  const key = `${object.apiVersion}/${object.kind}`;
  const module = MODELS[key];
  if (!module) throw new Error(`no schema for ${key}`);
  const Model = (await import(module))[object.kind];
  new Model(object).validate();
}

/** Depot's rules for its pods, beyond what the schema says. */
function checkPods(objects, problems) {
  const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === 'depot-config');
  const graceMs = Number(config?.data?.SHUTDOWN_GRACE_MS ?? 10_000);
  for (const object of objects) {
    const pod = object.spec?.template?.spec;
    if (!pod) continue;
    const where = `${object.kind}/${object.metadata.name}`;
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot`);
    for (const container of pod.containers) {
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem`);
      if (security.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation`);
      if (!container.resources?.requests?.memory || !container.resources?.limits?.memory) {
        problems.push(`${where}: memory request and limit`);
      }
      if (object.kind !== 'Deployment') continue;
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        if (!container[probe]) problems.push(`${where}: ${probe}`);
      }
      const sleep = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? NaN);
      if (!Number.isFinite(sleep)) problems.push(`${where}: preStop sleep`);
      if ((pod.terminationGracePeriodSeconds ?? 30) * 1000 <= sleep * 1000 + graceMs) {
        problems.push(`${where}: terminationGracePeriodSeconds must exceed preStop + SHUTDOWN_GRACE_MS`);
      }
    }
  }
}

const overlays = ['dev', 'prod'].map((name) => join(here, 'overlays', name));
let failures = 0;
for (const overlay of overlays) {
  if (!existsSync(join(overlay, 'kustomization.yaml'))) continue;
  const objects = build(overlay);
  const problems = [];
  for (const object of objects) {
    try {
      await validate(object);
    } catch (error) {
      problems.push(`${object.kind}/${object.metadata?.name}: ${error.message}`);
    }
  }
  checkPods(objects, problems);
  const name = overlay.split('/').pop();
  if (problems.length > 0) {
    failures += problems.length;
    console.error(`deploy/k8s/overlays/${name}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  } else {
    console.log(
      `deploy/k8s/overlays/${name}: ${objects.length} objects valid (${[...new Set(objects.map((o) => o.kind))].join(', ')})`,
    );
  }
}
process.exit(failures > 0 ? 1 : 0);
