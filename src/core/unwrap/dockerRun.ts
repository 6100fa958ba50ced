/**
 * The shape of `docker run [opts] IMAGE [cmd…]` (podman, nerdctl alike): which words are docker's own options,
 * where the image is, which host directories are bind-mounted where, and what the container runs. Shared by the
 * unwrapper (the container's command is judged through its mounts) and the containers pack (host access).
 */
import type { Arg, ContainerMount } from '../invocation';

/** Options of `docker run` that take a value (so the image is the first word that is not one of them). */
export const RUN_VALUE_OPTS: ReadonlySet<string> = new Set([
  '-v', '--volume', '--mount', '-e', '--env', '--env-file', '-p', '--publish', '-w', '--workdir', '--name', '--network', '--net',
  '-u', '--user', '--entrypoint', '-l', '--label', '--platform', '-m', '--memory', '--cpus', '--restart', '--hostname', '-h',
  '--add-host', '--device', '--cap-add', '--cap-drop', '--security-opt', '--ulimit', '--pid', '--ipc', '--uts', '--userns',
  '--log-driver', '--log-opt', '--tmpfs', '--volumes-from', '--gpus', '--shm-size', '--stop-signal', '--stop-timeout',
  '--health-cmd', '--health-interval', '--pull', '--dns', '--expose', '--link', '--cidfile', '--cgroupns', '--runtime',
  '--label-file', '--memory-swap', '--cpu-shares', '-c', '--cpuset-cpus', '--init-path', '--mac-address', '--ip', '--ip6',
  '--group-add', '--sysctl', '--attach', '-a', '--detach-keys', '--isolation', '--network-alias', '--storage-opt',
]);

/** Index of the image word in the arguments after `run` (`rest.length` when there is none). */
export function imageIndex(rest: readonly string[]): number {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--') return i + 1;
    if (a.startsWith('-')) {
      if (!a.includes('=') && RUN_VALUE_OPTS.has(a)) i++;
      continue;
    }
    return i;
  }
  return rest.length;
}

/** One mount as written: `-v SRC:DST[:opts]` or `--mount type=bind,source=…,target=…[,readonly]`. */
interface WrittenMount {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

/** The value of each `-v`/`--volume`/`--mount` option among docker's own words, with its expansion facts. */
function mountOptions(own: readonly Arg[]): { readonly kind: 'volume' | 'mount'; readonly value: Arg }[] {
  const out: { kind: 'volume' | 'mount'; value: Arg }[] = [];
  for (let i = 0; i < own.length; i++) {
    const a = own[i] as Arg;
    const v = a.value;
    const next = own[i + 1];
    if ((v === '-v' || v === '--volume' || v === '--mount') && next !== undefined) {
      out.push({ kind: v === '--mount' ? 'mount' : 'volume', value: next });
      i++;
    } else if (v.startsWith('--volume=') || v.startsWith('--mount=')) {
      const eq = v.indexOf('=');
      out.push({ kind: v.startsWith('--mount') ? 'mount' : 'volume', value: { ...a, value: v.slice(eq + 1) } });
    } else if (v.startsWith('-v') && v.length > 2 && !v.startsWith('--')) {
      out.push({ kind: 'volume', value: { ...a, value: v.slice(2) } });
    }
  }
  return out;
}

/** `-v SRC:DST[:opts]` / `--mount type=bind,…` → source, target, read-only; named volumes and tmpfs → undefined. */
function parseMount(kind: 'volume' | 'mount', value: string): WrittenMount | undefined {
  if (kind === 'volume') {
    const parts = value.split(':');
    const source = parts[0] ?? '';
    const target = parts[1] ?? '';
    // a named volume (`pgdata:/var/lib/postgresql/data`) lives in docker's own storage
    if (!source.startsWith('/') && !source.startsWith('~') && !source.startsWith('.')) return undefined;
    return { source, target, readOnly: parts.slice(2).some((o) => o.split(',').includes('ro')) };
  }
  const fields = new Map(value.split(',').map((kv) => {
    const i = kv.indexOf('=');
    return i < 0 ? [kv, 'true'] as const : [kv.slice(0, i), kv.slice(i + 1)] as const;
  }));
  if ((fields.get('type') ?? 'volume') !== 'bind') return undefined;
  const source = fields.get('source') ?? fields.get('src');
  if (source === undefined) return undefined;
  const ro = fields.get('readonly') ?? fields.get('ro');
  return { source, target: fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? '', readOnly: ro === 'true' || ro === '1' };
}

/** Bind mounts whose host side is known (for the host-access rule: a mount of `/` or a system directory). */
export function knownBindMounts(argv: readonly Arg[], own: number): { readonly source: string; readonly readOnly: boolean }[] {
  const out: { source: string; readOnly: boolean }[] = [];
  for (const m of mountOptions(argv.slice(0, own))) {
    if (m.value.dynamic) continue;
    const parsed = parseMount(m.kind, m.value.value);
    if (parsed) out.push({ source: parsed.source, readOnly: parsed.readOnly });
  }
  return out;
}

/**
 * Every bind mount, host side as an Arg: a mount whose value is partly unknown (`-v "$DATA":/data`) keeps its
 * known tail and is marked dynamic, so deleting through it is judged like deleting `"$DATA"/…` on the host.
 */
export function containerMounts(own: readonly Arg[]): ContainerMount[] {
  const out: ContainerMount[] = [];
  for (const m of mountOptions(own)) {
    const v = m.value;
    if (v.dynamic && m.kind === 'volume' && v.value.startsWith(':')) {
      // `"$X":/dst` — the host side is entirely unknown
      const target = v.value.slice(1).split(':')[0] ?? '';
      if (target.startsWith('/')) out.push({ source: { value: '', dynamic: true, glob: false }, target, readOnly: v.value.split(':').slice(2).some((o) => o.split(',').includes('ro')) });
      continue;
    }
    const parsed = parseMount(m.kind, v.value);
    if (!parsed?.target.startsWith('/')) continue;
    out.push({ source: { value: parsed.source, dynamic: v.dynamic, glob: false }, target: parsed.target, readOnly: parsed.readOnly });
  }
  return out;
}

/** `-w /app` / `--workdir=/app`: the container's working directory, when given as an absolute literal. */
export function workdir(own: readonly Arg[]): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < own.length; i++) {
    const v = (own[i] as Arg).value;
    let w: Arg | undefined;
    if (v === '-w' || v === '--workdir') w = own[++i];
    else if (v.startsWith('--workdir=')) w = { ...(own[i] as Arg), value: v.slice(10) };
    else if (v.startsWith('-w') && v.length > 2 && !v.startsWith('--')) w = { ...(own[i] as Arg), value: v.slice(2) };
    if (w !== undefined) out = !w.dynamic && w.value.startsWith('/') ? w.value : undefined;
  }
  return out;
}

/** `--entrypoint X`: the program the container starts instead of the image's own. */
export function entrypoint(own: readonly Arg[]): Arg | undefined {
  let out: Arg | undefined;
  for (let i = 0; i < own.length; i++) {
    const a = own[i] as Arg;
    if (a.value === '--entrypoint') out = own[++i];
    else if (a.value.startsWith('--entrypoint=')) out = { ...a, value: a.value.slice(13) };
  }
  return out !== undefined && out.value !== '' ? out : undefined;
}
