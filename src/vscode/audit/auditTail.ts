/**
 * Following one audit day file as it grows, without reading it again: where reading stopped, what to read next,
 * and how newly read bytes become whole lines. Pure (bytes in, lines out; no I/O, no `vscode`), so every case
 * — an append, a line still being written, a file replaced or cut short — is decided here and unit-tested; the
 * reader (auditFollower.ts) only stats and reads what this module asks for.
 */

const NEWLINE = 0x0a;

/** How far one day file has been read. */
export interface TailCursor {
  /** The file's identity when it was read (device and inode): another file under the same name is not this one. */
  readonly identity: string;
  /** Bytes read so far: every whole line before it has been handed out, `pending` is the rest. */
  readonly readTo: number;
  /** The last line read when it had no newline yet (a write in progress), kept until its end arrives. */
  readonly pending: Uint8Array;
  /** The byte just before `readTo` (a newline, or pending's last byte); re-read to tell a rewritten file. */
  readonly lastByte: number | undefined;
}

/** What the file looks like now (from a stat of the open file). */
export interface TailFileState {
  readonly identity: string;
  readonly size: number;
}

/**
 * What to read:
 * - `nothing`: the file has not grown since it was read;
 * - `append`: read from `position` to the end; the first byte read must equal `expect` (the byte before the
 *   cursor), else the file was rewritten in place and is read anew;
 * - `restart`: the file is new, another file under the same name, or shorter than what was read (truncated or
 *   replaced): forget what it held and read it from the start.
 */
export type TailPlan =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'append'; readonly position: number; readonly expect: number | undefined }
  | { readonly kind: 'restart'; readonly why: RestartReason };

/** Why a file is read from its start; `rewritten` is found by {@link takeLines}, the rest by {@link planTailRead}. */
export type RestartReason = 'new' | 'replaced' | 'truncated' | 'rewritten';

export function planTailRead(cursor: TailCursor | undefined, file: TailFileState): TailPlan {
  if (cursor === undefined) return { kind: 'restart', why: 'new' };
  if (file.identity !== cursor.identity) return { kind: 'restart', why: 'replaced' };
  if (file.size < cursor.readTo) return { kind: 'restart', why: 'truncated' };
  if (file.size === cursor.readTo) return { kind: 'nothing' };
  return cursor.lastByte === undefined
    ? { kind: 'append', position: cursor.readTo, expect: undefined }
    : { kind: 'append', position: cursor.readTo - 1, expect: cursor.lastByte };
}

/** The cursor of a file read from its start; feed it the whole file's bytes with {@link takeLines}. */
export function freshCursor(identity: string): TailCursor {
  return { identity, readTo: 0, pending: new Uint8Array(0), lastByte: undefined };
}

export type TailStep =
  /** `lines`: the whole lines completed by `bytes`, without their newline, in file order. */
  | { readonly kind: 'lines'; readonly lines: string[]; readonly cursor: TailCursor }
  /** The byte before the cursor is not what it was: the file was rewritten, read it from the start. */
  | { readonly kind: 'rewritten' };

/**
 * Takes the bytes read at `position` (as {@link planTailRead} said; 0 for a fresh cursor) and returns the lines
 * they complete. A last line without its newline stays in the cursor, joined to what the next read brings, so a
 * line is never handed out half-written, nor twice.
 */
export function takeLines(cursor: TailCursor, position: number, bytes: Uint8Array): TailStep {
  let fresh = bytes;
  if (position < cursor.readTo) {
    // the one byte re-read before the cursor: must be the byte that was there
    if (position !== cursor.readTo - 1 || bytes[0] !== cursor.lastByte) return { kind: 'rewritten' };
    fresh = bytes.subarray(1);
  } else if (position !== cursor.readTo) {
    return { kind: 'rewritten' }; // a gap: not a read this cursor asked for
  }
  if (fresh.length === 0) return { kind: 'lines', lines: [], cursor };
  const readTo = cursor.readTo + fresh.length;
  const lastByte = fresh[fresh.length - 1];
  const end = fresh.lastIndexOf(NEWLINE);
  if (end < 0) return { kind: 'lines', lines: [], cursor: { identity: cursor.identity, readTo, pending: concat(cursor.pending, fresh), lastByte } };
  const whole = concat(cursor.pending, fresh.subarray(0, end));
  const lines = decoder.decode(whole).split('\n');
  return { kind: 'lines', lines, cursor: { identity: cursor.identity, readTo, pending: fresh.slice(end + 1), lastByte } };
}

const decoder = new TextDecoder('utf-8');

/** A new array (never a view of `b`, so a kept line does not keep the whole read buffer alive). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
