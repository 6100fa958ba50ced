/**
 * Containers: Docker/Podman/nerdctl commands that delete data kept in volumes or remove everything at once
 * (`system prune --volumes`, `volume rm`, `compose down -v`, `rm -f $(docker ps -aq)`), and containers started
 * with the host's whole filesystem or full privileges. Building, running, logs and `compose up` stay silent.
 */
import type { Invocation } from '../../invocation';
import type { RuleContext } from '../context';
import type { CommandRule, RulePack } from '../rule';
import { hasExact, hasFlag, hasLong, subcommand } from '../args';
import { imageIndex, knownBindMounts } from '../../unwrap/dockerRun';

const ENGINES = ['docker', 'podman', 'nerdctl'];
const COMPOSE_PROGRAMS = ['docker-compose', 'podman-compose'];

/** Options of `docker`/`podman` itself that take the next word as their value. */
const GLOBAL_VALUE_OPTS = [
  '-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey',
  '--connection', '--url', '--root', '--runroot', '--storage-driver', '--storage-opt', '--identity', '--namespace', '-n', '--address', '-a',
];
/** Options of `docker compose` / `docker-compose` that take a value. */
const COMPOSE_VALUE_OPTS = ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '--progress'];

interface Sub {
  /** `system prune` → ['system', 'prune']; `rm` → ['rm']. */
  readonly words: readonly string[];
  readonly rest: readonly string[];
}

/** The (up to two-word) sub-command of an engine invocation: `volume rm`, `container prune`, `compose down`. */
function engineSub(inv: Invocation): Sub | undefined {
  const first = subcommand(inv.args, GLOBAL_VALUE_OPTS);
  if (!first) return undefined;
  if (first.name === 'compose') {
    const second = subcommand(first.rest, COMPOSE_VALUE_OPTS);
    return second ? { words: ['compose', second.name], rest: second.rest } : undefined;
  }
  if (GROUPS.has(first.name)) {
    const second = subcommand(first.rest, []);
    return second ? { words: [first.name, second.name], rest: second.rest } : undefined;
  }
  return { words: [first.name], rest: first.rest };
}
const GROUPS = new Set(['system', 'volume', 'container', 'image', 'network', 'builder', 'buildx']);

/** `docker container rm` and `docker rm` are the same command; so are `image rm`/`rmi`, `volume remove`/`rm`. */
function is(sub: Sub | undefined, ...names: string[]): boolean {
  if (!sub) return false;
  const joined = sub.words.join(' ');
  return names.includes(joined);
}

function isHelp(args: readonly string[]): boolean {
  return hasLong(args, 'help');
}

// ---------------------------------------------------------------------------------------------- prune

const systemPrune: CommandRule = {
  id: 'container.system-prune',
  programs: ENGINES,
  decision: 'confirm',
  risk: 'medium',
  message: 'This removes every stopped container and every image no container uses (with --volumes, every unused volume too). Check `docker system df` first, or prune one kind at a time.',
  match: (inv) => {
    const sub = engineSub(inv);
    if (sub && is(sub, 'system reset') && !isHelp(sub.rest)) {
      return { risk: 'high', message: `\`${inv.text}\` deletes every container, image, volume and network of this engine, and the data in the volumes, for good. Remove what you mean by name instead.` };
    }
    if (!is(sub, 'system prune') || !sub || isHelp(sub.rest)) return undefined;
    const volumes = hasLong(sub.rest, 'volumes');
    const all = hasFlag(sub.rest, 'a', 'all');
    if (volumes) {
      return { risk: 'high', message: `\`${inv.text}\` also deletes every volume no running container uses — database data kept in volumes is lost for good. Remove the volumes you mean by name (\`docker volume rm <name>\`) instead.` };
    }
    if (all) return { message: `\`${inv.text}\` removes every stopped container and every image no container uses (not just dangling ones), plus networks and the build cache. Check \`docker system df\` first, or prune one kind at a time.` };
    // plain `system prune` only clears stopped containers, dangling images and caches: ordinary housekeeping
    return undefined;
  },
  examples: {
    match: ['docker system prune -a --volumes', 'docker system prune -af --volumes', 'docker system prune --volumes -f', 'podman system prune --all --volumes --force', 'sudo docker system prune -a', 'podman system reset -f', 'podman system reset'],
    notMatch: ['docker system prune -f', 'docker system df', 'docker system info', 'podman system reset --help', 'docker image prune -f', 'docker ps -a', 'echo docker system prune --volumes'],
  },
};

const volumeRemove: CommandRule = {
  id: 'container.volume-remove',
  programs: ENGINES,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes Docker volumes and the data in them (databases often keep theirs there); it cannot be undone. Back the volume up first if it holds anything you need.',
  match: (inv) => {
    const sub = engineSub(inv);
    if (!sub || isHelp(sub.rest)) return undefined;
    if (is(sub, 'volume rm', 'volume remove')) {
      const names = sub.rest.filter((a) => !a.startsWith('-'));
      const all = hasFlag(sub.rest, 'a', 'all'); // podman volume rm --all
      const shown = all ? 'every volume' : names.length > 0 ? `the volume${names.length > 1 ? 's' : ''} ${names.join(', ')}` : 'the volumes';
      return { message: `This deletes ${shown} and the data in ${names.length > 1 || all ? 'them' : 'it'} for good (databases often keep their data in volumes). Back it up first if it holds anything you need.` };
    }
    if (is(sub, 'volume prune')) {
      const all = hasFlag(sub.rest, 'a', 'all');
      return { message: `This deletes every ${all ? 'volume' : 'anonymous volume'} that no container uses, with the data in it, for good. Remove the volumes you mean by name instead.` };
    }
    return undefined;
  },
  examples: {
    match: ['docker volume rm pgdata', 'docker volume prune -f', 'docker volume prune --all --force', 'podman volume rm --all', 'docker volume remove cache data'],
    notMatch: ['docker volume ls', 'docker volume inspect pgdata', 'docker volume create pgdata', 'docker rm myapp'],
  },
};

// ---------------------------------------------------------------------------------------------- remove everything

const removeAll: CommandRule = {
  id: 'container.remove-all',
  programs: ENGINES,
  decision: 'confirm',
  risk: 'high',
  message: 'This removes every container (or image) at once, including ones other projects use. Remove the ones you mean by name instead.',
  match: (inv) => {
    const sub = engineSub(inv);
    if (!sub || isHelp(sub.rest)) return undefined;
    const dynamic = inv.argv.some((a) => a.dynamic);
    if (is(sub, 'rm', 'container rm', 'container remove')) {
      const all = hasFlag(sub.rest, 'a', 'all'); // podman rm --all
      if (all || dynamic) {
        const force = hasFlag(sub.rest, 'f', 'force');
        return { message: `\`${inv.text}\` removes ${all ? 'every container' : 'a list of containers computed when it runs (every container, as usually written)'}${force ? ', running ones included' : ''}; their unsaved data goes with them. Remove the containers you mean by name instead.` };
      }
      return undefined;
    }
    if (is(sub, 'container prune')) {
      return { risk: 'medium', message: 'This removes every stopped container with whatever was written inside it. Remove the containers you mean by name instead.' };
    }
    if (is(sub, 'rmi', 'image rm', 'image remove')) {
      if (hasFlag(sub.rest, 'a', 'all') || dynamic) return { risk: 'medium', message: `\`${inv.text}\` removes a whole list of images at once; images built locally and never pushed must be rebuilt. Remove the images you mean by name instead.` };
      return undefined;
    }
    if (is(sub, 'image prune') && hasFlag(sub.rest, 'a', 'all')) {
      return { risk: 'medium', message: 'This removes every image no container uses, not just dangling ones; images built locally and never pushed must be rebuilt. Use `docker image prune` (dangling only) or remove images by name.' };
    }
    return undefined;
  },
  examples: {
    match: ['docker rm -f $(docker ps -aq)', 'docker container rm $(docker container ls -aq)', 'podman rm -af', 'docker rmi -f $(docker images -q)', 'docker image prune -a -f', 'docker container prune -f'],
    notMatch: ['docker stop myapp && docker rm myapp', 'docker image prune -f', 'docker rmi myapp:old', 'docker ps -a', 'docker stop $(docker ps -q)'],
  },
};

// ---------------------------------------------------------------------------------------------- compose

function composeArgs(inv: Invocation): Sub | undefined {
  if (COMPOSE_PROGRAMS.includes(inv.program)) {
    const s = subcommand(inv.args, COMPOSE_VALUE_OPTS);
    return s ? { words: ['compose', s.name], rest: s.rest } : undefined;
  }
  return engineSub(inv);
}

const composeDownVolumes: CommandRule = {
  id: 'container.compose-down-volumes',
  programs: [...ENGINES, ...COMPOSE_PROGRAMS],
  decision: 'confirm',
  risk: 'high',
  message: 'compose down with -v/--volumes deletes the project\'s volumes, so database and cache data kept in them is lost for good. Use `compose down` without -v to keep the data.',
  match: (inv) => {
    const sub = composeArgs(inv);
    if (sub && is(sub, 'compose rm') && hasFlag(sub.rest, 'v', 'volumes')) {
      return { message: `\`${inv.text}\` also deletes the anonymous volumes of the removed containers, and the data kept in them is lost for good. Leave out -v to keep the data.` };
    }
    if (!is(sub, 'compose down') || !sub) return undefined;
    return hasFlag(sub.rest, 'v', 'volumes') ? true : undefined;
  },
  examples: {
    match: ['docker compose down -v', 'docker-compose down --volumes --remove-orphans', 'docker compose -f docker-compose.test.yml down -v', 'podman-compose down -v', 'docker compose rm -fsv', 'docker-compose rm -v -f db'],
    notMatch: ['docker compose down', 'docker compose rm -f', 'docker compose rm -sf api', 'docker compose up -d', 'docker compose logs -f --tail=100 api', 'docker-compose down --remove-orphans', 'docker compose run --rm api npm run migrate:status'],
  },
};

// ---------------------------------------------------------------------------------------------- run with the host

const RUN_LIKE = new Set(['run', 'create', 'container run', 'container create', 'compose run']);

interface Mount {
  readonly source: string;
  readonly readOnly: boolean;
}

const hostAccess: CommandRule = {
  id: 'container.host-access',
  programs: [...ENGINES, ...COMPOSE_PROGRAMS],
  decision: 'confirm',
  risk: 'high',
  message: 'This container gets the host\'s whole filesystem or full privileges, so anything running in it can change or delete anything on this machine. Mount only the project directory, and drop --privileged.',
  match: (inv, ctx: RuleContext) => {
    // `docker compose run -v /:/host …` adds the same mounts to the service's container
    const sub = composeArgs(inv);
    if (!sub || !RUN_LIKE.has(sub.words.join(' '))) return undefined;
    const ownCount = imageIndex(sub.rest);
    const own = sub.rest.slice(0, ownCount);
    const privileged = hasExact(own, '--privileged');
    let root: Mount | undefined;
    let system: string | undefined;
    // the sub-command's words are the last ones of argv (engine options come before them)
    const argv = inv.argv.slice(inv.argv.length - sub.rest.length);
    for (const m of knownBindMounts(argv, ownCount)) {
      const p = ctx.resolvePath(m.source, inv.cwd);
      if (p.abs === '/') root = root && !root.readOnly ? root : m;
      else if (p.isSystem && !m.readOnly) system ??= p.abs;
    }
    if (root && privileged) return { risk: 'critical', message: 'This starts a privileged container with the host\'s whole filesystem mounted: it can change or delete anything on this machine. Mount only the project directory, and drop --privileged.' };
    if (root) {
      return root.readOnly
        ? { risk: 'medium', message: 'This container can read the host\'s whole filesystem (mounted read-only), secrets in home directories included. Mount only the project directory.' }
        : { message: 'This container gets the host\'s whole filesystem mounted writable: anything in it can change or delete any file on this machine. Mount only the project directory.' };
    }
    if (system !== undefined) return { risk: 'medium', message: `This container gets the host's ${system} mounted writable, so it can change system files. Mount only what it needs, read-only (:ro).` };
    if (privileged) return { risk: 'medium', message: '--privileged gives the container every device and kernel capability of the host; it can take over this machine. Add only the capabilities it needs with --cap-add.' };
    return undefined;
  },
  examples: {
    match: ['docker run -v /:/host alpine sh', 'docker run --rm -it --privileged -v /:/mnt ubuntu bash', 'docker run --privileged docker:dind', 'docker run --mount type=bind,source=/,target=/host alpine', 'podman run -v /etc:/etc alpine', 'docker run -v /:/host:ro alpine ls /host', 'docker compose run -v /:/host app ls /host', 'docker-compose -f ci.yml run --rm -v /etc:/etc app sh'],
    notMatch: ['docker run --rm -it -v "$PWD":/app -w /app node:20 npm test', 'docker compose run --rm -v "$PWD":/app api npm test', 'docker run --rm -p 5432:5432 -e POSTGRES_PASSWORD=dev postgres:16', 'docker run -v pgdata:/var/lib/postgresql/data postgres', 'docker run -v /etc/localtime:/etc/localtime:ro app', 'docker run alpine ls -v /', 'docker build -t myapp:dev .'],
  },
};

export const containersPack: RulePack = {
  name: 'container',
  description: 'Docker, Podman and nerdctl: removing volumes and everything at once, compose down -v, containers with the host\'s filesystem or full privileges.',
  rules: [systemPrune, volumeRemove, removeAll, composeDownVolumes, hostAccess],
};
