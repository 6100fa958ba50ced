/**
 * What a sed command may write or run: in place (`-i`), a script from a file nobody read (`-f`), or a script
 * with a `w`/`W` command (`sed -n 'w x.sh' in`), an `e` command, or an `s` with the `w` or `e` flag
 * (`s/a/b/w out`). The script is read command by command so that letters inside regular expressions and
 * replacements (`/error/p`, `s/e/w/`) do not count; anything not understood counts as writing.
 */
import type { Arg } from './invocation';

/** The scripts of a sed command line (`-e`, `--expression`, or the first operand); opaque when not all are known. */
function sedScripts(argv: readonly Arg[]): { scripts: string[]; opaque: boolean } {
  const scripts: string[] = [];
  const opaque = { scripts, opaque: true };
  let scripted = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const v = a.value;
    if (a.dynamic && v.startsWith('-')) return opaque;
    if (v === '--') {
      // after `--` only operands: the script, when none was given yet, then files
      if (!scripted) scripts.push(argv[i + 1]?.value ?? '');
      break;
    }
    if (v.startsWith('--')) {
      if (v.startsWith('--in-place') || v.startsWith('--file')) return opaque;
      if (v === '--expression') {
        scripts.push(argv[++i]?.value ?? '');
        scripted = true;
      } else if (v.startsWith('--expression=')) {
        scripts.push(v.slice('--expression='.length));
        scripted = true;
      } else if (v === '--line-length') i++;
      continue;
    }
    if (v.length > 1 && v.startsWith('-')) {
      // a cluster of short options: `-ne 'p'`, `-n -e p`, `-i.bak`, `-l 80`
      for (let j = 1; j < v.length; j++) {
        const c = v[j];
        if (c === 'i' || c === 'f') return opaque;
        if (c === 'e' || c === 'l') {
          const value = j + 1 < v.length ? v.slice(j + 1) : argv[++i]?.value ?? '';
          if (c === 'e') {
            scripts.push(value);
            scripted = true;
          }
          break;
        }
      }
      continue;
    }
    if (!scripted) {
      if (a.dynamic) return opaque;
      scripts.push(v);
      scripted = true;
    }
  }
  return { scripts, opaque: false };
}

export function sedMayWrite(argv: readonly Arg[]): boolean {
  const { scripts, opaque } = sedScripts(argv);
  return opaque || scripts.some((t) => {
    const r = scanScript(t);
    return r.other || r.files.length > 0;
  });
}

/**
 * The files a sed script writes with `w`/`W` and the `s///w` flag (`sed -n 'w x.sh' in` writes x.sh), for
 * effects.ts; `/dev/stdout` and `/dev/stderr` are the output, not files. In place and `-f` are judged apart.
 */
export function sedScriptWrites(argv: readonly Arg[]): string[] {
  const { scripts, opaque } = sedScripts(argv);
  if (opaque) return [];
  return scripts.flatMap((t) => scanScript(t).files).filter((f) => f !== '/dev/stdout' && f !== '/dev/stderr');
}

/** Commands that take no argument. */
const PLAIN = new Set(['=', 'd', 'D', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'x', 'z', 'F', '{', '}']);
/** Commands whose argument runs to the end of the line (text, a file to read, a label, a version). */
const REST_OF_LINE = new Set(['a', 'i', 'c', 'r', 'R', 'b', 't', 'T', ':', 'v']);

/** Files written (`w`, `W`, `s///w`), and `other`: an `e` command or flag, or text not understood. */
function scanScript(script: string): { files: string[]; other: boolean } {
  const files: string[] = [];
  const other = { files, other: true };
  let i = 0;
  const n = script.length;
  /** The file name after `w`: the rest of the line, blanks before it skipped. */
  const fileName = (): string => {
    while (script[i] === ' ' || script[i] === '\t') i++;
    const start = i;
    while (i < n && script[i] !== '\n') i++;
    return script.slice(start, i);
  };
  /** A delimited part (`/re/`, the two parts of `s|a|b|`): the index after its closing delimiter, or -1. */
  const part = (from: number, delim: string): number => {
    for (let k = from; k < n; k++) {
      if (script[k] === '\\') k++;
      else if (script[k] === delim) return k + 1;
    }
    return -1;
  };
  const address = (): boolean => {
    const c = script[i];
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? script[i + 1] : '/';
      if (delim === undefined) return false;
      const end = part(c === '\\' ? i + 2 : i + 1, delim);
      if (end < 0) return false;
      i = end;
      while (script[i] === 'I' || script[i] === 'M') i++;
      return true;
    }
    const m = /^(?:\$|[+~]?\d+(?:~\d+)?)/.exec(script.slice(i, i + 24));
    if (m) i += m[0].length;
    return true;
  };
  while (i < n) {
    const c = script[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '}') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    if (!address()) return other;
    if (script[i] === ',') {
      i++;
      if (!address()) return other;
    }
    while (script[i] === ' ' || script[i] === '\t' || script[i] === '!') i++;
    const cmd = script[i];
    if (cmd === undefined) return { files, other: false };
    i++;
    if (cmd === 'e') return other;
    if (cmd === 'w' || cmd === 'W') {
      files.push(fileName());
      continue;
    }
    if (PLAIN.has(cmd)) continue;
    if (cmd === 'q' || cmd === 'Q' || cmd === 'l' || cmd === 'L') {
      while (i < n && /[\d ]/.test(script[i] as string)) i++;
      continue;
    }
    if (REST_OF_LINE.has(cmd)) {
      // up to the end of the line; a `;` ends it here too, so that what may follow it is read (over-reading only
      // ever finds more writes)
      while (i < n && script[i] !== '\n' && script[i] !== ';') i += script[i] === '\\' ? 2 : 1;
      continue;
    }
    if (cmd === 's' || cmd === 'y') {
      const delim = script[i];
      if (delim === undefined || delim === '\n' || delim === '\\') return other;
      const mid = part(i + 1, delim);
      const end = mid < 0 ? -1 : part(mid, delim);
      if (end < 0) return other;
      i = end;
      if (cmd === 's') {
        while (i < n && /[gpiImM\d]/.test(script[i] as string)) i++;
        if (script[i] === 'e') return other;
        if (script[i] === 'w') {
          i++;
          files.push(fileName());
        }
      }
      continue;
    }
    return other;
  }
  return { files, other: false };
}
