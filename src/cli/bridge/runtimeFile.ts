/**
 * Runtime files: one per guarded workspace root, published by the extension, read by the hook. Reading is
 * defensive (ownership, permissions, shape) because whatever answers on the socket named here can approve
 * a dangerous command.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BRIDGE_PROTOCOL_VERSION,
  ROOT_KEY_LENGTH,
  RUNTIME_DIR_MODE,
  RUNTIME_FILE_EXTENSION,
  RUNTIME_FILE_MODE,
  type RuntimeFile,
} from '../../shared/bridgeProtocol';
import { runtimeDir, unsafeReason } from './runtimeDir';

export function normalizeRoot(root: string, platform: NodeJS.Platform = process.platform): string {
  let r = path.resolve(root);
  while (r.length > 1 && (r.endsWith('/') || r.endsWith('\\')) && !/^[A-Za-z]:\\$/.test(r)) r = r.slice(0, -1);
  return platform === 'win32' ? r.toLowerCase() : r;
}

export function rootKey(root: string, platform: NodeJS.Platform = process.platform): string {
  return createHash('sha256').update(normalizeRoot(root, platform), 'utf8').digest('hex').slice(0, ROOT_KEY_LENGTH);
}

export function runtimeFilePath(root: string, dir: string = runtimeDir()): string {
  return path.join(dir, rootKey(root) + RUNTIME_FILE_EXTENSION);
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
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { detail: `${file} is not a regular file` };
    const unsafe = unsafeReason(stat, file);
    if (unsafe) return { detail: unsafe };
    if (stat.size > 64 * 1024) return { detail: `${file} is too large` };
    const parsed: unknown = JSON.parse(fs.readFileSync(fd, 'utf8'));
    if (!isRuntimeFile(parsed)) return { detail: `${file} is not an Agent Guard runtime file` };
    if (parsed.version !== BRIDGE_PROTOCOL_VERSION) return { detail: `${file} speaks bridge protocol ${parsed.version}, this CLI ${BRIDGE_PROTOCOL_VERSION}` };
    return { file: parsed, path: file };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { detail: code === 'ENOENT' ? 'no editor with Agent Guard has this workspace open' : `cannot read ${file}: ${String((e as Error).message ?? e)}` };
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}

function checkDir(dir: string): string | undefined {
  try {
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory()) return `${dir} is not a directory`;
    return unsafeReason(stat, dir);
  } catch {
    return 'no editor with Agent Guard is running for this user';
  }
}

function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The runtime file for `root`; failing that, the one whose root is the closest ancestor of `root` (an agent
 * started in a sub-folder of the opened workspace).
 */
export function findRuntimeFile(root: string, dir: string = runtimeDir()): RuntimeLookup {
  const dirProblem = checkDir(dir);
  if (dirProblem) return { detail: dirProblem };
  const exact = readRuntimeFileAt(runtimeFilePath(root, dir));
  if (exact.file && normalizeRoot(exact.file.root) === normalizeRoot(root)) return exact;
  const wanted = normalizeRoot(root);
  let best: { file: RuntimeFile; path: string } | undefined;
  for (const found of listRuntimeFiles(dir)) {
    if (!found.file) continue;
    const r = normalizeRoot(found.file.root);
    if (isInside(wanted, r) && (!best || r.length > normalizeRoot(best.file.root).length)) best = { file: found.file, path: found.path };
  }
  return best ?? (exact.file ? { detail: `${exact.path} names another root (${exact.file.root})` } : exact);
}

/** Every runtime file in the directory, valid or not (for `doctor` and ancestor lookup). */
export function listRuntimeFiles(dir: string = runtimeDir()): Array<RuntimeLookup & { readonly path: string }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(RUNTIME_FILE_EXTENSION))
    .map((n) => {
      const p = path.join(dir, n);
      return { ...readRuntimeFileAt(p), path: p };
    });
}

/** A fresh random token for a runtime file. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Publishes a runtime file (server side: the extension, and tests). Creates the directory 0700, writes the
 * file 0600 through a temporary name and renames it into place so a reader never sees half a file.
 */
export function writeRuntimeFile(file: RuntimeFile, dir: string = runtimeDir()): string {
  fs.mkdirSync(dir, { recursive: true, mode: RUNTIME_DIR_MODE });
  if (process.platform !== 'win32') fs.chmodSync(dir, RUNTIME_DIR_MODE);
  const target = runtimeFilePath(file.root, dir);
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(file) + '\n', { mode: RUNTIME_FILE_MODE, flag: 'wx' });
  fs.renameSync(tmp, target);
  return target;
}

/** Removes the runtime file for `root` if it is still ours (same token). */
export function removeRuntimeFile(root: string, token: string, dir: string = runtimeDir()): void {
  const p = runtimeFilePath(root, dir);
  const current = readRuntimeFileAt(p);
  if (current.file && current.file.token === token) fs.rmSync(p, { force: true });
}
