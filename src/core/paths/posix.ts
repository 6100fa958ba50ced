/**
 * POSIX path arithmetic on strings (the core may not import node:path). Only absolute, `/`-separated paths.
 */

/** Normalise an absolute path: collapse `//`, `.` and `..`; never climbs above `/`; no trailing slash. */
export function normalize(abs: string): string {
  if (abs.indexOf('/.') < 0 && abs.indexOf('//') < 0 && (abs.length === 1 || abs.charCodeAt(abs.length - 1) !== 47)) return abs;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** Resolve `p` against the absolute directory `base`. */
export function resolve(base: string, p: string): string {
  return normalize(p.charCodeAt(0) === 47 ? p : base + '/' + p);
}

/** True when `child` is `parent` or below it. */
export function isWithin(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || (child.startsWith(parent) && child.charCodeAt(parent.length) === 47);
}

/** `child` relative to `parent` (which must contain it), `''` for the same path. */
export function relative(parent: string, child: string): string {
  if (child === parent) return '';
  return parent === '/' ? child.slice(1) : child.slice(parent.length + 1);
}

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i <= 0) return '/';
  return p.slice(0, i);
}
