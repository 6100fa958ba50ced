/**
 * The file an edit really lands on. An edit tool writes through symbolic links: `notes` linking to `.git/config`,
 * or a folder linking to `~/.ssh`, makes an innocent-looking path change a protected file. The core is pure and
 * cannot look, so the hook resolves each link on the way (also a dangling one, whose target the write creates)
 * and judges the real path too. Paths that do not exist yet are kept as they are below the deepest existing folder.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';

/** As many links as Linux follows before giving up (ELOOP). */
const MAX_LINKS = 40;

function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}

/**
 * The real location of an absolute path (not yet normalised: `..` is taken after the links before it), following
 * every symbolic link in it; the path itself, normalised, when nothing on the way is a link; `abs` when a link
 * cannot be read or they loop. `followLast` false: the last name is kept as it is (what a delete or rename removes).
 */
export function realTarget(abs: string, followLast = true): string {
  // Windows: drive letters and junctions are the system's to resolve; its realpath of the deepest existing folder
  if (sep !== '/') return followLast ? canonicalCase(abs) : join(canonicalCase(dirname(abs)), basename(abs));
  // a delete or a rename acts on a link itself, not on what it points to: only the folders on the way are followed
  if (!followLast) {
    const name = basename(abs);
    if (name === '' || name === '.' || name === '..') return realTarget(abs);
    return join(realTarget(dirname(abs)), name);
  }
  // `..` is taken on the real folder, as the system does (`link/..` is the parent of where the link points)
  const parts = abs.split(sep).filter((p) => p !== '' && p !== '.');
  let done: string = sep;
  let links = 0;
  while (parts.length > 0) {
    const part = parts.shift() ?? '';
    if (part === '..') {
      done = dirname(done);
      continue;
    }
    const next = join(done, part);
    if (!isLink(next)) {
      done = next;
      continue;
    }
    if (++links > MAX_LINKS) return abs;
    let target: string;
    try {
      target = readlinkSync(next);
    } catch {
      return abs;
    }
    // the link's text replaces its name; what it names is walked again (it may hold links itself)
    if (isAbsolute(target)) done = sep;
    parts.unshift(...target.split(sep).filter((p) => p !== '' && p !== '.'));
  }
  return canonicalCase(done);
}

/**
 * On a case-insensitive file system (macOS, Windows) `.GIT/config` is `.git/config`: the system's realpath of the
 * deepest existing folder gives the names as they are on disk. Elsewhere it changes nothing (links are resolved).
 */
function canonicalCase(path: string): string {
  let existing = path;
  let rest = '';
  for (let i = 0; i < 256 && existing !== dirname(existing); i++) {
    try {
      const real = realpathSync.native(existing);
      return rest === '' ? real : join(real, rest);
    } catch {
      rest = rest === '' ? basename(existing) : join(basename(existing), rest);
      existing = dirname(existing);
    }
  }
  return path;
}

/** The real path of a directory (the workspace root), or the path itself when it cannot be resolved. */
export function realDirectory(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs;
  }
}
