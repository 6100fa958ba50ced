/**
 * Planning and writing config changes. A plan is computed for every file first (so a file we cannot read stops
 * nothing else and nothing is half-done), then written: a backup of the previous content next to the file,
 * an atomic replace, the previous file mode kept. Nothing is written when the content would not change.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AgentId } from '../hooks/types';
import type { Planned } from './types';

export type Action = 'create' | 'update' | 'delete' | 'unchanged' | 'absent' | 'error';

export interface FileChange {
  readonly agent: AgentId;
  /** Further agents whose config is this same file (VS Code and Copilot CLI share one). */
  readonly also?: readonly AgentId[];
  readonly file: string;
  readonly action: Action;
  readonly before: string | undefined;
  readonly after: string | null;
  readonly mode?: number;
  readonly notes: readonly string[];
  readonly error?: string;
  /** Set after writing. */
  readonly backup?: string;
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function planChange(agent: AgentId, file: string, make: (current: string | undefined) => Planned): FileChange {
  let before: string | undefined;
  try {
    before = readIfExists(file);
    const planned = make(before);
    const after = planned.content;
    const action: Action =
      after === null ? (before === undefined ? 'absent' : 'delete') : before === undefined ? 'create' : after === before ? 'unchanged' : 'update';
    return { agent, file, action, before, after, ...(planned.mode !== undefined ? { mode: planned.mode } : {}), notes: planned.notes };
  } catch (e) {
    return { agent, file, action: 'error', before, after: null, notes: [], error: e instanceof Error ? e.message : String(e) };
  }
}

function timestamp(d: Date = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function backup(file: string): string {
  const base = `${file}.agent-guard-backup-${timestamp()}`;
  let target = base;
  for (let i = 1; existsSync(target); i++) target = `${base}-${i}`;
  copyFileSync(file, target);
  return target;
}

/** Writes one planned change; returns it with the backup path. Throws on I/O errors. */
export function applyChange(change: FileChange): FileChange {
  if (change.action === 'unchanged' || change.action === 'absent' || change.action === 'error') return change;
  const saved = change.before !== undefined ? backup(change.file) : undefined;
  if (change.after === null) {
    rmSync(change.file, { force: true });
  } else {
    mkdirSync(dirname(change.file), { recursive: true });
    let mode = change.mode;
    if (mode === undefined) {
      try {
        mode = statSync(change.file).mode & 0o7777;
      } catch {
        mode = 0o644;
      }
    }
    const tmp = `${change.file}.agent-guard-${process.pid}.tmp`;
    writeFileSync(tmp, change.after, { mode });
    chmodSync(tmp, mode);
    renameSync(tmp, change.file);
  }
  return saved !== undefined ? { ...change, backup: saved } : change;
}
