/**
 * Turning a path argument into what it will touch: absolute, normalised, with the worst case for what is
 * unknown (an unset variable expands to nothing), and classified against the workspace, the home directory and
 * the system directories.
 */
import type { Arg } from '../invocation';
import type { ResolvedPath } from '../rules/context';
import { isWithin, normalize, relative, resolve } from './posix';

/** Top-level directories whose loss breaks the machine. */
const SYSTEM_DIRS = new Set([
  '/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/opt', '/proc', '/root', '/sbin',
  '/srv', '/sys', '/usr', '/var', '/home', '/mnt', '/media', '/snap', '/Users', '/System', '/Library',
  '/Applications', '/private', '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/usr/share', '/var/lib', '/var/log',
]);

/** Directories where agents legitimately create and remove scratch files. */
const TEMP_DIRS = ['/tmp', '/var/tmp', '/dev/shm'];

export function isTempPath(abs: string): boolean {
  for (const t of TEMP_DIRS) if (abs !== t && isWithin(abs, t)) return true;
  return false;
}

/** A temp directory itself or anything in it: where writes are harmless (`cp log /tmp` writes /tmp/log). */
export function isInTempArea(abs: string): boolean {
  for (const t of TEMP_DIRS) if (isWithin(abs, t)) return true;
  return false;
}

/**
 * Per-user cache folders (XDG `~/.cache`, macOS `~/Library/Caches`, npm's `~/.npm/_cacache`, Gradle's
 * `~/.gradle/caches`): by definition their contents can be fetched or built again, and clearing one is a step
 * agents take to fix a broken install (`rm -rf ~/.cache/pip`, as `npm cache clean --force` does). Only what is
 * inside a shared cache folder counts, not the folder itself (`rm -rf ~/.cache` or `~/.cache/*` is everything).
 */
const USER_CACHE_DIRS = ['.cache', 'Library/Caches', '.gradle/caches'];
/** Single-tool caches whose folder itself may go (`rm -rf ~/.npm/_cacache` is npm's own advice). */
const TOOL_CACHE_DIRS = ['.npm/_cacache'];

export function isUserCachePath(abs: string, home: string): boolean {
  if (home === '' || home === '/') return false;
  const h = home.replace(/\/+$/, '');
  for (const d of USER_CACHE_DIRS) {
    const dir = `${h}/${d}`;
    if (abs !== dir && isWithin(abs, dir)) return true;
  }
  for (const d of TOOL_CACHE_DIRS) if (isWithin(abs, `${h}/${d}`)) return true;
  return false;
}

/** Character devices that are harmless to write to. */
const HARMLESS_DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty', '/dev/zero', '/dev/fd/1', '/dev/fd/2', '/dev/random', '/dev/urandom']);

export function isHarmlessDevice(abs: string): boolean {
  return HARMLESS_DEVICES.has(abs) || abs.startsWith('/dev/fd/') || abs.startsWith('/dev/pts/') || abs.startsWith('/proc/self/fd/');
}

/**
 * The directory a glob covers entirely (`/*` → `/`, `dist/**` → `dist`; `*` then `/` is every folder in it), or
 * undefined when the glob has a filter (`*.log`, `build-*`) and so only matches part of a directory.
 */
function globCoversDirectory(p: string): string | undefined {
  const m = /^(.*?)\/(\*|\*\*|\.\*|\{\*,\.\*\}|\*\*\/\*|\*\/)$/.exec(p);
  if (m) return m[1] === '' ? '/' : m[1];
  if (p === '*' || p === '**' || p === '.*' || p === '*/') return '.';
  return undefined;
}

export function resolvePath(path: Arg | string, cwd: string | undefined, root: string, home: string | undefined): ResolvedPath {
  const arg: Arg = typeof path === 'string' ? { value: path, dynamic: false, glob: false } : path;
  let value = arg.value;
  let dynamic = arg.dynamic || (cwd === undefined && value.charCodeAt(0) !== 47);
  const base0 = cwd ?? root;
  // A word that is entirely unknown (`"$DIR"`, `$(cat list)`): it could name anything, so no class applies and
  // the caller sees `dynamic`. (`"$DIR"/*` is different: it is `/*` at worst.)
  if (value === '' && arg.dynamic) {
    return { abs: base0, dynamic: true, glob: false, insideWorkspace: false, isWorkspaceRoot: false, isHome: false, isSystem: false, relative: undefined };
  }
  if (value.charCodeAt(0) === 126 /* ~ */ && (value.length === 1 || value.charCodeAt(1) === 47)) {
    if (home === undefined) dynamic = true;
    else value = home + value.slice(1);
  }
  const base = cwd ?? root;
  // a glob word without a glob character (`find -name .git` → `./.git`) names just that path
  const glob = arg.glob && /[*?[]/.test(value);
  let covered: string | undefined;
  if (glob) {
    covered = globCoversDirectory(value);
    if (covered !== undefined) value = covered;
  }
  const abs = resolve(base, value);
  let effective = abs;
  if (glob && covered === undefined) {
    // a filtered glob: the directory it expands in is what it can reach at most
    const firstGlob = abs.search(/[*?[]/);
    const dir = abs.slice(0, Math.max(1, abs.lastIndexOf('/', firstGlob)));
    effective = normalize(dir);
  }
  const wholeDir = !glob || covered !== undefined;
  const isWorkspaceRoot = wholeDir && effective === root;
  const isHome = home !== undefined && wholeDir && effective === home;
  const isSystem = wholeDir && SYSTEM_DIRS.has(effective);
  // a root of `/` is no workspace (an agent started at /, a container's root): nothing counts as inside it, or
  // every system file would be an ordinary workspace file
  const insideWorkspace = root !== '/' && (isWithin(effective, root) && !(wholeDir && effective === root) || (!wholeDir && effective === root));
  return {
    abs,
    dynamic,
    glob,
    insideWorkspace,
    isWorkspaceRoot,
    isHome,
    isSystem,
    relative: isWithin(abs, root) ? relative(root, abs) : undefined,
  };
}
