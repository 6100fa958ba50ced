/**
 * Tells when the bytes read so far hold one whole JSON object, so that a hook whose agent writes the payload but
 * never closes stdin can answer at once instead of waiting for an end that does not come (and being cut off by the
 * agent's timeout, which most agents treat as "let the call through"). A linear scan that carries its state from
 * chunk to chunk; it only tracks braces outside strings, and JSON.parse still decides what the text means.
 */
const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;

export class ObjectEnd {
  private depth = 0;
  private started = false;
  private inString = false;
  private escaped = false;
  private done = false;
  /** True once the text began with something other than an object: only the end of the input can tell then. */
  private notAnObject = false;

  /** Feeds the next chunk (UTF-8 bytes: the characters scanned for are ASCII, never part of a multi-byte one). */
  push(chunk: Uint8Array): void {
    if (this.done || this.notAnObject) return;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (!this.started) {
        if (c === OPEN) {
          this.started = true;
          this.depth = 1;
        } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf) {
          // not whitespace nor a UTF-8 byte-order mark
          this.notAnObject = true;
          return;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
      } else if (c === QUOTE) this.inString = true;
      else if (c === OPEN) this.depth++;
      else if (c === CLOSE && --this.depth === 0) {
        this.done = true;
        return;
      }
    }
  }

  /** The object that began the input has closed: nothing more is needed to judge it. */
  get complete(): boolean {
    return this.done;
  }
}
