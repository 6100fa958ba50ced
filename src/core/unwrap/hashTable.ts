/**
 * bash's `hash` builtin changes what a later command name runs: `hash -p /bin/rm ls` makes `ls` run /bin/rm (the
 * table is looked up before PATH), so `hash -p /bin/rm ls; ls -rf ~` deletes the home directory. The walker keeps
 * the table for the rest of the line and runs a bound name as its path.
 */
import type { Arg } from '../invocation';

export interface HashChange {
  /** `hash -r`: every binding is forgotten. */
  readonly clear: boolean;
  /** `hash -d NAME…`: these names are forgotten. */
  readonly forget: readonly string[];
  /** `hash -p PATH NAME…`: the path each name now runs (the path may be only known when it runs). */
  readonly bind: { readonly path: Arg; readonly names: readonly string[] } | undefined;
}

/** What `hash ARGS` does to the table (bash's options: `-lr -p PATH -dt`, getopt-style, `-pPATH` attached). */
export function hashChange(args: readonly Arg[]): HashChange {
  let clear = false;
  let remove = false;
  let path: Arg | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as Arg;
    const v = a.value;
    if (v === '--') {
      i++;
      break;
    }
    if (a.dynamic || v.length < 2 || v[0] !== '-') break;
    for (let j = 1; j < v.length; j++) {
      const c = v[j];
      if (c === 'r') clear = true;
      else if (c === 'd') remove = true;
      else if (c === 'p') {
        path = j + 1 < v.length ? { ...a, value: v.slice(j + 1) } : args[++i];
        break;
      }
    }
  }
  const names = args.slice(i).map((a) => a.value);
  if (path !== undefined) return { clear, forget: [], bind: { path, names } };
  return { clear, forget: remove ? names : [], bind: undefined };
}

/** bash's builtins: found before the hash table, so `hash -p /bin/rm echo; echo x` still runs the builtin echo. */
const BASH_BUILTINS = new Set([
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt',
  'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg',
  'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd',
  'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times',
  'trap', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

/** The path a command name runs through the hash table, or undefined (a path, a builtin, or not bound). */
export function hashedPath(table: ReadonlyMap<string, Arg> | undefined, name: string): Arg | undefined {
  if (table === undefined || name.includes('/') || BASH_BUILTINS.has(name)) return undefined;
  return table.get(name);
}
