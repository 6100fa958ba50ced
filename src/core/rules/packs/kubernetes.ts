/**
 * Kubernetes (kubectl, oc, helm): commands that delete workloads and their data, take a service to zero, or
 * empty a node. Reading (`get`, `describe`, `logs`) and plain `apply -f` stay silent.
 */
import type { Invocation } from '../../invocation';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasFlag, hasLong, optionValue, positionals, subcommand, subcommandIndex } from '../args';

const KUBECTL = ['kubectl', 'oc', 'kubecolor'];

/**
 * kubectl options that take the next word as their value (pflag: they may come before or after the
 * sub-command), global ones (`--context`, `-n`, `--kubeconfig`) and common per-command ones (`-f`, `-l`, `-o`).
 */
const KUBECTL_VALUE_OPTS = [
  '-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--token', '--as',
  '--as-group', '--as-uid', '--certificate-authority', '--client-certificate', '--client-key', '--request-timeout',
  '--tls-server-name', '--cache-dir', '-v', '--v', '--vmodule', '--log-file', '-f', '--filename', '-k', '--kustomize',
  '-l', '--selector', '--field-selector', '-o', '--output', '-c', '--container', '--grace-period', '--timeout',
  '--cascade', '--replicas', '--current-replicas', '--resource-version', '--prune-allowlist', '--field-manager',
];

/** The sub-command's arguments when it is `name`, else undefined; copies nothing for other sub-commands. */
function kubectlSub(inv: Invocation, name: string): readonly string[] | undefined {
  const i = subcommandIndex(inv.args, KUBECTL_VALUE_OPTS);
  return i >= 0 && inv.args[i] === name ? inv.args.slice(i + 1) : undefined;
}

/** `--dry-run`, `--dry-run=client`, `--dry-run=server` change nothing; only `--dry-run=none` runs for real. */
function isDryRun(args: readonly string[]): boolean {
  const v = optionValue(args, ['--dry-run']);
  if (v !== undefined) return v !== 'none';
  return hasLong(args, 'dry-run');
}

/** Normalised resource kind: `Deployments.apps` → `deployments`. */
function kindOf(word: string): string {
  const dot = word.indexOf('.');
  return (dot < 0 ? word : word.slice(0, dot)).toLowerCase();
}

const NAMESPACE_KINDS: ReadonlySet<string> = new Set(['ns', 'namespace', 'namespaces', 'project', 'projects']);
const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default', 'openshift', 'openshift-config']);

/** Kinds that hold data or whole classes of objects: deleting them loses more than a restart. */
const DATA_KINDS: ReadonlySet<string> = new Set([
  'pv', 'persistentvolume', 'persistentvolumes', 'pvc', 'persistentvolumeclaim', 'persistentvolumeclaims', 'secret',
  'secrets', 'crd', 'crds', 'customresourcedefinition', 'customresourcedefinitions', 'statefulset', 'statefulsets', 'sts',
  'node', 'nodes', 'no', 'storageclass', 'storageclasses', 'sc', 'volumesnapshot', 'volumesnapshots',
]);

/** Kinds a controller re-creates (pods of a deployment) or that are throwaway (finished jobs, events). */
const EPHEMERAL_KINDS: ReadonlySet<string> = new Set(['po', 'pod', 'pods', 'job', 'jobs', 'ev', 'event', 'events', 'rs', 'replicaset', 'replicasets']);

interface DeleteFacts {
  /** Kinds named on the command line; empty for `-f file` / `-k dir`. */
  readonly kinds: readonly string[];
  /** Object names (from `kind name…` or `kind/name`). */
  readonly names: readonly string[];
  /** `--all`, the pseudo-kind `all`, or `-A`/`--all-namespaces`. */
  readonly everything: boolean;
  readonly allNamespaces: boolean;
}

/** Three rules read the same `kubectl delete`: parse it once per invocation (weakly keyed, unobservable). */
const deleteCache = new WeakMap<Invocation, DeleteFacts | null>();

function deleteFacts(inv: Invocation): DeleteFacts | undefined {
  let facts = deleteCache.get(inv);
  if (facts === undefined) {
    facts = parseDelete(inv) ?? null;
    deleteCache.set(inv, facts);
  }
  return facts ?? undefined;
}

function parseDelete(inv: Invocation): DeleteFacts | undefined {
  const rest = kubectlSub(inv, 'delete');
  if (rest === undefined || isDryRun(rest) || hasFlag(rest, 'h', 'help')) return undefined;
  const pos = positionals(rest, KUBECTL_VALUE_OPTS);
  const kinds: string[] = [];
  const names: string[] = [];
  const first = pos[0];
  if (first !== undefined && !first.includes('/')) {
    for (const k of first.split(',')) kinds.push(kindOf(k));
    for (let i = 1; i < pos.length; i++) names.push(pos[i] ?? '');
  } else {
    for (const p of pos) {
      const slash = p.indexOf('/');
      if (slash < 0) continue;
      kinds.push(kindOf(p.slice(0, slash)));
      names.push(p.slice(slash + 1));
    }
  }
  const allNamespaces = hasFlag(rest, 'A', 'all-namespaces');
  return { kinds, names, everything: hasLong(rest, 'all') || allNamespaces || kinds.includes('all'), allNamespaces };
}

/** `-n kube-system`: objects there (DNS, networking, controllers) keep the whole cluster running. `default` is not one. */
function inSystemNamespace(inv: Invocation): boolean {
  const ns = optionValue(inv.args, ['-n', '--namespace']);
  return ns !== undefined && ns !== 'default' && SYSTEM_NAMESPACES.has(ns);
}

function deletesNamespace(d: DeleteFacts): boolean {
  for (const k of d.kinds) if (NAMESPACE_KINDS.has(k)) return true;
  return false;
}

const deleteNamespace: CommandRule = {
  id: 'kubernetes.delete-namespace',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'critical',
  message: 'Deleting a namespace deletes everything in it: workloads, services, secrets and volume claims (and with them their data). Delete the workloads you mean by name instead.',
  match(inv) {
    const d = deleteFacts(inv);
    if (d === undefined || !deletesNamespace(d)) return false;
    for (const n of d.names) {
      if (SYSTEM_NAMESPACES.has(n)) {
        return { decision: 'deny', message: `Deleting the system namespace ${n} breaks the whole cluster. This is never a task for an agent.` };
      }
    }
    const hit: RuleHit = d.everything
      ? { message: 'This deletes every namespace it can reach, and everything in them. Delete the workloads you mean by name instead.' }
      : d.names.length === 1 && d.names[0] !== undefined && d.names[0] !== '' // '' when the name is only known at run time
        ? { target: d.names[0], message: `Deleting namespace ${d.names[0]} deletes everything in it: workloads, services, secrets and volume claims with their data. Delete the workloads you mean by name instead.` }
        : {};
    return hit;
  },
  examples: {
    match: [
      'kubectl delete namespace staging',
      'kubectl delete ns payments',
      'kubectl --context prod-eu delete ns payments',
      'kubectl delete namespace/feature-123',
      'kubectl delete ns kube-system',
      'oc delete project acme-dev',
      'kubectl delete ns --all',
    ],
    notMatch: ['kubectl get ns', 'kubectl create namespace staging', 'kubectl delete ns payments --dry-run=client', 'kubectl delete pod api-0 -n payments', 'kubectl describe namespace staging'],
  },
};

const deleteAll: CommandRule = {
  id: 'kubernetes.delete-all',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes every matching object in the namespace at once (`--all` / `all`). Delete the objects you mean by name or label instead.',
  match(inv) {
    const d = deleteFacts(inv);
    if (d === undefined || !d.everything || deletesNamespace(d)) return false;
    if (d.allNamespaces) return { risk: 'critical', message: 'This deletes matching objects in every namespace of the cluster at once. Delete the objects you mean by name, in one namespace, instead.' };
    return true;
  },
  examples: {
    match: [
      'kubectl delete pods --all',
      'kubectl delete all --all -n staging',
      'kubectl -n prod delete deploy --all',
      'kubectl delete pvc --all --all-namespaces',
      'kubectl delete all -l app=api',
      'kubectl delete jobs -A --field-selector status.successful=1',
    ],
    notMatch: ['kubectl get all -A', 'kubectl delete pod api-0', 'kubectl delete pods --all --dry-run=server', 'kubectl get pods --all-namespaces'],
  },
};

const deleteResource: CommandRule = {
  id: 'kubernetes.delete-resource',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes Kubernetes objects from the cluster. Prefer changing the manifests and applying them, so the change is reviewed and can be rolled back.',
  match(inv) {
    const d = deleteFacts(inv);
    if (d === undefined || d.everything || deletesNamespace(d)) return false;
    let data = false;
    let ephemeral = d.kinds.length > 0;
    for (const k of d.kinds) {
      if (DATA_KINDS.has(k)) data = true;
      if (!EPHEMERAL_KINDS.has(k)) ephemeral = false;
    }
    if (data) return { risk: 'high', message: 'This deletes volumes, secrets, stateful sets, nodes or resource definitions; the data or objects that depend on them go too. Let a person confirm.' };
    // `kubectl delete $(kubectl get ns -o name)`, `… | xargs kubectl delete`: what goes is only known when it runs
    if (d.kinds.length > 0 && d.kinds.every((k) => k === '') && inv.argv.some((a) => a.dynamic)) {
      return { risk: 'high', message: `\`${inv.text}\` deletes objects named by a command's output or a variable, only known when it runs (every namespace, as \`$(kubectl get ns -o name)\` is usually written). Name the objects you mean.` };
    }
    if (inSystemNamespace(inv)) {
      return { risk: ephemeral ? 'medium' : 'high', message: 'This deletes objects in a system namespace (kube-system, …) that the whole cluster depends on. Let a person confirm.' };
    }
    if (ephemeral) return { risk: 'low', message: 'This deletes pods or jobs; a controller usually re-creates pods, but running work is interrupted. `kubectl rollout restart` restarts a deployment gracefully.' };
    return true;
  },
  examples: {
    match: [
      'kubectl delete deployment api',
      'kubectl delete -f k8s/',
      'kubectl delete pod api-7d9f -n payments',
      'kubectl --kubeconfig ~/.kube/prod delete svc web',
      'kubectl delete pvc data-postgres-0',
      'kubectl delete secret db-credentials -n prod',
      'kubectl delete deploy/api svc/api',
      'oc delete route web',
      'kubectl -n kube-system delete configmap coredns',
      'kubectl delete $(kubectl get ns -o name)',
      'kubectl get ns -o name | xargs kubectl delete',
    ],
    notMatch: ['kubectl get pods', 'kubectl logs api-7d9f', 'kubectl delete deployment api --dry-run=client', 'kubectl apply -f k8s/', 'kubectl delete --help', 'kubectl describe pod api-0'],
  },
};

const drainNode: CommandRule = {
  id: 'kubernetes.drain-node',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'high',
  message: '`kubectl drain` evicts every pod from the node and marks it unschedulable; with `--delete-emptydir-data` local data is lost. Let a person plan the maintenance.',
  match(inv) {
    const rest = kubectlSub(inv, 'drain');
    return rest !== undefined && !isDryRun(rest);
  },
  examples: {
    match: ['kubectl drain node-1 --ignore-daemonsets', 'kubectl drain ip-10-0-1-5.ec2.internal --ignore-daemonsets --delete-emptydir-data --force', 'kubectl --context prod drain node-2'],
    notMatch: ['kubectl drain node-1 --dry-run=client', 'kubectl get nodes', 'kubectl uncordon node-1'],
  },
};

const scaleToZero: CommandRule = {
  id: 'kubernetes.scale-to-zero',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'high',
  message: 'Scaling to zero replicas stops every pod of the workload: the service is down until it is scaled back up. Let a person confirm.',
  match(inv) {
    const rest = kubectlSub(inv, 'scale');
    if (rest === undefined || isDryRun(rest)) return false;
    const replicas = optionValue(rest, ['--replicas']);
    return replicas !== undefined && Number(replicas) === 0 && replicas.trim() !== '';
  },
  examples: {
    match: ['kubectl scale deployment api --replicas=0', 'kubectl scale deploy/api --replicas 0 -n prod', 'kubectl -n payments scale statefulset postgres --replicas=0', 'kubectl scale deploy --all --replicas=0'],
    notMatch: ['kubectl scale deployment api --replicas=3', 'kubectl scale deployment api --replicas=0 --dry-run=client', 'kubectl get deploy api'],
  },
};

const forceReplace: CommandRule = {
  id: 'kubernetes.force-replace',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'medium',
  message: 'With `--force` the objects are deleted and created again instead of updated: their pods restart at once and anything tied to the old objects is lost. Apply without `--force`.',
  match(inv) {
    const sub = subcommand(inv.args, KUBECTL_VALUE_OPTS);
    if (sub === undefined || (sub.name !== 'replace' && sub.name !== 'apply')) return false;
    return hasLong(sub.rest, 'force') && !isDryRun(sub.rest);
  },
  examples: {
    match: ['kubectl replace --force -f deploy.yaml', 'kubectl apply -f k8s/ --force', 'kubectl -n prod replace -f job.yaml --force'],
    notMatch: ['kubectl replace -f deploy.yaml', 'kubectl apply -f k8s/', 'kubectl replace --force -f deploy.yaml --dry-run=server'],
  },
};

const applyPrune: CommandRule = {
  id: 'kubernetes.apply-prune',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'high',
  message: '`kubectl apply --prune` deletes every object in scope that is not in the manifests you apply. Run it with `--dry-run=server` first and let a person review.',
  match(inv) {
    const rest = kubectlSub(inv, 'apply');
    return rest !== undefined && hasLong(rest, 'prune') && !isDryRun(rest);
  },
  examples: {
    match: ['kubectl apply --prune -f k8s/ -l app=api', 'kubectl apply -f manifests/ --prune --all', 'kubectl --context prod apply -k overlays/prod --prune -l team=web'],
    notMatch: ['kubectl apply -f k8s/', 'kubectl apply --prune -f k8s/ -l app=api --dry-run=server', 'kubectl apply -k overlays/dev'],
  },
};

const taintNoExecute: CommandRule = {
  id: 'kubernetes.taint-no-execute',
  programs: KUBECTL,
  decision: 'confirm',
  risk: 'medium',
  message: 'A NoExecute taint evicts every pod on the node that does not tolerate it, right away. Use NoSchedule, or `kubectl cordon`, to keep new pods away without evicting running ones.',
  match(inv) {
    const rest = kubectlSub(inv, 'taint');
    if (rest === undefined || isDryRun(rest)) return false;
    for (const p of positionals(rest, KUBECTL_VALUE_OPTS)) if (p.endsWith(':NoExecute')) return true;
    return false;
  },
  examples: {
    match: ['kubectl taint nodes node-1 maintenance=true:NoExecute', 'kubectl taint node -l pool=spot spot=true:NoExecute'],
    notMatch: ['kubectl taint nodes node-1 dedicated=gpu:NoSchedule', 'kubectl taint nodes node-1 maintenance=true:NoExecute-'],
  },
};

const HELM = ['helm'];
/** helm options that take a value and may come before the sub-command. */
const HELM_VALUE_OPTS = [
  '-n', '--namespace', '--kube-context', '--kubeconfig', '--kube-apiserver', '--kube-as-user', '--kube-as-group',
  '--kube-ca-file', '--kube-token', '--kube-tls-server-name', '--registry-config', '--repository-cache',
  '--repository-config', '--burst-limit', '--qps',
];
const HELM_UNINSTALL: ReadonlySet<string> = new Set(['uninstall', 'delete', 'del', 'un']);

const helmUninstall: CommandRule = {
  id: 'kubernetes.helm-uninstall',
  programs: HELM,
  decision: 'confirm',
  risk: 'high',
  message: '`helm uninstall` deletes every Kubernetes object of the release; the application is gone until reinstalled. Let a person confirm, or use `--dry-run` to see what would go.',
  match(inv) {
    const sub = subcommand(inv.args, HELM_VALUE_OPTS);
    return sub !== undefined && HELM_UNINSTALL.has(sub.name) && !hasLong(sub.rest, 'dry-run');
  },
  examples: {
    match: ['helm uninstall api', 'helm delete monitoring --namespace observability', 'helm del redis -n cache', 'helm --kube-context prod uninstall web', 'helm un web --keep-history'],
    notMatch: ['helm list -A', 'helm status api', 'helm template charts/api', 'helm uninstall api --dry-run', 'helm plugin uninstall diff', 'helm repo remove bitnami'],
  },
};

/** Cluster tools beside kubectl and helm: the command words that delete, by program. */
const CLUSTER_TOOL_DELETES: ReadonlyMap<string, (pos: readonly string[]) => string | undefined> = new Map<string, (pos: readonly string[]) => string | undefined>([
  // `argocd app delete` deletes the app's resources from the cluster (cascading by default)
  ['argocd', (p) => ((p[0] === 'app' || p[0] === 'appset' || p[0] === 'proj' || p[0] === 'cluster') && (p[1] === 'delete' || p[1] === 'rm') ? `argocd ${p[0]} ${p[1]}` : undefined)],
  ['flux', (p) => (p[0] === 'delete' || p[0] === 'uninstall' ? `flux ${p[0]}` : undefined)],
  ['istioctl', (p) => (p[0] === 'uninstall' || p[0] === 'x' && p[1] === 'uninstall' ? 'istioctl uninstall' : undefined)],
  ['velero', (p) => ((p[0] === 'backup' || p[0] === 'schedule' || p[0] === 'restore') && p[1] === 'delete' ? `velero ${p[0]} delete` : undefined)],
  ['k3d', (p) => (p[0] === 'cluster' && p[1] === 'delete' ? 'k3d cluster delete' : undefined)],
  ['linkerd', (p) => (p[0] === 'uninstall' ? 'linkerd uninstall' : undefined)],
]);

const clusterToolDelete: CommandRule = {
  id: 'kubernetes.cluster-tool-delete',
  programs: ['argocd', 'flux', 'istioctl', 'velero', 'k3d', 'linkerd'],
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes applications, their cluster resources, a mesh or backups through a cluster tool. Let a person confirm, or look at what it would remove first.',
  match(inv) {
    const found = CLUSTER_TOOL_DELETES.get(inv.program)?.(positionals(inv.args, ['-n', '--namespace', '--context', '--kubeconfig', '--server', '--auth-token', '--grpc-web-root-path', '--revision', '-l', '--selector']));
    return found === undefined || hasLong(inv.args, 'help') || hasLong(inv.args, 'dry-run') ? undefined : { message: `\`${inv.text}\` (${found}) deletes resources of the cluster or the backups kept for it. Let a person confirm, or look at what it would remove first.` };
  },
  examples: {
    match: ['argocd app delete api --cascade', 'argocd app delete api -y', 'flux delete kustomization apps', 'flux uninstall --silent', 'istioctl uninstall --purge -y', 'velero backup delete --all --confirm', 'k3d cluster delete dev', 'linkerd uninstall'],
    notMatch: ['argocd app list', 'argocd app sync api', 'flux get kustomizations', 'flux reconcile source git flux-system', 'istioctl analyze', 'velero backup get', 'velero backup create nightly', 'k3d cluster list'],
  },
};

export const kubernetesPack: RulePack = {
  name: 'kubernetes',
  description: 'kubectl, oc, helm and other cluster tools (argocd, flux, istioctl, velero, k3d, linkerd) deleting workloads or their data, emptying nodes, or scaling services to zero.',
  rules: [deleteNamespace, deleteAll, deleteResource, drainNode, scaleToZero, forceReplace, applyPrune, taintNoExecute, helmUninstall, clusterToolDelete],
};
