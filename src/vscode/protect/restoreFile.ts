/**
 * Puts a protected file back the way a snapshot recorded it, losing nothing: the content being replaced is copied
 * into the store first (and the restore refuses when it cannot be copied), then the recorded bytes are written
 * atomically with the recorded permission bits — or the file is removed when the recorded state is "absent" (a
 * file that was created). The write is announced to {@link ExpectedWrites} first, so the watch does not report
 * Agent Guard's own write back to the person.
 *
 * Node's fs only, no `vscode`: unit-tested on real files.
 */
import * as fs from 'node:fs';
import { ABSENT, type ExpectedWrites } from './changeBookkeeping';
import { readFileState, writeAtomically, type SnapshotEntry, type SnapshotStore } from './snapshotStore';

/** How long Agent Guard's own write is expected to show up as a file event. */
export const OWN_WRITE_TTL_MS = 30_000;

export type RestoreResult =
  | { readonly ok: true; readonly replaced: SnapshotEntry | undefined; readonly restored: SnapshotEntry }
  | { readonly ok: false; readonly reason: string };

/**
 * Restores `abs` to `target` (an entry of `store`), or removes it when `target` is undefined or records an
 * absence. `replaced` is the copy of what was there before (undefined when the file was absent).
 */
export function restoreFile(store: SnapshotStore, abs: string, target: SnapshotEntry | undefined, expected: ExpectedWrites, now: number = Date.now()): RestoreResult {
  const bytes = target?.hash ? store.read(target) : undefined;
  if (target?.hash && bytes === undefined) return { ok: false, reason: 'the saved copy is missing or damaged' };

  const current = readFileState(abs, store.limits.maxFileBytes);
  if (current.kind === 'too-large') return { ok: false, reason: `the file is now ${current.size} bytes, too large to keep a copy of before restoring` };
  if (current.kind === 'not-a-file') return { ok: false, reason: 'there is now a folder or device at this path; move it away first' };
  let replaced: SnapshotEntry | undefined;
  if (current.kind === 'file') {
    const copy = store.record(abs, current, 'before-restore');
    if (typeof copy === 'string') return { ok: false, reason: `a copy of the current content could not be kept (${copy})` };
    replaced = copy;
  }

  if (bytes !== undefined && target?.hash) {
    expected.expect(abs, target.hash, now, OWN_WRITE_TTL_MS);
    writeAtomically(abs, bytes, target.mode);
    const restored = store.record(abs, { kind: 'file', bytes, hash: target.hash, mode: target.mode }, 'restored');
    if (typeof restored === 'string') return { ok: false, reason: `restored, but the restored state could not be recorded (${restored})` };
    return { ok: true, replaced, restored };
  }
  expected.expect(abs, ABSENT, now, OWN_WRITE_TTL_MS);
  fs.rmSync(abs, { force: true });
  const restored = store.record(abs, { kind: 'absent' }, 'restored');
  if (typeof restored === 'string') return { ok: false, reason: `removed, but the removal could not be recorded (${restored})` };
  return { ok: true, replaced, restored };
}

/** Records that the person kept the file as it is now (its content, or its absence). */
export function keepFile(store: SnapshotStore, abs: string): SnapshotEntry | string {
  return store.record(abs, readFileState(abs, store.limits.maxFileBytes), 'kept');
}
