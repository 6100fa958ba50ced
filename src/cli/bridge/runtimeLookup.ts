/**
 * Reading runtime files without hashing anything: validation (ownership, permissions, shape) and a scan of the
 * runtime directory by root. Kept free of `node:crypto`, whose loading is a hook's largest avoidable start-up
 * cost, so that a hook reporting a decision to a running editor stays cheap. runtimeFile.ts adds the hashed names.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { BRIDGE_PROTOCOL_VERSION, RUNTIME_FILE_EXTENSION, type RuntimeFile } from '../../shared/bridgeProtocol';
import { runtimeDir, unsafeReason } from './runtimeDir';

export function normalizeRoot(root: string, platform: NodeJS.Platform = process.platform): string {
  let r = resolve(root);
  while (r.length > 1 && (r.endsWith('/') || r.endsWith('\\')) && !/^[A-Za-z]:\\$/.test(r)) r = r.slice(0, -1);
  return platform === 'win32' ? r.toLowerCase() : r;
}

export type RuntimeLookup = { readonly file: RuntimeFile; readonly path: string } | { readonly file?: undefined; readonly detail: string };

function isRuntimeFile(v: unknown): v is RuntimeFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['version'] === 'number' && typeof o['root'] === 'string' && typeof o['socket'] === 'string' &&
    typeof o['token'] === 'string' && o['token'].length >= 32 && typeof o['pid'] === 'number';
}

/** Reads and validates one runtime file; never throws. */
export function readRuntimeFileAt(file: string): RuntimeLookup {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { detail: `${file} is not a regular file` };
    const unsafe = unsafeReason(stat, file);
    if (unsafe) return { detail: unsafe };
    if (stat.size > 64 * 1024) return { detail: `${file} is too large` };
    const parsed: unknown = JSON.parse(readFileSync(fd, 'utf8'));
    if (!isRuntimeFile(parsed)) return { detail: `${file} is not an Agent Guard runtime file` };
    if (parsed.version !== BRIDGE_PROTOCOL_VERSION) return { detail: `${file} speaks bridge protocol ${parsed.version}, this CLI ${BRIDGE_PROTOCOL_VERSION}` };
    return { file: parsed, path: file };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { detail: code === 'ENOENT' ? 'no editor with Agent Guard has this workspace open' : `cannot read ${file}: ${String((e as Error).message ?? e)}` };
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already closed */ }
  }
}

/** Why the runtime directory must not be used (missing, not a directory, unsafe), or undefined. */
export function checkDir(dir: string): string | undefined {
  try {
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return `${dir} is not a directory`;
    return unsafeReason(stat, dir);
  } catch {
    return 'no editor with Agent Guard is running for this user';
  }
}

function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Every runtime file in the directory, valid or not (for `doctor` and ancestor lookup). */
export function listRuntimeFiles(dir: string = runtimeDir()): Array<RuntimeLookup & { readonly path: string }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(RUNTIME_FILE_EXTENSION))
    .map((n) => {
      const p = join(dir, n);
      return { ...readRuntimeFileAt(p), path: p };
    });
}

/**
 * The runtime file whose root is `root`, else the one whose root is its closest ancestor, found by reading the
 * directory (no hashing). For callers that must not load `node:crypto`; {@link findRuntimeFile} in
 * runtimeFile.ts tries the hashed name first.
 */
export function scanForRuntimeFile(root: string, dir: string = runtimeDir()): RuntimeLookup {
  const dirProblem = checkDir(dir);
  if (dirProblem) return { detail: dirProblem };
  return closestRuntimeFile(root, listRuntimeFiles(dir)) ?? { detail: 'no editor with Agent Guard has this workspace open' };
}

/** Among runtime files, the one for `root` or its closest ancestor. */
export function closestRuntimeFile(root: string, found: ReadonlyArray<RuntimeLookup & { readonly path: string }>): { file: RuntimeFile; path: string } | undefined {
  const wanted = normalizeRoot(root);
  let best: { file: RuntimeFile; path: string } | undefined;
  for (const f of found) {
    if (!f.file) continue;
    const r = normalizeRoot(f.file.root);
    if (isInside(wanted, r) && (!best || r.length > normalizeRoot(best.file.root).length)) best = { file: f.file, path: f.path };
  }
  return best;
}
