import { strict as assert } from 'node:assert';
import { guardWith, itFlagsOnce, itStaysSilent, type PackCase } from './packGuard';
import { kubernetesPack } from '../../../src/core/rules/packs/kubernetes';

const guard = guardWith([kubernetesPack]);
const OPTS = { cwd: '/work/ws', root: '/work/ws' };


// Contexts and namespaces avoid "prod": the production matcher raises risk by one level on its own.
const flagged: readonly PackCase[] = [
  { command: 'kubectl delete namespace staging', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical', target: 'staging' },
  { command: 'kubectl delete ns payments', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical', target: 'payments' },
  { command: 'kubectl --context dev-eu delete ns payments', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl --kubeconfig /tmp/kc -n default delete namespace/feature-1', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl delete ns --all', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl delete namespace kube-system', rule: 'kubernetes.delete-namespace', decision: 'deny', risk: 'critical' },
  { command: 'oc delete project team-a', rule: 'kubernetes.delete-namespace', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl delete pods --all', rule: 'kubernetes.delete-all', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete all --all -n staging', rule: 'kubernetes.delete-all', decision: 'confirm', risk: 'high' },
  { command: 'kubectl -n staging delete deploy --all', rule: 'kubernetes.delete-all', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete pvc --all -A', rule: 'kubernetes.delete-all', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl delete deployments --all --all-namespaces', rule: 'kubernetes.delete-all', decision: 'confirm', risk: 'critical' },
  { command: 'kubectl delete deployment api', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl delete -f k8s/', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl delete svc/api deploy/api', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl delete pod api-7d9f -n payments', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'low' },
  { command: 'kubectl delete jobs migrate-1 migrate-2', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'low' },
  { command: 'kubectl -n kube-system delete pod coredns-5d78c9869d-abcde', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl delete deploy coredns --namespace kube-system', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete pvc data-postgres-0', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete secret db-credentials', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete crd certificates.cert-manager.io', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete StatefulSets.apps postgres', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'high' },
  { command: 'kubectl delete deployment api --dry-run=none', rule: 'kubernetes.delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl drain node-1 --ignore-daemonsets', rule: 'kubernetes.drain-node', decision: 'confirm', risk: 'high' },
  { command: 'kubectl scale deployment api --replicas=0', rule: 'kubernetes.scale-to-zero', decision: 'confirm', risk: 'high' },
  { command: 'kubectl scale --replicas 0 statefulset/postgres -n data', rule: 'kubernetes.scale-to-zero', decision: 'confirm', risk: 'high' },
  { command: 'kubectl replace --force -f deploy.yaml', rule: 'kubernetes.force-replace', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl apply -f k8s/ --force', rule: 'kubernetes.force-replace', decision: 'confirm', risk: 'medium' },
  { command: 'kubectl apply --prune -l app=api -f k8s/', rule: 'kubernetes.apply-prune', decision: 'confirm', risk: 'high' },
  { command: 'kubectl taint nodes node-1 maintenance=true:NoExecute', rule: 'kubernetes.taint-no-execute', decision: 'confirm', risk: 'medium' },
  { command: 'helm uninstall api', rule: 'kubernetes.helm-uninstall', decision: 'confirm', risk: 'high' },
  { command: 'helm delete monitoring --namespace observability', rule: 'kubernetes.helm-uninstall', decision: 'confirm', risk: 'high' },
  { command: 'helm --kube-context dev -n cache del redis', rule: 'kubernetes.helm-uninstall', decision: 'confirm', risk: 'high' },
];

const silent: readonly string[] = [
  'kubectl get pods',
  'kubectl get pods -A',
  'kubectl get all --all-namespaces',
  'kubectl -n payments get deploy api -o yaml',
  'kubectl describe pod api-0',
  'kubectl logs -f deploy/api --since=10m',
  'kubectl apply -f k8s/',
  'kubectl apply -k overlays/dev',
  'kubectl apply --dry-run=server -f k8s/',
  'kubectl diff -f k8s/',
  'kubectl delete deployment api --dry-run=client',
  'kubectl delete pods --all --dry-run=server',
  'kubectl scale deployment api --replicas=3',
  'kubectl rollout status deploy/api',
  'kubectl rollout restart deploy/api',
  'kubectl rollout undo deploy/api',
  'kubectl cordon node-1',
  'kubectl uncordon node-1',
  'kubectl drain node-1 --dry-run=client',
  'kubectl taint nodes node-1 dedicated=gpu:NoSchedule',
  'kubectl config get-contexts',
  'kubectl config use-context dev',
  'kubectl top pods -n staging',
  'kubectl port-forward svc/api 8080:80',
  'kubectl create namespace feature-2',
  'helm list -A',
  'helm status api',
  'helm template charts/api',
  'helm upgrade --install api charts/api -n dev',
  'helm rollback api 3',
  'helm uninstall api --dry-run',
  'helm plugin uninstall diff',
  'helm repo remove bitnami',
];

describe('kubernetes pack', () => {
  describe('flags deletions, drains and scale-downs with the expected decision and risk', () => {
    itFlagsOnce(guard, 'kubernetes.', flagged, OPTS);
  });

  describe('stays silent on reading, applying and rolling out', () => {
    itStaysSilent(guard, silent, OPTS);
  });

  it('asks for no typed name when the namespace is only known at run time', () => {
    const v = guard.checkCommand('kubectl delete ns "$NS"', OPTS);
    assert.equal(v.decision, 'confirm');
    assert.equal(v.typedConfirmation, undefined);
  });

  it('asks a person to type the namespace before it is deleted', () => {
    const v = guard.checkCommand('kubectl delete namespace staging', OPTS);
    assert.equal(v.decision, 'confirm');
    assert.equal(v.typedConfirmation, 'staging');
  });

});
