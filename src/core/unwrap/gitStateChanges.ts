/**
 * Commands after which the repository may no longer be what is on disk before the line runs: another branch
 * checked out (`git checkout main`, `git switch`, `git rebase main topic`, `gh pr checkout 12`), other settings
 * (`git config push.default matching`), a write under `.git` or to a git config file, or something git will run
 * that is not known here (an alias from the user's config, `git co main`). A later `git push -f` in the same line
 * then cannot be judged by the branch read from the repository (rules/packs/gitCurrentBranch.ts).
 */
import type { Invocation } from '../invocation';
import { fileEffects } from '../effects';
import { GIT_GLOBAL_VALUE_OPTS } from '../gitGlobalOptions';
import { isReadOnly } from '../readOnly';
import { hasLong, hasShort, positionals, subcommandIndex } from '../rules/args';

/** Sub-commands that neither move HEAD to another branch nor change settings, whatever their arguments. */
const KEEPS_BRANCH_AND_SETTINGS: ReadonlySet<string> = new Set([
  'add', 'am', 'apply', 'archive', 'blame', 'bundle', 'cat-file', 'check-attr', 'check-ignore', 'check-ref-format',
  'cherry', 'cherry-pick', 'clean', 'commit', 'count-objects', 'describe', 'diff', 'diff-files', 'diff-index',
  'diff-tree', 'difftool', 'fetch', 'for-each-ref', 'format-patch', 'fsck', 'gc', 'grep', 'hash-object', 'help',
  'lfs', 'log', 'ls-files', 'ls-remote', 'ls-tree', 'maintenance', 'merge', 'merge-base', 'mergetool', 'mv',
  'name-rev', 'notes', 'prune', 'pull', 'push', 'range-diff', 'reflog', 'repack', 'rerere', 'reset', 'restore',
  'rev-list', 'rev-parse', 'revert', 'rm', 'shortlog', 'show', 'show-branch', 'show-ref', 'status', 'tag', 'var',
  'verify-commit', 'verify-tag', 'version', 'whatchanged',
]);

/** `git rebase` options that take the next word (`--onto main`), so it is not counted as a branch. */
const REBASE_VALUE_OPTS = ['--onto', '-s', '--strategy', '-X', '--strategy-option', '-x', '--exec'];
/** `git config` options that take the next word (`--file f`). */
const CONFIG_VALUE_OPTS = ['-f', '--file', '--blob', '--type', '--default', '--comment', '--value'];
const CONFIG_READS = ['get', 'get-all', 'get-regexp', 'get-urlmatch', 'get-color', 'get-colorbool', 'list', 'show-origin'];

/** A path naming a git directory or a git config file (`.git/HEAD`, `../x/.git`, `~/.gitconfig`, `~/.config/git/config`). */
const GIT_PATH = /(?:^|\/)\.git(?:\/|$)|gitconfig|(?:^|\/)git\/config$/;

/** Whether `inv` may leave a later git command in the line on another branch or with other settings. */
export function mayChangeGitState(inv: Invocation): boolean {
  // on another machine: this repository is not touched
  if (inv.remote !== undefined) return false;
  if (inv.program === 'git') return gitMayChange(inv.args);
  if (inv.program === 'gh') return inv.args[0] === 'pr' && (inv.args[1] === 'checkout' || inv.args[1] === 'co');
  for (const e of fileEffects(inv)) if (e.target.dynamic || GIT_PATH.test(e.target.value)) return true;
  for (const r of inv.redirects) if (r.op !== '<' && r.op !== '<<' && r.op !== '<<-' && r.op !== '<<<' && (r.target.dynamic || GIT_PATH.test(r.target.value))) return true;
  // `cp -r ../other/.git .`, `python -c "open('.git/HEAD', 'w')…"`: a git path in a command that does more than read
  return inv.args.some((a) => GIT_PATH.test(a)) && !isReadOnly(inv);
}

function gitMayChange(args: readonly string[]): boolean {
  const at = subcommandIndex(args, GIT_GLOBAL_VALUE_OPTS);
  // `git --version`, `git -C dir` alone
  if (at < 0) return false;
  const sub = args[at] ?? '';
  const rest = args.slice(at + 1);
  switch (sub) {
    // a pathspec after `--` restores files; without it the word may be a branch
    case 'checkout':
      return !rest.includes('--');
    // `git branch -m new` renames the branch checked out
    case 'branch':
      return hasShort(rest, 'm') || hasShort(rest, 'M') || hasLong(rest, 'move');
    // `git stash branch topic` checks out a new branch
    case 'stash':
      return rest[0] === 'branch';
    // `git rebase main topic` checks out topic first; `git rebase main` stays on the branch
    case 'rebase':
      return positionals(rest, REBASE_VALUE_OPTS).length >= (hasLong(rest, 'root') ? 1 : 2);
    case 'config':
      return !configOnlyReads(rest);
    default:
      // switch, symbolic-ref, worktree, init, clone, bisect, remote, submodule, an alias or another program
      return !KEEPS_BRANCH_AND_SETTINGS.has(sub);
  }
}

/** `git config --get k`, `git config get k`, `git config -l`, `git config user.name`: nothing is set. */
function configOnlyReads(rest: readonly string[]): boolean {
  const words = positionals(rest, CONFIG_VALUE_OPTS);
  if (CONFIG_READS.some((r) => hasLong(rest, r)) || hasShort(rest, 'l')) return true;
  if (words[0] === 'get' || words[0] === 'list') return true;
  const writes = ['unset', 'unset-all', 'add', 'replace-all', 'rename-section', 'remove-section', 'edit'];
  return words.length === 1 && !writes.some((w) => hasLong(rest, w) || words[0] === w) && !hasShort(rest, 'e');
}
