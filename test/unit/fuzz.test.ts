/**
 * Robustness: random bytes, deep nesting, huge inputs and mutated corpus commands. Bounded in count (seeded, so
 * a failure reproduces). The core must never throw, and must never answer `allow` for input it could not parse.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createGuard } from '../../src/core/index';
import { parse, ParseError } from '../../src/core/shell/parse';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): string[] {
  const file = path.join(__dirname, '..', 'fixtures', 'commands', 'corpus.jsonl');
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { command: string }).command);
}

function parses(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch (e) {
    if (e instanceof ParseError) return false;
    throw e;
  }
}

function checkInvariant(text: string): void {
  let v;
  try {
    v = guard.checkCommand(text, { cwd: ROOT, root: ROOT });
  } catch (e) {
    assert.fail(`checkCommand threw on ${JSON.stringify(text.slice(0, 200))}: ${(e as Error).stack ?? String(e)}`);
  }
  if (!parses(text)) assert.notEqual(v.decision, 'allow', `unparseable input was allowed: ${JSON.stringify(text.slice(0, 200))}`);
}

const SHELL_BITS = ['$(', ')', '`', "'", '"', '\\', '<<EOF\n', '\nEOF\n', '|', '&&', ';', '{', '}', '(', '${', '<(', '>', '2>&1', ' rm -rf / ', 'bash -c ', 'eval ', '\n', '#', '$X', '*', '~', '!', 'case x in', 'esac', 'if', 'fi', 'do', 'done'];

describe('fuzz: the core never throws and never allows what it cannot parse', function () {
  this.timeout(60_000);

  it('random bytes (2000 inputs)', () => {
    const r = rng(1);
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(r() * 80);
      let s = '';
      for (let i = 0; i < len; i++) s += String.fromCharCode(Math.floor(r() * 128));
      checkInvariant(s);
    }
  });

  it('random shell fragments (3000 inputs)', () => {
    const r = rng(2);
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const k = 1 + Math.floor(r() * 12);
      for (let i = 0; i < k; i++) s += SHELL_BITS[Math.floor(r() * SHELL_BITS.length)] ?? '';
      checkInvariant(s);
    }
  });

  it('mutated corpus commands (every command, 3 mutations each)', () => {
    const r = rng(3);
    for (const cmd of corpus()) {
      for (let m = 0; m < 3; m++) {
        const at = Math.floor(r() * (cmd.length + 1));
        const op = r();
        const bit = SHELL_BITS[Math.floor(r() * SHELL_BITS.length)] ?? '';
        const mutated = op < 0.4 ? cmd.slice(0, at) + bit + cmd.slice(at) : op < 0.7 ? cmd.slice(0, at) + cmd.slice(at + 1) : cmd.slice(0, at);
        checkInvariant(mutated);
      }
    }
  });

  it('deep nesting gives confirm with a reason, not a crash', () => {
    for (const [open, close] of [['$(', ')'], ['( ', ' )'], ['{ ', '; }'], ['`echo ', '`']] as const) {
      const text = open.repeat(500) + 'ls' + close.repeat(500);
      const v = guard.checkCommand(text, { cwd: ROOT, root: ROOT });
      assert.notEqual(v.decision, 'allow', `deep ${open} nesting was allowed`);
      assert.ok(v.reasons.length > 0);
    }
    const bashC = "bash -c '".repeat(1) + 'x'.repeat(10) + "'";
    checkInvariant(bashC);
  });

  it('huge inputs give confirm with a limit reason', () => {
    const v = guard.checkCommand('echo ' + 'a'.repeat(300_000), { cwd: ROOT, root: ROOT });
    assert.equal(v.decision, 'confirm');
    assert.ok(v.reasons.some((x) => x.rule === 'shell.limit-exceeded'));
    const many = Array.from({ length: 5000 }, (_, i) => `echo ${i}`).join('; ');
    checkInvariant(many);
  });

  it('nested shell strings many levels deep stay bounded', () => {
    let cmd = 'rm -rf /';
    for (let i = 0; i < 12; i++) cmd = `bash -c ${JSON.stringify(cmd)}`;
    const v = guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });
    assert.notEqual(v.decision, 'allow');
  });
});
