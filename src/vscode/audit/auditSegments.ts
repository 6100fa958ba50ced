/**
 * The audit log is a folder of day files (`audit-YYYY-MM-DD.jsonl`, UTC), not one file. A writer only ever
 * appends to the file of the current day; retention only ever deletes whole files of days that ended more than
 * `retentionDays` ago. The two never touch the same file, so retention needs no lock and cannot lose a line that
 * another window or process is appending at the same moment (a rewrite of a live file — even temp file + rename
 * — would drop lines appended through a descriptor opened on the old file). Pure: names and dates only.
 */

export const SEGMENT_PREFIX = 'audit-';
export const SEGMENT_SUFFIX = '.jsonl';
const DAY_MS = 24 * 60 * 60 * 1000;
const SEGMENT_NAME = /^audit-(\d{4})-(\d{2})-(\d{2})\.jsonl$/;

/** The file a line written at `now` goes to. */
export function segmentFileName(now: Date): string {
  return `${SEGMENT_PREFIX}${now.toISOString().slice(0, 10)}${SEGMENT_SUFFIX}`;
}

/** Start of the UTC day a segment file holds, or `undefined` when `name` is not a segment file. */
export function segmentDayStart(name: string): number | undefined {
  const match = SEGMENT_NAME.exec(name);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const start = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Reject dates that roll over (2026-02-31) so only names this module writes count.
  return new Date(start).toISOString().slice(0, 10) === `${year}-${month}-${day}` ? start : undefined;
}

/** Entries older than this (epoch ms) are out of retention. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - Math.max(1, retentionDays) * DAY_MS;
}

/** Segment files, oldest first. */
export function segmentFiles(names: readonly string[]): string[] {
  return names.filter((name) => segmentDayStart(name) !== undefined).sort();
}

/**
 * Segment files whose every entry is out of retention: the whole day ended at or before the cutoff. The day the
 * cutoff falls in is kept (readers drop its older lines), and so is today's file, whatever the setting.
 */
export function expiredSegments(names: readonly string[], now: number, retentionDays: number): string[] {
  const cutoff = retentionCutoff(now, retentionDays);
  return segmentFiles(names).filter((name) => (segmentDayStart(name) ?? Infinity) + DAY_MS <= cutoff);
}
