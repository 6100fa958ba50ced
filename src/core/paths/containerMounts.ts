/**
 * A path inside a new container (`docker run`), seen from this machine: through a writable bind mount it is the
 * host path behind it (`/h/x` with `-v ~:/h` is `~/x`); anywhere else it is the container's own file, which
 * nothing on this machine depends on.
 */
import type { Arg, ContainerMount } from '../invocation';
import { isWithin, resolve } from './posix';

/**
 * The host path a container path reaches, or undefined when it reaches nothing of this machine (the container's
 * own files, a read-only mount). A relative path in a working directory that is not known could be under any
 * writable mount: it comes back unknown (dynamic).
 * `cwd` is the container's working directory (from `-w` or a `cd` inside), in container terms.
 */
export function hostPath(arg: Arg, mounts: readonly ContainerMount[], cwd: string | undefined): Arg | undefined {
  if (mounts.length === 0) return undefined;
  const v = arg.value;
  // an entirely unknown word could be a path through any mount
  if (v === '' && arg.dynamic) return arg;
  let inside: string;
  if (v.charCodeAt(0) === 47) inside = resolve('/', v);
  else if (cwd !== undefined && v.charCodeAt(0) !== 126 /* ~ is the container's home */) inside = resolve(cwd, v);
  else if (!walledOff(mounts)) return arg;
  // a relative path in a working directory only known when it runs (`-w "$D"`) could be under any writable mount
  else if (cwd === undefined && v.charCodeAt(0) !== 126 && mounts.some((m) => !m.readOnly)) return { ...arg, dynamic: true };
  else return undefined;
  // (`/h/*` stays a glob over the mount: resolving keeps the `*`; `/h/../etc` is the container's own /etc)
  let best: ContainerMount | undefined;
  for (const m of mounts) {
    const t = m.target.length > 1 ? m.target.replace(/\/+$/, '') : m.target;
    if (isWithin(inside, t) && (best === undefined || t.length > best.target.length)) best = { ...m, target: t };
  }
  if (best === undefined || best.readOnly) return undefined;
  if (best.asWritten === true) return arg;
  const tail = inside.slice(best.target === '/' ? 0 : best.target.length);
  const src = best.source.value.replace(/\/+$/, '');
  const value = src === '' && !best.source.dynamic ? tail || '/' : src + tail;
  return { value, dynamic: arg.dynamic || best.source.dynamic, glob: arg.glob };
}

/** The container reaches this machine only through these mounts (a `docker run`, not a `docker compose run`). */
export function walledOff(mounts: readonly ContainerMount[]): boolean {
  for (const m of mounts) if (m.asWritten === true) return false;
  return true;
}

/** The mount that keeps every path not under an explicit mount as written (ContainerMount.asWritten). */
export const REST_AS_WRITTEN: ContainerMount = { source: { value: '/', dynamic: false, glob: false }, target: '/', readOnly: false, asWritten: true };
