/**
 * Where the extension publishes its runtime files (see src/shared/bridgeProtocol.ts) and the checks that make a
 * file there trustworthy: owned by this user, no access for group or others. Shared by the hook (client), the
 * doctor, and the extension (server) so both sides compute the same place.
 */
import { Stats } from 'node:fs';
import { homeDirectory } from '../homeDirectory';
import { isAbsolute, join } from 'node:path';
import { RUNTIME_DIR_NAME, RUNTIME_SUBDIR_IN_CACHE } from '../../shared/bridgeProtocol';

export interface RuntimeDirEnv {
  readonly XDG_RUNTIME_DIR?: string | undefined;
  readonly XDG_CACHE_HOME?: string | undefined;
  readonly LOCALAPPDATA?: string | undefined;
  readonly HOME?: string | undefined;
  readonly USERPROFILE?: string | undefined;
}

function homeFrom(env: RuntimeDirEnv): string {
  return env.HOME || env.USERPROFILE || homeDirectory();
}

/** The per-user runtime directory for this environment (it may not exist yet). */
export function runtimeDir(env: RuntimeDirEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || join(homeFrom(env), 'AppData', 'Local');
    return join(base, RUNTIME_DIR_NAME, RUNTIME_SUBDIR_IN_CACHE);
  }
  if (env.XDG_RUNTIME_DIR && isAbsolute(env.XDG_RUNTIME_DIR)) return join(env.XDG_RUNTIME_DIR, RUNTIME_DIR_NAME);
  if (platform === 'darwin') return join(homeFrom(env), 'Library', 'Caches', RUNTIME_DIR_NAME, RUNTIME_SUBDIR_IN_CACHE);
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homeFrom(env), '.cache');
  return join(cache, RUNTIME_DIR_NAME, RUNTIME_SUBDIR_IN_CACHE);
}

/**
 * Why a directory or file in the runtime directory must not be trusted, or undefined when it is fine.
 * On Windows the per-user profile directory is the protection; ownership and mode bits are not checked there.
 */
export function unsafeReason(stat: Stats, what: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && stat.uid !== uid) return `${what} is owned by another user (uid ${stat.uid})`;
  if ((stat.mode & 0o077) !== 0) return `${what} is accessible by group or others (mode ${(stat.mode & 0o777).toString(8)})`;
  return undefined;
}

/** Unix socket paths are limited to about 104 bytes: a socket whose path would be longer goes to `privateTempDir`. */
export const MAX_SOCKET_PATH = 100;

/**
 * This user's folder in the temp dir (`<tmp>/agent-guard-<uid>`), for sockets whose path in the runtime folder would
 * be too long. The temp dir as `os.tmpdir()` finds it on POSIX, without loading `node:os` in every hook.
 */
export function privateTempDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const tmp = (env['TMPDIR'] || env['TMP'] || env['TEMP'] || '/tmp').replace(/(.)\/+$/, '$1');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return join(tmp, `agent-guard-${uid}`);
}
