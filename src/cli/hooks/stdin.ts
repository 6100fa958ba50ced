/**
 * Reading a hook's payload from stdin, always in a way that can be given up on: the watchdog in run.ts must be able
 * to answer when an agent never sends the whole payload, and the process must then be able to exit. A blocking read
 * of fd 0 (on the main thread or in libuv's thread pool) cannot be abandoned, so it is never used on a pipe, socket
 * or terminal.
 *
 * - Pipes and sockets (how agents spawn hooks): fd 0 is switched to non-blocking mode, as Node's own `process.stdin`
 *   does, but through the pipe binding alone, then read with `readSync` until the end or one whole JSON object,
 *   waiting on a short timer while nothing is there. This skips loading `net` and the streams, which cost a hook
 *   about a twelfth of its whole run. Node restores fd 0's mode when the process exits.
 * - Regular files: read directly (a file read never waits).
 * - Terminals and other devices, or a Node without the binding: the `process.stdin` stream.
 */
import { fstatSync, readSync } from 'node:fs';
import { ObjectEnd } from './objectEnd';

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Room for a usual payload (a few KB) in one read; it grows fourfold when a payload is larger. */
const FIRST_BUFFER_BYTES = 16 * 1024;

/**
 * The bytes read so far, in one buffer that reads go straight into (no chunk copies to join and decode at the end:
 * each Buffer function a hook calls is compiled in that process, which cost a hook about a fifth of a millisecond),
 * with the two reasons to stop early: a whole object, or too much. The bytes are scanned for the object's end only
 * when asked: an agent that closes stdin (nearly all) never needs the scan.
 */
class Payload {
  private buffer = Buffer.allocUnsafe(FIRST_BUFFER_BYTES);
  private readonly end = new ObjectEnd();
  private scanned = 0;
  private size = 0;

  /** Reads once into the free space with `read(buffer, offset, length)`; returns what `read` returned (0 at the end). */
  readWith(read: (buffer: Buffer, offset: number, length: number) => number): number {
    if (this.size === this.buffer.length) this.grow(this.size + 1);
    const n = read(this.buffer, this.size, this.buffer.length - this.size);
    this.size += n;
    return n;
  }

  /** Adds a chunk; throws when the payload grows past the limit. */
  add(chunk: Buffer): void {
    if (this.size + chunk.length > this.buffer.length) this.grow(this.size + chunk.length);
    chunk.copy(this.buffer, this.size);
    this.size += chunk.length;
  }

  private grow(needed: number): void {
    if (needed > MAX_INPUT_BYTES) throw new Error(`hook input larger than ${MAX_INPUT_BYTES} bytes`);
    let length = this.buffer.length * 4;
    while (length < needed) length *= 4;
    const bigger = Buffer.allocUnsafe(Math.min(length, MAX_INPUT_BYTES));
    this.buffer.copy(bigger, 0, 0, this.size);
    this.buffer = bigger;
  }

  get complete(): boolean {
    if (this.scanned < this.size) this.end.push(this.buffer.subarray(this.scanned, this.size));
    this.scanned = this.size;
    return this.end.complete;
  }

  text(): string {
    return this.buffer.toString('utf8', 0, this.size);
  }
}

/** Reads a stream to its end, or until it holds one whole JSON object. */
export function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const payload = new Payload();
    stream.on('data', (chunk: Buffer | string) => {
      try {
        payload.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      } catch (e) {
        reject(asError(e));
        return;
      }
      if (payload.complete) resolve(payload.text());
    });
    stream.on('end', () => resolve(payload.text()));
    stream.on('error', reject);
  });
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

interface PipeBinding {
  Pipe: new (type: number) => { open(fd: number): number };
  constants: { SOCKET: number };
}

/**
 * Kept for the life of the process: the handle owns fd 0 once opened, and a collected handle would close it.
 * Never read through; it only put the descriptor in non-blocking mode.
 */
const fd0Handles: unknown[] = [];

/** Puts fd 0 in non-blocking mode through Node's pipe binding; false when this Node does not offer it. */
function makeFd0NonBlocking(): boolean {
  try {
    const binding = (process as unknown as { binding(name: string): PipeBinding }).binding('pipe_wrap');
    const handle = new binding.Pipe(binding.constants.SOCKET);
    if (handle.open(0) !== 0) return false;
    fd0Handles.push(handle);
    return true;
  } catch {
    return false;
  }
}

const WAIT_MS = [1, 2, 5, 10, 20];

/**
 * Reads fd 0, never blocking: undefined when fd 0 is of a kind this does not handle (then use the stream).
 * `onWait` is called before each wait for input that has not arrived yet.
 */
export function readFd0(onWait: () => void = () => {}): Promise<string> | undefined {
  let kind: 'file' | 'pipe';
  try {
    const st = fstatSync(0);
    if (st.isFile()) kind = 'file';
    else if (st.isFIFO() || st.isSocket()) kind = 'pipe';
    else return undefined;
  } catch {
    return undefined;
  }
  if (kind === 'pipe' && !makeFd0NonBlocking()) return undefined;
  return new Promise((resolve, reject) => {
    const payload = new Payload();
    let waits = 0;
    const step = (): void => {
      try {
        for (;;) {
          let n: number;
          try {
            n = payload.readWith((buffer, offset, length) => readSync(0, buffer, offset, length, null));
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
            // the agent wrote one whole object but keeps stdin open: that is all there is to judge
            if (payload.complete) break;
            // nothing there yet: look again shortly (the watchdog answers if it never comes)
            onWait();
            setTimeout(step, WAIT_MS[Math.min(waits++, WAIT_MS.length - 1)]);
            return;
          }
          if (n === 0) break;
        }
        resolve(payload.text());
      } catch (e) {
        reject(asError(e));
      }
    };
    step();
  });
}
