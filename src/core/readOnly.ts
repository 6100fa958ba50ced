/**
 * Commands that only read: no file written (not even through an option such as `sort -o`, `uniq in out`,
 * `xxd -r in out`, `sed 'w out'`, `git show --output=out`, `yq -i`), no program run. Used when the policy failed
 * to load: then everything that is not read-only needs a person (fail closed), while `ls`, `git status` and
 * friends keep working. Being wrong here lets a write through unasked, so an option that is not understood
 * counts as writing. (Whether a missing script may have been created earlier in a line is a stricter question,
 * answered in unwrap/missingScript.ts.)
 */
import type { Arg, Invocation } from './invocation';
import { hasLong, hasShort, subcommand } from './rules/args';
import { GIT_GLOBAL_VALUE_OPTS } from './gitGlobalOptions';
import { sedMayWrite } from './sedWrites';

const READ_ONLY_PROGRAMS = new Set([
  'ls', 'll', 'la', 'cat', 'bat', 'less', 'more', 'head', 'tail', 'wc', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack',
  'fd', 'fdfind', 'tree', 'pwd', 'echo', 'printf', 'which', 'whereis', 'type', 'file', 'stat', 'du', 'df', 'diff',
  'cmp', 'comm', 'sort', 'uniq', 'cut', 'tr', 'nl', 'column', 'jq', 'yq', 'date', 'whoami', 'id', 'uname',
  'hostname', 'env', 'printenv', 'true', 'false', 'test', '[', 'basename', 'dirname', 'realpath', 'readlink',
  'sha256sum', 'sha1sum', 'md5sum', 'cksum', 'xxd', 'hexdump', 'od', 'strings', 'ps', 'top', 'uptime', 'free',
  'cd', 'pushd', 'popd', ':', 'set', 'unset', 'shift', 'shopt', 'hash', 'alias', 'unalias', 'return', 'exit', 'wait', 'sleep', 'seq', 'expr', 'man', 'help', 'history', 'tput', 'clear', 'git-log', 'awk', 'sed',
]);

/** A program of the readers' list above (what it may write with some options aside). */
export const isReaderProgram = (name: string): boolean => READ_ONLY_PROGRAMS.has(name);

const GIT_READ = new Set(['status', 'diff', 'log', 'show', 'blame', 'branch', 'tag', 'remote', 'rev-parse', 'ls-files', 'ls-tree', 'describe', 'shortlog', 'reflog', 'grep', 'cat-file', 'config', 'stash', 'fetch', 'help', 'version', 'whatchanged', 'merge-base', 'name-rev', 'for-each-ref', 'show-ref', 'count-objects', 'check-ignore']);

/** Arguments that are not options, with the values of `valueOpts` skipped (`uniq -f 1 in out` → in, out). */
function operandCount(argv: readonly Arg[], valueOpts: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < argv.length; i++) {
    const v = (argv[i] as Arg).value;
    if (v === '--') return n + argv.length - i - 1;
    if (v.length > 1 && v.startsWith('-')) {
      if (valueOpts.includes(v)) i++;
      continue;
    }
    n++;
  }
  return n;
}

const startsWithAny = (args: readonly string[], prefixes: readonly string[]): boolean => args.some((a) => prefixes.some((p) => a.startsWith(p)));

/** Programs of the list above that write a file or run a program when given certain options or operands. */
const WRITES_WHEN: Readonly<Record<string, (inv: Invocation) => boolean>> = {
  // `sort -o out`, `sort --output=out`; `--compress-program` runs a program
  sort: (inv) => hasShort(inv.args, 'o', { valueOpts: 'kStT' }) || startsWithAny(inv.args, ['--output', '--compress-program']),
  // `uniq in out` writes out
  uniq: (inv) => operandCount(inv.argv, ['-f', '-s', '-w', '--skip-fields', '--skip-chars', '--check-chars']) >= 2,
  // `xxd in out`, `xxd -r in out` write out
  xxd: (inv) => operandCount(inv.argv, ['-c', '-cols', '-g', '-groupsize', '-l', '-len', '-o', '-offset', '-s', '-seek', '-n', '-name']) >= 2,
  yq: (inv) => inv.args.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--inplace') || a === '-s' || a.startsWith('--split-exp')),
  tree: (inv) => inv.args.some((a) => a === '-o' || a.startsWith('-o')),
  sed: (inv) => sedMayWrite(inv.argv),
  // `print > "f"`, `print | "cmd"`, `system(…)`, a program file nobody read, gawk's `-i inplace`
  awk: (inv) => inv.args.some((a) => a.includes('system(') || a.includes('>') || a.includes('|') || /^-[a-zA-Z]*[fi]/.test(a) || a.startsWith('--file') || a.startsWith('--include')),
  env: (inv) => inv.args.length > 0,
  // `history -w file` / `-a file` write the history out (and `-c` clears it)
  history: (inv) => inv.args.some((a) => a.startsWith('-')),
  date: (inv) => hasShort(inv.args, 's') || hasLong(inv.args, 'set'),
  hostname: (inv) => operandCount(inv.argv, []) > 0 || startsWithAny(inv.args, ['-F', '--file']),
  fd: (inv) => startsWithAny(inv.args, ['-x', '-X', '--exec']),
  fdfind: (inv) => startsWithAny(inv.args, ['-x', '-X', '--exec']),
  rg: (inv) => inv.args.some((a) => a.startsWith('--pre') && !a.startsWith('--pre-glob')),
  file: (inv) => hasShort(inv.args, 'C', { valueOpts: 'fFmeP' }) || hasLong(inv.args, 'compile'),
  man: (inv) => startsWithAny(inv.args, ['-P', '-H', '--pager', '--html']),
  // `hash -p /bin/rm ls` makes a later `ls` run rm
  hash: (inv) => inv.args.some((a) => /^-[a-z]*p/.test(a)),
};

export function isReadOnly(inv: Invocation): boolean {
  if (inv.redirects.some((r) => r.op !== '<' && r.op !== '<<' && r.op !== '<<-' && r.op !== '<<<' && !/^(\/dev\/null|&?\d)$/.test(r.target.value))) return false;
  if (inv.program === 'git') {
    const sub = subcommand(inv.args, GIT_GLOBAL_VALUE_OPTS);
    if (!sub || !GIT_READ.has(sub.name)) return false;
    // `git show HEAD:f --output=x.sh` writes x.sh; `git grep -O<cmd>` runs cmd on the files found
    if (sub.rest.some((a) => a.startsWith('--output') || a.startsWith('--open-files-in-pager') || sub.name === 'grep' && /^-[a-zA-Z]*O/.test(a))) return false;
    // `git branch -D`, `git stash drop`, `git config --global x y`, `git tag -d` change things
    return sub.rest.length === 0 || sub.name === 'diff' || sub.name === 'log' || sub.name === 'show' || sub.name === 'status' || sub.name === 'blame' || sub.name === 'ls-files' || sub.name === 'rev-parse';
  }
  if (inv.program === 'find') return !inv.args.some((a) => a === '-delete' || a.startsWith('-exec') || a.startsWith('-ok') || a.startsWith('-fprint') || a === '-fls');
  if (!READ_ONLY_PROGRAMS.has(inv.program)) return false;
  const writes = WRITES_WHEN[inv.program];
  return writes === undefined || !writes(inv);
}
