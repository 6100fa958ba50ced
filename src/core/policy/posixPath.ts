/**
 * The few POSIX path operations the policy needs (the core may not import `path`): resolving a path an
 * invocation mentions against its working directory, and expressing it relative to the workspace root.
 */

/** Collapse `.`, `..` and repeated slashes; keeps a leading `/`. `..` above `/` stays at `/`. */
export function normalizePosix(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  return absolute ? '/' + joined : joined === '' ? '.' : joined;
}

/**
 * Absolute form of `p`: `~` and `~/…` use `home`, relative paths are taken from `base`.
 * Undefined when that needs a base or home that is not known.
 */
export function resolvePosix(p: string, base: string | undefined, home?: string): string | undefined {
  if (p === '~' || p.startsWith('~/')) return home === undefined ? undefined : normalizePosix(home + '/' + p.slice(1));
  if (p.startsWith('/')) return normalizePosix(p);
  if (base === undefined) return undefined;
  return normalizePosix(base + '/' + p);
}

/** `abs` relative to `root` with `/` separators: `''` for the root itself, undefined when outside it. */
export function relativeTo(root: string, abs: string): string | undefined {
  const r = normalizePosix(root);
  const a = normalizePosix(abs);
  if (a === r) return '';
  const prefix = r === '/' ? '/' : r + '/';
  return a.startsWith(prefix) ? a.slice(prefix.length) : undefined;
}

/** The path itself and each of its ancestors, shortest first: `a/b/c` → `a`, `a/b`, `a/b/c`. */
export function selfAndAncestors(p: string): string[] {
  const absolute = p.startsWith('/');
  const segs = p.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 1; i <= segs.length; i++) out.push((absolute ? '/' : '') + segs.slice(0, i).join('/'));
  return out;
}

/** Last path segment. */
export function baseName(p: string): string {
  const segs = p.split('/').filter((s) => s !== '');
  return segs[segs.length - 1] ?? '';
}

/** File name without its last extension: `env/prod.tfvars` → `prod`. */
export function stem(p: string): string {
  const b = baseName(p);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b;
}
