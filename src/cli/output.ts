/**
 * Synchronous output on fd 1 and 2. `process.stdout` is a stream whose first use loads the tty/net/stream
 * machinery — about a tenth of a `check` run's CPU — while a hook or `check` prints one answer and exits.
 * Writing straight to the descriptor is cheaper and leaves nothing pending at exit.
 */
import { writeSync } from 'node:fs';

/** Writes all of `text`, retrying when a non-blocking pipe is full. Throws on other errors (e.g. EPIPE). */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** Writes to stdout; a reader that went away is not an error worth a crash. */
export function writeStdout(text: string): void {
  try {
    writeAll(1, text);
  } catch {
    /* the reader is gone; nothing left to tell it */
  }
}

export function writeStderr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    /* ignore */
  }
}

/**
 * Whether fd 1 is a terminal (for colour). `node:tty` is required here, not at the top: loading it loads `net` and
 * the streams, which a `check --json` or a hook never needs.
 */
export function stdoutIsTerminal(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:tty') as typeof import('node:tty')).isatty(1);
}
