/**
 * Git aliases a command line defines for its own later commands: `git config alias.x 'reset' && git x --hard`
 * runs `git reset --hard`. The definition is remembered by the walker and a later `git x …` is given it as
 * `git -c alias.x=… x …`, which the git entry of embeddedCommands.ts expands (with the call's arguments).
 */
import type { Arg } from '../invocation';

/** git's own options before the sub-command that take the next word as their value. */
const GIT_VALUE_OPTS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix', '--exec-path'];
/** `git config`'s options that take a value (`--file F`, `--type bool`). */
const CONFIG_VALUE_OPTS = ['-f', '--file', '--blob', '--type', '--default', '--comment', '--value'];

/** Index of git's sub-command in its arguments (after `-C dir`, `-c k=v`, …), or args.length. */
function subcommandAt(args: readonly Arg[]): number {
  let i = 0;
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (!v.startsWith('-')) break;
    if (GIT_VALUE_OPTS.includes(v)) i++;
  }
  return i;
}

/** What `git config …` does to an alias: set it (a literal value), unset it, or nothing that is known. */
export type AliasChange = { readonly name: string; readonly value: Arg | undefined } | undefined;

/**
 * `git [-C d] config [--global|--local|--file f] [set] alias.NAME VALUE` sets NAME; `--unset alias.NAME` /
 * `unset alias.NAME` removes it (value undefined). A value only known when it runs is remembered as such: the
 * call then runs something unknown.
 */
export function gitAliasChange(args: readonly Arg[]): AliasChange {
  let i = subcommandAt(args);
  if (args[i]?.value !== 'config') return undefined;
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
  if (unset) return words.length === 1 ? { name: m[1], value: undefined } : undefined;
  const value = words[1];
  return words.length === 2 && value !== undefined ? { name: m[1], value } : undefined;
}

/** `git x …` with `x` an alias defined earlier in the line: `git -c alias.x=VALUE x …`; else argv unchanged. */
export function withGitAlias(argv: readonly Arg[], aliases: ReadonlyMap<string, Arg>): readonly Arg[] {
  const args = argv.slice(1);
  const sub = args[subcommandAt(args)];
  const value = sub === undefined || sub.dynamic ? undefined : aliases.get(sub.value);
  if (value === undefined) return argv;
  return [argv[0] as Arg, { value: '-c', dynamic: false, glob: false }, { ...value, value: `alias.${sub?.value ?? ''}=${value.value}` }, ...args];
}
