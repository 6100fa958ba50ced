/**
 * Commands run inside a container or pod — `docker exec`, `docker compose exec|run`, `podman`/`nerdctl`,
 * `kubectl exec`, `oc exec` — are judged like the command itself; reasons say where it runs, and the working
 * directory there is unknown. The docker/kubectl command itself is judged too. A new container (`docker run`) is
 * judged through its bind mounts: what it does to its own files is no concern of this machine.
 */
import type { Arg } from '../invocation';
import { containerMounts, entrypoint, imageIndex, workdir } from './dockerRun';
import { lit, skipOptions, UNKNOWN, type Wrapper, type WrapperResult } from './kit';
import { REST_AS_WRITTEN } from '../paths/containerMounts';

/** A command run inside a container or pod: judged like the command itself, with where it runs noted. */
function inside(argv: readonly Arg[], where: string, label: string): WrapperResult {
  if (argv.length === 0) return { kind: 'none' };
  return { kind: 'exec', argv, label, remote: where, cwd: UNKNOWN, outer: true };
}


const DOCKER_GLOBAL = ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'];
const DOCKER_EXEC = ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'];
const COMPOSE_GLOBAL = ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '--progress'];
const COMPOSE_EXEC = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--index'];
const COMPOSE_RUN = [...COMPOSE_EXEC, '--env-file', '--entrypoint', '-l', '--label', '--name', '-p', '--publish', '--pull', '-v', '--volume', '--cap-add', '--cap-drop'];

/** `docker-compose [opts] exec|run [opts] SERVICE cmd…` (also `docker compose …`), from index `i`. */
function compose(args: readonly Arg[], i: number, tool: string): WrapperResult {
  i = skipOptions(args, i, COMPOSE_GLOBAL);
  const sub = args[i]?.value;
  if (sub !== 'exec' && sub !== 'run') return { kind: 'none' };
  const at = skipOptions(args, i + 1, sub === 'exec' ? COMPOSE_EXEC : COMPOSE_RUN);
  const service = args[at]?.value ?? '';
  const result = inside(args.slice(at + 1), `inside the ${service} service's container, through ${tool} ${sub}`, `${tool} ${sub} ${service}`);
  // `run -v ~:/h`: paths under its own bind mounts are the host's; the compose file's mounts are unknown, so the
  // rest is judged as written, as for `exec`
  const own = sub === 'run' && result.kind === 'exec' ? containerMounts(args.slice(i + 1, at)) : [];
  return own.length === 0 || result.kind !== 'exec' ? result : { ...result, mounts: [...own, REST_AS_WRITTEN] };
}

/** `docker exec [opts] CONTAINER cmd…`, `docker container exec …`, `docker compose exec|run …` (podman, nerdctl alike). */
function containerTool(tool: string): Wrapper {
  return (args) => {
    let i = skipOptions(args, 0, DOCKER_GLOBAL);
    let sub = args[i]?.value;
    if (sub === 'container') sub = args[++i]?.value;
    if (sub === 'compose') return compose(args, i + 1, `${tool} compose`);
    if (sub === 'run') return run(args.slice(i + 1), tool);
    if (sub !== 'exec') return { kind: 'none' };
    const at = skipOptions(args, i + 1, DOCKER_EXEC);
    const container = args[at]?.value ?? '';
    return inside(args.slice(at + 1), `inside the container ${container}, through ${tool} exec`, `${tool} exec ${container}`);
  };
}

/** `docker run [opts] IMAGE cmd…`: the command runs in a new container that sees only its bind mounts of this machine. */
function run(rest: readonly Arg[], tool: string): WrapperResult {
  const at = imageIndex(rest.map((a) => a.value));
  const own = rest.slice(0, at);
  const image = rest[at]?.value ?? '';
  const entry = entrypoint(own) ?? toolEntrypoint(image);
  const argv = entry !== undefined ? [entry, ...rest.slice(at + 1)] : rest.slice(at + 1);
  // no command: the image's own, which nothing here can see
  if (argv.length === 0) return { kind: 'none' };
  const dir = workdir(own);
  const where = `inside a new container of ${image}, through ${tool} run`;
  const cwd = dir !== undefined ? lit(dir) : UNKNOWN;
  // a container that shares the host's devices, processes or network is judged like a command on this machine
  if (sharesHost(own)) return { kind: 'exec', argv, label: `${tool} run ${image}`, remote: where, cwd, outer: true };
  // Without -w the container starts in its image's WORKDIR, which cannot be seen from here: most images (alpine,
  // debian, ubuntu, python, node…) leave it at `/`, so relative paths are judged from `/` — `docker run -v
  // "$PWD":/w img rm -rf w` deletes the workspace. An image with its own WORKDIR makes that stricter, never laxer,
  // for paths named like a mount. A -w only known when it runs keeps the directory unknown.
  const start = dir !== undefined ? cwd : hasWorkdir(own) ? UNKNOWN : lit('/');
  return { kind: 'exec', argv, label: `${tool} run ${image}`, remote: where, cwd: start, outer: true, mounts: containerMounts(own) };
}

/** A -w / --workdir option is given (its value may be unknown or relative). */
function hasWorkdir(own: readonly Arg[]): boolean {
  return own.some((a) => a.value === '-w' || a.value === '--workdir' || a.value.startsWith('--workdir=') || (a.value.startsWith('-w') && !a.value.startsWith('--')));
}

/**
 * Official images whose entrypoint is the tool itself: `docker run hashicorp/terraform destroy` runs
 * `terraform destroy`. Keyed by the image's last two path segments, without tag or digest.
 */
const TOOL_IMAGES: ReadonlyMap<string, string> = new Map([
  ['hashicorp/terraform', 'terraform'], ['opentofu/opentofu', 'tofu'], ['alpine/git', 'git'], ['bitnami/git', 'git'],
  ['bitnami/kubectl', 'kubectl'], ['rancher/kubectl', 'kubectl'], ['alpine/helm', 'helm'], ['amazon/aws-cli', 'aws'],
  ['pulumi/pulumi', 'pulumi'], ['minio/mc', 'mc'], ['flyway/flyway', 'flyway'],
]);

function toolEntrypoint(image: string): Arg | undefined {
  const name = image.replace(/@.*$/, '').replace(/:[^/]*$/, '').split('/').slice(-2).join('/');
  const tool = TOOL_IMAGES.get(name);
  return tool === undefined ? undefined : lit(tool);
}

/** `--privileged`, `--pid=host`, `--network host`, `--device …`, `--cap-add …`: the container is not walled off. */
function sharesHost(own: readonly Arg[]): boolean {
  for (let i = 0; i < own.length; i++) {
    const v = (own[i] as Arg).value;
    if (v === '--privileged' || v.startsWith('--device') || v.startsWith('--cap-add') || v === '--volumes-from' || v.startsWith('--volumes-from=')) return true;
    const eq = v.indexOf('=');
    const name = eq < 0 ? v : v.slice(0, eq);
    if (HOST_NAMESPACES.has(name)) {
      const value = eq < 0 ? own[i + 1]?.value : v.slice(eq + 1);
      if (value === 'host') return true;
    }
  }
  return false;
}
const HOST_NAMESPACES: ReadonlySet<string> = new Set(['--pid', '--network', '--net', '--ipc', '--uts', '--userns', '--cgroupns']);

const KUBECTL_GLOBAL = ['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--as-uid', '--request-timeout', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '-v', '--profile', '--profile-output', '--password', '--username'];
const KUBECTL_EXEC = [...KUBECTL_GLOBAL, '-c', '--container', '-f', '--filename', '--pod-running-timeout'];

/** `kubectl [opts] exec [opts] POD [-c C] -- cmd…` (and the old form without `--`); `oc` alike. */
function podExec(tool: string): Wrapper {
  return (args) => {
    const i = skipOptions(args, 0, KUBECTL_GLOBAL);
    if (args[i]?.value !== 'exec') return { kind: 'none' };
    const rest = args.slice(i + 1);
    const dd = rest.findIndex((a) => a.value === '--');
    const head = dd >= 0 ? rest.slice(0, dd) : rest;
    // the pod is the first word that is not an option or an option's value
    let pod = '';
    for (let j = 0; j < head.length; j++) {
      const v = (head[j] as Arg).value;
      if (v.startsWith('-')) {
        if (!v.includes('=') && KUBECTL_EXEC.includes(v)) j++;
        continue;
      }
      pod = v;
      if (dd < 0) return inside(head.slice(j + 1), `inside the pod ${pod}, through ${tool} exec`, `${tool} exec ${pod}`);
      break;
    }
    if (dd < 0) return { kind: 'none' };
    return inside(rest.slice(dd + 1), `inside the pod ${pod || '(unnamed)'}, through ${tool} exec`, `${tool} exec ${pod}`);
  };
}

export const CONTAINER_WRAPPERS: readonly (readonly [string, Wrapper])[] = [
  ['docker', containerTool('docker')],
  ['podman', containerTool('podman')],
  ['nerdctl', containerTool('nerdctl')],
  ['docker-compose', (args) => compose(args, 0, 'docker-compose')],
  ['podman-compose', (args) => compose(args, 0, 'podman-compose')],
  ['kubectl', podExec('kubectl')],
  ['oc', podExec('oc')],
];
