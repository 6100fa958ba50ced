/**
 * The file reader the CLI hands to the core, so scripts, SQL files and package.json scripts a command runs can be
 * judged. Bounded: large or unreadable files read as `undefined` (and the core then judges by what it knows);
 * nothing at the path reads as `null` (`source missing.sh` runs nothing).
 */
import { readFileSync, statSync } from 'node:fs';
import { isNothingAtPath } from '../shared/fsErrors';

export const MAX_READ_BYTES = 256 * 1024;

export function readSmallFile(abs: string): string | undefined | null {
  try {
    // nothing at the path: told without the cost of an exception
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st === undefined) return null;
    if (!st.isFile() || st.size > MAX_READ_BYTES) return undefined;
    return readFileSync(abs, 'utf8');
  } catch (e) {
    return isNothingAtPath(e) ? null : undefined;
  }
}
