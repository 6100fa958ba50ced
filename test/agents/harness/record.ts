/**
 * Records what each agent writes to our hook's stdin, without touching the hook config a user would have: the
 * agent's environment carries NODE_OPTIONS=--require <recorder>, and the recorder — active only in a process
 * started as `… cli.js hook <agent>` — copies every chunk read from fd 0 (by `fs.readSync` or the stdin stream) into a file. A run that records nothing
 * shows the agent never ran the hook (or dropped NODE_OPTIONS from its environment).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeRecorder(file: string, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  const source = `'use strict';
// Agent Guard real-agent harness: copy the hook's stdin to ${outDir}
const argv = process.argv;
if (argv[1] && /cli\\.js$/.test(argv[1]) && argv[2] === 'hook') {
  const fs = require('fs');
  const { Readable } = require('stream');
  const out = ${JSON.stringify(outDir)} + '/' + Date.now() + '-' + process.pid + '.json';
  // the hook reads a pipe or socket with fs.readSync on fd 0, a terminal through the process.stdin stream
  const readSync = fs.readSync;
  fs.readSync = function (fd, buffer, ...rest) {
    const n = readSync.call(this, fd, buffer, ...rest);
    if (fd === 0 && n > 0) {
      const offset = typeof rest[0] === 'number' ? rest[0] : (rest[0] && rest[0].offset) || 0;
      fs.appendFileSync(out, buffer.subarray(offset, offset + n));
    }
    return n;
  };
  const push = Readable.prototype.push;
  Readable.prototype.push = function (chunk, encoding) {
    if (this.fd === 0 && chunk !== null && chunk !== undefined) fs.appendFileSync(out, chunk);
    return push.call(this, chunk, encoding);
  };
}
`;
  fs.writeFileSync(file, source);
}

/** The recorded payloads, oldest first, parsed (a payload that is not JSON is kept as its text). */
export function readRecorded(outDir: string): unknown[] {
  if (!fs.existsSync(outDir)) return [];
  return fs.readdirSync(outDir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const text = fs.readFileSync(path.join(outDir, n), 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  });
}
