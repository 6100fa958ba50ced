/**
 * Reads the audit log as it grows: the first refresh reads every day file, each later one reads only the bytes
 * appended since (auditTail.ts decides what to read and which lines are whole). The view refreshes on every
 * append of every window, so re-reading and re-parsing a day file of thousands of lines each time would be most
 * of its cost. A file that was deleted (retention), replaced under the same name or cut short is dropped or
 * read again from its start. Node only, no `vscode`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAuditLine, type AuditEntry } from './auditEntry';
import { retentionCutoff, segmentFiles } from './auditSegments';
import { freshCursor, planTailRead, takeLines, type TailCursor, type TailPlan } from './auditTail';
import { isNothingAtPath } from '../../shared/fsErrors';

export interface AuditReadResult {
  /** Oldest first. */
  readonly entries: AuditEntry[];
  /** Torn or garbage lines skipped by this read (lines skipped by an earlier refresh are not counted again). */
  readonly skipped: number;
  /** Segment files that could not be read (named in `errors`). */
  readonly errors: string[];
  /** Day files read again from their start because they were replaced or cut short (`name: why`). */
  readonly reread: string[];
}

/** What is known of one day file. */
interface Segment {
  cursor: TailCursor;
  readonly entries: AuditEntry[];
  /** `Date.parse` of each entry's time, parsed once. */
  readonly times: number[];
}

export class AuditFollower {
  private readonly segments = new Map<string, Segment>();
  /** Refreshes run one after another: two at once would read the same bytes twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every entry still within retention, oldest first, after reading what was appended since the last refresh. */
  refresh(retentionDays?: number): Promise<AuditReadResult> {
    const run = this.queue.then(() => this.refreshNow(retentionDays));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refreshNow(retentionDays: number | undefined): Promise<AuditReadResult> {
    const names = segmentFiles(await listLogFolder(this.dir));
    for (const name of [...this.segments.keys()]) if (!names.includes(name)) this.segments.delete(name);
    const errors: string[] = [];
    const reread: string[] = [];
    let skipped = 0;
    for (const name of names) {
      try {
        skipped += await this.follow(name, reread);
      } catch (error) {
        if (isNothingAtPath(error)) this.segments.delete(name); // removed by another window's retention pass meanwhile
        else errors.push(`${name}: ${describe(error)}`);
      }
    }
    const cutoff = retentionDays === undefined ? -Infinity : retentionCutoff(this.now().getTime(), retentionDays);
    return { entries: this.entriesSince(names, cutoff), skipped, errors, reread };
  }

  /** Reads what `name` gained since the last refresh; returns the number of lines skipped. */
  private async follow(name: string, reread: string[]): Promise<number> {
    const handle = await fs.promises.open(path.join(this.dir, name), 'r');
    try {
      const stat = await handle.stat({ bigint: true });
      const file = { identity: `${stat.dev}:${stat.ino}`, size: Number(stat.size) };
      const known = this.segments.get(name);
      let plan: TailPlan = planTailRead(known?.cursor, file);
      if (plan.kind === 'nothing') return 0;
      if (plan.kind === 'append' && known !== undefined) {
        const step = takeLines(known.cursor, plan.position, await readRange(handle, plan.position, file.size));
        if (step.kind === 'lines') {
          known.cursor = step.cursor;
          return addLines(known, step.lines);
        }
        plan = { kind: 'restart', why: 'rewritten' }; // the byte before the cursor changed: rewritten in place
      }
      if (plan.kind === 'restart' && plan.why !== 'new') reread.push(`${name}: ${plan.why}`);
      const segment: Segment = { cursor: freshCursor(file.identity), entries: [], times: [] };
      this.segments.set(name, segment);
      const step = takeLines(segment.cursor, 0, await readRange(handle, 0, file.size));
      if (step.kind !== 'lines') return 0; // cannot happen from the start of a fresh cursor
      segment.cursor = step.cursor;
      return addLines(segment, step.lines);
    } finally {
      await handle.close();
    }
  }

  /** The day files' entries in file order, then by time (a stable sort only when they are out of order). */
  private entriesSince(names: readonly string[], cutoff: number): AuditEntry[] {
    const entries: AuditEntry[] = [];
    const times: number[] = [];
    let inOrder = true;
    for (const name of names) {
      const segment = this.segments.get(name);
      if (segment === undefined) continue;
      for (let i = 0; i < segment.entries.length; i++) {
        const time = segment.times[i] ?? 0;
        if (time < cutoff) continue;
        if (times.length > 0 && time < (times[times.length - 1] ?? 0)) inOrder = false;
        entries.push(segment.entries[i]!);
        times.push(time);
      }
    }
    if (inOrder) return entries;
    return entries
      .map((entry, index) => ({ entry, time: times[index] ?? 0 }))
      .sort((a, b) => a.time - b.time)
      .map(({ entry }) => entry);
  }

}

/** Parses whole lines into the segment; returns how many were not valid entries. */
function addLines(segment: Segment, lines: readonly string[]): number {
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const entry = parseAuditLine(line);
    if (entry === undefined) {
      skipped++;
      continue;
    }
    segment.entries.push(entry);
    segment.times.push(Date.parse(entry.time));
  }
  return skipped;
}

/** Bytes `start` to `end` of the open file (fewer when it was cut short meanwhile). */
async function readRange(handle: fs.promises.FileHandle, start: number, end: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(Math.max(0, end - start));
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}


function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The names in the log folder; none when the folder does not exist yet. */
export async function listLogFolder(dir: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(dir);
  } catch (error) {
    if (isNothingAtPath(error)) return [];
    throw error;
  }
}
