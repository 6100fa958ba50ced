/**
 * The audit log on disk: append-only JSON lines shared by every VS Code window (and any other process) of the
 * user. Node only, no `vscode`, so child processes in tests drive the very same code.
 *
 * Concurrency, without a lock:
 * - each line is written by one `write(2)` on a descriptor opened with `O_APPEND` (`'a'`): the kernel moves to
 *   the end of the file and writes in one step, so lines from several processes never overwrite or interleave
 *   (each line is at most MAX_LINE_BYTES, see auditEntry.ts; a short write is reported, never silently split);
 * - the file is opened per line, so a day change or a retention pass never leaves a writer on a deleted file;
 * - retention deletes only whole files of days long gone (auditSegments.ts), which no writer appends to.
 * Within one process, appends are chained so lines keep the order they were recorded in.
 * Not covered: network filesystems whose `O_APPEND` is not atomic (NFS); the extension's storage is local.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serializeAuditEntry, type AuditEntry } from './auditEntry';
import { AuditFollower, listLogFolder, type AuditReadResult } from './auditFollower';
import { expiredSegments, segmentFileName } from './auditSegments';
import { isNothingAtPath } from '../../shared/fsErrors';

export type { AuditReadResult } from './auditFollower';

export class AuditLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    /** The folder holding the day files (created on first write, mode 0700: commands may be sensitive). */
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one line; resolves when it is on disk (rejects when it could not be written whole). */
  append(entry: AuditEntry): Promise<void> {
    const line = Buffer.from(serializeAuditEntry(entry), 'utf8');
    const write = this.tail.then(() => this.writeLine(line));
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Every entry still within retention, oldest first, read in full; unreadable lines and files are counted, not thrown. */
  read(retentionDays?: number): Promise<AuditReadResult> {
    return this.follow().refresh(retentionDays);
  }

  /** A reader that, after its first refresh, reads only what was appended (what the view keeps). */
  follow(): AuditFollower {
    return new AuditFollower(this.dir, this.now);
  }

  /** Deletes the day files whose entries are all older than `retentionDays`; returns their names. */
  async applyRetention(retentionDays: number): Promise<string[]> {
    const removed: string[] = [];
    for (const name of expiredSegments(await listLogFolder(this.dir), this.now().getTime(), retentionDays)) {
      try {
        await fs.promises.unlink(path.join(this.dir, name));
        removed.push(name);
      } catch (error) {
        if (!isNothingAtPath(error)) throw error; // another window removed it first: fine
      }
    }
    return removed;
  }

  private async writeLine(line: Buffer): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, segmentFileName(this.now()));
    const handle = await fs.promises.open(file, 'a', 0o600);
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length);
      if (bytesWritten !== line.length) throw new Error(`short write to ${file}: ${bytesWritten} of ${line.length} bytes`);
    } finally {
      await handle.close();
    }
  }

}

