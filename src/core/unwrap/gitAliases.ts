/**
 * Git aliases a command line defines for its own later commands: `git config alias.x 'reset' && git x --hard`
 * runs `git reset --hard`. The definition is remembered by the walker and a later `git x …` is given it as
 * `git -c alias.x=… x …`, which the git entry of embeddedCommands.ts expands (with the call's arguments).
 */
import type { Arg } from '../invocation';
import { GIT_GLOBAL_VALUE_OPTS } from '../gitGlobalOptions';
import { subcommandIndex } from '../rules/args';

/** `git config`'s options that take a value (`--file F`, `--type bool`). */
const CONFIG_VALUE_OPTS = ['-f', '--file', '--blob', '--type', '--default', '--comment', '--value'];

/** Index of git's sub-command in its arguments (after `-C dir`, `-c k=v`, `--attr-source rev`, …), or -1. */
export function gitSubcommandAt(args: readonly Arg[]): number {
  return subcommandIndex(args.map((a) => a.value), GIT_GLOBAL_VALUE_OPTS);
}

/** What `git config …` does to an alias: set it (a literal value), unset it, or nothing that is known. */
export type AliasChange = { readonly name: string; readonly value: Arg | undefined } | undefined;

/**
 * `git [-C d] config [--global|--local|--file f] [set] alias.NAME VALUE` sets NAME; `--unset alias.NAME` /
 * `unset alias.NAME` removes it (value undefined). A value only known when it runs is remembered as such: the
 * call then runs something unknown.
 */
export function gitAliasChange(args: readonly Arg[]): AliasChange {
  let i = gitSubcommandAt(args);
  if (i < 0 || args[i]?.value !== 'config') return undefined;
  const words: Arg[] = [];
  let unset = false;
  for (i++; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.value === '--unset' || a.value === '--unset-all') unset = true;
    else if (a.value.startsWith('-')) {
      if (CONFIG_VALUE_OPTS.includes(a.value)) i++;
    } else words.push(a);
  }
  // git ≥ 2.46: `git config set|unset [opts] key [value]`
  const verb = words[0]?.value;
  if (verb === 'set' || verb === 'unset') {
    unset ||= verb === 'unset';
    words.shift();
  }
  const key = words[0];
  const m = key !== undefined && !key.dynamic ? /^alias\.(.+)$/i.exec(key.value) : null;
  if (m?.[1] === undefined) return undefined;
  // git ignores case in alias names (`alias.X` is `git x`'s), as in every config variable name
  const name = m[1].toLowerCase();
  if (unset) return words.length === 1 ? { name, value: undefined } : undefined;
  const value = words[1];
  return words.length === 2 && value !== undefined ? { name, value } : undefined;
}

/**
 * `git x …` with `x` an alias defined earlier in the line (names in lower case, as gitAliasChange keeps them):
 * `git -c alias.x=VALUE x …`; else argv unchanged.
 */
export function withGitAlias(argv: readonly Arg[], aliases: ReadonlyMap<string, Arg>): readonly Arg[] {
  const args = argv.slice(1);
  const at = gitSubcommandAt(args);
  const sub = at < 0 ? undefined : args[at];
  const value = sub === undefined || sub.dynamic ? undefined : aliases.get(sub.value.toLowerCase());
  if (value === undefined) return argv;
  return [argv[0] as Arg, { value: '-c', dynamic: false, glob: false }, { ...value, value: `alias.${sub?.value ?? ''}=${value.value}` }, ...args];
}
