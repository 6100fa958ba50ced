/**
 * Runtime files: one per guarded workspace root, published by the extension, read by the hook. Reading is
 * defensive (ownership, permissions, shape) because whatever answers on the socket named here can approve
 * a dangerous command. The reading itself is in runtimeLookup.ts (no hashing); this adds the hashed file names.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_KEY_LENGTH, RUNTIME_DIR_MODE, RUNTIME_FILE_EXTENSION, RUNTIME_FILE_MODE, type RuntimeFile } from '../../shared/bridgeProtocol';
import { runtimeDir } from './runtimeDir';
import { checkDir, closestRuntimeFile, listRuntimeFiles, normalizeRoot, readRuntimeFileAt, type RuntimeLookup } from './runtimeLookup';

export { listRuntimeFiles, normalizeRoot, readRuntimeFileAt, type RuntimeLookup };

export function rootKey(root: string, platform: NodeJS.Platform = process.platform): string {
  return createHash('sha256').update(normalizeRoot(root, platform), 'utf8').digest('hex').slice(0, ROOT_KEY_LENGTH);
}

export function runtimeFilePath(root: string, dir: string = runtimeDir()): string {
  return join(dir, rootKey(root) + RUNTIME_FILE_EXTENSION);
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
  const best = closestRuntimeFile(root, listRuntimeFiles(dir));
  return best ?? (exact.file ? { detail: `${exact.path} names another root (${exact.file.root})` } : exact);
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
  mkdirSync(dir, { recursive: true, mode: RUNTIME_DIR_MODE });
  if (process.platform !== 'win32') chmodSync(dir, RUNTIME_DIR_MODE);
  const target = runtimeFilePath(file.root, dir);
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(file) + '\n', { mode: RUNTIME_FILE_MODE, flag: 'wx' });
  renameSync(tmp, target);
  return target;
}

/** Removes the runtime file for `root` if it is still ours (same token). */
export function removeRuntimeFile(root: string, token: string, dir: string = runtimeDir()): void {
  const p = runtimeFilePath(root, dir);
  const current = readRuntimeFileAt(p);
  if (current.file && current.file.token === token) rmSync(p, { force: true });
}
