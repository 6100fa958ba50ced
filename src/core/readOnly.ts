/**
 * Commands that only read. Used when the policy failed to load: then everything that is not read-only needs a
 * person (fail closed), while `ls`, `git status` and friends keep working.
 */
import type { Invocation } from './invocation';
import { subcommand } from './rules/args';
import { GIT_GLOBAL_VALUE_OPTS } from './gitGlobalOptions';

const READ_ONLY_PROGRAMS = new Set([
  'ls', 'll', 'la', 'cat', 'bat', 'less', 'more', 'head', 'tail', 'wc', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack',
  'fd', 'fdfind', 'tree', 'pwd', 'echo', 'printf', 'which', 'whereis', 'type', 'file', 'stat', 'du', 'df', 'diff',
  'cmp', 'comm', 'sort', 'uniq', 'cut', 'tr', 'nl', 'column', 'jq', 'yq', 'date', 'whoami', 'id', 'uname',
  'hostname', 'env', 'printenv', 'true', 'false', 'test', '[', 'basename', 'dirname', 'realpath', 'readlink',
  'sha256sum', 'sha1sum', 'md5sum', 'cksum', 'xxd', 'hexdump', 'od', 'strings', 'ps', 'top', 'uptime', 'free',
  'cd', 'pushd', 'popd', ':', 'set', 'unset', 'shift', 'shopt', 'hash', 'alias', 'unalias', 'return', 'exit', 'wait', 'sleep', 'seq', 'expr', 'man', 'help', 'history', 'tput', 'clear', 'git-log', 'awk', 'sed',
]);

const GIT_READ = new Set(['status', 'diff', 'log', 'show', 'blame', 'branch', 'tag', 'remote', 'rev-parse', 'ls-files', 'ls-tree', 'describe', 'shortlog', 'reflog', 'grep', 'cat-file', 'config', 'stash', 'fetch', 'help', 'version', 'whatchanged', 'merge-base', 'name-rev', 'for-each-ref', 'show-ref', 'count-objects', 'check-ignore']);

export function isReadOnly(inv: Invocation): boolean {
  if (inv.redirects.some((r) => r.op !== '<' && r.op !== '<<' && r.op !== '<<-' && r.op !== '<<<' && !/^(\/dev\/null|&?\d)$/.test(r.target.value))) return false;
  if (inv.program === 'git') {
    const sub = subcommand(inv.args, GIT_GLOBAL_VALUE_OPTS);
    if (!sub || !GIT_READ.has(sub.name)) return false;
    // `git branch -D`, `git stash drop`, `git config --global x y`, `git tag -d` change things
    return sub.rest.length === 0 || sub.name === 'diff' || sub.name === 'log' || sub.name === 'show' || sub.name === 'status' || sub.name === 'blame' || sub.name === 'ls-files' || sub.name === 'rev-parse';
  }
  if (inv.program === 'sed') return !inv.args.some((a) => /^-[a-zA-Z]*i|^--in-place/.test(a));
  if (inv.program === 'awk') return !inv.args.some((a) => a.includes('system(') || a.includes('>'));
  if (inv.program === 'env') return inv.args.length === 0;
  // `hash -p /bin/rm ls` makes a later `ls` run rm
  if (inv.program === 'hash') return !inv.args.some((a) => /^-[a-z]*p/.test(a));
  if (inv.program === 'find') return !inv.args.some((a) => a === '-delete' || a.startsWith('-exec') || a.startsWith('-ok') || a.startsWith('-fprint') || a === '-fls');
  return READ_ONLY_PROGRAMS.has(inv.program);
}
