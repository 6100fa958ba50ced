/**
 * Copies of protected files, kept in the extension's storage so a change (by an agent, a script, anyone) can be
 * undone byte for byte. Content-addressed: each distinct content is stored once as `blobs/<sha256>`, and
 * `index.json` lists, per file, which content it had when (newest last). Bounded three ways — bytes per file,
 * versions per file, bytes in total — by dropping the oldest versions first; the newest version of a file is the
 * last one dropped. An entry may also record that the file was known to be absent (a deletion the person kept).
 *
 * Node's fs only, no `vscode`: unit-tested on real files. The index and the blobs are written atomically
 * (temporary file, then rename), so a crash leaves either the old or the new index, never half of one.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isNothingAtPath } from '../../shared/fsErrors';

/** Why a copy was taken. */
export type SnapshotReason =
  | 'baseline' // found when the watch started, or first seen
  | 'before-save' // an editor save was about to overwrite it
  | 'before-delete'
  | 'before-rename'
  | 'before-create' // an editor create was about to overwrite it
  | 'saved' // the content after an editor save
  | 'observed' // a change the person was told about and has not answered yet
  | 'before-restore' // the changed content, kept before a restore overwrote it
  | 'restored'
  | 'kept'; // the person kept a change

/**
 * Copies of changes nobody accepted: they are kept so nothing is lost, but the file's accepted state (what a
 * change is compared with, and what Restore goes back to) is the newest entry of any other reason.
 */
export function isAcceptedReason(reason: SnapshotReason): boolean {
  return reason !== 'observed' && reason !== 'before-restore';
}

export interface SnapshotEntry {
  /** Unique, increasing. */
  readonly id: number;
  /** Absolute path of the protected file. */
  readonly path: string;
  /** sha256 of the content, or null when the file was absent. */
  readonly hash: string | null;
  readonly size: number;
  /** Permission bits (`st.mode & 0o7777`), restored with the content. */
  readonly mode: number;
  /** ISO 8601. */
  readonly time: string;
  readonly reason: SnapshotReason;
}

export interface StoreLimits {
  /** Files larger than this are not copied. */
  readonly maxFileBytes: number;
  readonly maxVersionsPerFile: number;
  /** Total size of the distinct contents kept. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxFileBytes: 2 * 1024 * 1024, maxVersionsPerFile: 20, maxTotalBytes: 64 * 1024 * 1024 };

/** What is on disk at a path right now. */
export type FileState =
  | { readonly kind: 'file'; readonly bytes: Buffer; readonly hash: string; readonly mode: number }
  | { readonly kind: 'absent' }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'not-a-file' };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads what is at `abs` (following symlinks), without reading more than `maxBytes`. */
export function readFileState(abs: string, maxBytes: number): FileState {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (error) {
    if (isNothingAtPath(error)) return { kind: 'absent' };
    throw error;
  }
  if (!st.isFile()) return { kind: 'not-a-file' };
  if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (error) {
    if (isNothingAtPath(error)) return { kind: 'absent' };
    throw error;
  }
  if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
  return { kind: 'file', bytes, hash: sha256(bytes), mode: st.mode & 0o7777 };
}


/** Writes `bytes` to `target` through a temporary file in the same folder and a rename. */
export function writeAtomically(target: string, bytes: Uint8Array, mode?: number): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.agent-guard-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { mode: mode ?? 0o600 });
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

interface IndexFile {
  readonly version: 1;
  readonly nextId: number;
  readonly entries: SnapshotEntry[];
}

export class SnapshotStore {
  private entries: SnapshotEntry[] = [];
  private nextId = 1;
  private readonly indexFile: string;
  private readonly blobDir: string;

  constructor(
    readonly dir: string,
    readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {
    this.indexFile = path.join(dir, 'index.json');
    this.blobDir = path.join(dir, 'blobs');
    this.load();
  }

  /** The newest entry for `abs`. */
  latest(abs: string): SnapshotEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e?.path === abs) return e;
    }
    return undefined;
  }

  /** The newest entry for `abs` that records an accepted state (see {@link isAcceptedReason}). */
  baseline(abs: string): SnapshotEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e?.path === abs && isAcceptedReason(e.reason)) return e;
    }
    return undefined;
  }

  /** The entry with this id. */
  byId(id: number): SnapshotEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Every entry, newest first. */
  all(): SnapshotEntry[] {
    return [...this.entries].reverse();
  }

  /** Paths with an entry that are `dir` itself or inside it (for a deleted folder). */
  pathsUnder(dir: string): string[] {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    return [...new Set(this.entries.map((e) => e.path).filter((p) => p === dir || p.startsWith(prefix)))];
  }

  /**
   * Records `state` of `abs`. A file's content is copied; `absent` is recorded as such. Nothing new is written when
   * the newest entry already has this content (or absence) and an entry of this reason would not change the
   * accepted state. Returns the entry that holds the state, or why nothing was kept.
   */
  record(abs: string, state: FileState, reason: SnapshotReason, time: Date = new Date()): SnapshotEntry | 'too-large' | 'not-a-file' {
    if (state.kind === 'too-large' || state.kind === 'not-a-file') return state.kind;
    if (state.kind === 'file' && state.bytes.length > this.limits.maxFileBytes) return 'too-large';
    const hash = state.kind === 'file' ? state.hash : null;
    const latest = this.latest(abs);
    const same = latest !== undefined && latest.hash === hash && (hash === null || this.hasBlob(hash));
    if (same && (isAcceptedReason(latest.reason) || !isAcceptedReason(reason))) return latest;
    if (state.kind === 'file') this.writeBlob(state.hash, state.bytes);
    const entry: SnapshotEntry = {
      id: this.nextId++,
      path: abs,
      hash,
      size: state.kind === 'file' ? state.bytes.length : 0,
      mode: state.kind === 'file' ? state.mode : latest?.mode ?? 0o644,
      time: time.toISOString(),
      reason,
    };
    this.entries.push(entry);
    this.enforceLimits();
    this.save();
    return entry;
  }

  /** Reads `abs` from disk and records it. */
  capture(abs: string, reason: SnapshotReason, time: Date = new Date()): SnapshotEntry | 'too-large' | 'not-a-file' {
    return this.record(abs, readFileState(abs, this.limits.maxFileBytes), reason, time);
  }

  /** The content of an entry, checked against its hash; undefined for an absence or a lost/corrupt copy. */
  read(entry: SnapshotEntry): Buffer | undefined {
    if (entry.hash === null) return undefined;
    try {
      const bytes = fs.readFileSync(this.blobPath(entry.hash));
      return sha256(bytes) === entry.hash ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  /** Total size of the distinct contents kept. */
  totalBytes(): number {
    const sizes = new Map<string, number>();
    for (const e of this.entries) if (e.hash !== null) sizes.set(e.hash, e.size);
    let total = 0;
    for (const size of sizes.values()) total += size;
    return total;
  }

  private blobPath(hash: string): string {
    return path.join(this.blobDir, hash);
  }

  private hasBlob(hash: string): boolean {
    return fs.existsSync(this.blobPath(hash));
  }

  private writeBlob(hash: string, bytes: Uint8Array): void {
    if (this.hasBlob(hash)) return;
    writeAtomically(this.blobPath(hash), bytes, 0o600);
  }

  /** Drops the oldest versions until every bound holds; deletes contents no entry refers to any more. */
  private enforceLimits(): void {
    const dropped: SnapshotEntry[] = [];
    let keep = this.pinnedEntries();
    const counts = new Map<string, number>();
    for (const e of this.entries) counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
    this.entries = this.entries.filter((e) => {
      const count = counts.get(e.path) ?? 0;
      if (count <= this.limits.maxVersionsPerFile || keep.has(e)) return true;
      counts.set(e.path, count - 1);
      dropped.push(e);
      return false;
    });
    while (this.totalBytes() > this.limits.maxTotalBytes && this.entries.length > 0) {
      // the oldest entry that is neither a file's newest nor its accepted state; when only those are left, the oldest
      const victim = this.entries.find((e) => !keep.has(e)) ?? this.entries[0]!;
      this.entries = this.entries.filter((e) => e !== victim);
      dropped.push(victim);
      keep = this.pinnedEntries();
    }
    const live = new Set(this.entries.map((e) => e.hash));
    for (const hash of new Set(dropped.map((e) => e.hash))) {
      if (hash !== null && !live.has(hash)) fs.rmSync(this.blobPath(hash), { force: true });
    }
  }

  /** Each file's newest entry and its accepted state: dropped last. */
  private pinnedEntries(): Set<SnapshotEntry> {
    const newest = new Map<string, SnapshotEntry>();
    const accepted = new Map<string, SnapshotEntry>();
    for (const e of this.entries) {
      newest.set(e.path, e);
      if (isAcceptedReason(e.reason)) accepted.set(e.path, e);
    }
    return new Set([...newest.values(), ...accepted.values()]);
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.indexFile, 'utf8');
    } catch (error) {
      if (isNothingAtPath(error)) return;
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<IndexFile>;
      if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown index format');
      this.entries = parsed.entries.filter(isEntry);
      this.nextId = Math.max(parsed.nextId ?? 1, ...this.entries.map((e) => e.id + 1));
    } catch {
      // keep the unreadable index for a person to look at; start a new one (the copies stay on disk)
      fs.renameSync(this.indexFile, `${this.indexFile}.unreadable-${Date.now()}`);
    }
  }

  private save(): void {
    const index: IndexFile = { version: 1, nextId: this.nextId, entries: this.entries };
    writeAtomically(this.indexFile, Buffer.from(JSON.stringify(index)), 0o600);
  }
}

function isEntry(value: unknown): value is SnapshotEntry {
  const e = value as Partial<SnapshotEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'number' && typeof e.path === 'string' && (e.hash === null || typeof e.hash === 'string') && typeof e.size === 'number' && typeof e.mode === 'number' && typeof e.time === 'string' && typeof e.reason === 'string';
}
