/**
 * The branch a `git push` with no branch named would push, read from the repository through the adapter's file
 * reader: `.git/HEAD` (or a worktree's) names the checked-out branch, and `push.default` `simple` or `current`
 * (git's default is `simple`) push it to the branch of the same name. Anything that could send it elsewhere — another
 * `push.default`, a remote's `push` refspec, an `include` this does not follow, a setting given on the command line
 * or in the environment, a file that cannot be read, a detached HEAD, a command on another machine, a command
 * earlier in the line that may have checked out another branch or changed a setting (Invocation.afterGitStateChange)
 * — leaves the branch unknown, and the push is judged as before (the current branch's name is not visible).
 */
import type { Invocation } from '../../invocation';
import type { RuleContext } from '../context';
import { dirname, resolve } from '../../paths/posix';
import { subcommandIndex } from '../args';
import { GIT_GLOBAL_VALUE_OPTS } from '../../gitGlobalOptions';

/** Environment that changes which repository or which settings git uses. */
const GIT_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CONFIG', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS'];

/** Directories climbed looking for the repository (deeper trees are not worth the reads). */
const MAX_DEPTH = 32;

const cache = new WeakMap<Invocation, string | null>();

/** The checked-out branch a push without a branch named sends to the same name on the remote, or undefined. */
export function currentBranch(inv: Invocation, ctx: RuleContext): string | undefined {
  let known = cache.get(inv);
  if (known === undefined) {
    known = find(inv, ctx) ?? null;
    cache.set(inv, known);
  }
  return known ?? undefined;
}

function find(inv: Invocation, ctx: RuleContext): string | undefined {
  if (inv.remote !== undefined || inv.mounts !== undefined || inv.cwd === undefined || ctx.home === '') return undefined;
  // `git checkout main && git push -f`: the files read below are as they are before the line runs
  if (inv.afterGitStateChange === true) return undefined;
  if (GIT_ENV.some((k) => inv.env[k] !== undefined)) return undefined;
  // another HOME: another ~/.gitconfig than the one read below
  const home = inv.env['HOME'];
  if (home !== undefined && home !== ctx.home) return undefined;
  let dir = inv.cwd;
  const sub = subcommandIndex(inv.args, GIT_GLOBAL_VALUE_OPTS);
  for (let i = 0; i < sub; i++) {
    const a = inv.args[i] ?? '';
    if (a === '-C') {
      const d = inv.argv[++i];
      if (d === undefined || d.dynamic) return undefined;
      dir = resolve(dir, d.value);
    } else if (a.startsWith('-') && a !== '-p' && a !== '--no-pager' && a !== '-P' && a !== '--paginate' && a !== '--no-replace-objects') {
      // `-c push.default=…`, `--git-dir`, `--work-tree`, …: another repository or other settings
      return undefined;
    }
  }
  const repo = gitDirs(dir, ctx);
  if (repo === undefined) return undefined;
  const head = ctx.readFile(repo.gitDir + '/HEAD');
  const m = head === undefined ? null : /^ref: refs\/heads\/(\S+)\s*$/.exec(head);
  if (m?.[1] === undefined) return undefined;
  // the repository's own config must be there; the user's and the system's may be missing
  const own = ctx.readFile(repo.commonDir + '/config');
  if (own === undefined || !pushesToSameName(own)) return undefined;
  for (const file of [ctx.home + '/.gitconfig', (inv.env['XDG_CONFIG_HOME'] ?? ctx.home + '/.config') + '/git/config', '/etc/gitconfig']) {
    const text = ctx.readFile(file);
    if (text !== undefined && !pushesToSameName(text)) return undefined;
  }
  return m[1];
}

/** The repository's git directory (HEAD) and common directory (config), from `dir` upwards. */
function gitDirs(start: string, ctx: RuleContext): { readonly gitDir: string; readonly commonDir: string } | undefined {
  let dir = start;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    // a bare repository or a git directory itself: not the layout read here
    if (ctx.readFile(dir === '/' ? '/HEAD' : dir + '/HEAD') !== undefined) return undefined;
    const dotGit = dir === '/' ? '/.git' : dir + '/.git';
    if (ctx.readFile(dotGit + '/HEAD') !== undefined) return { gitDir: dotGit, commonDir: dotGit };
    // a worktree or submodule: `.git` is a file `gitdir: <path>`, whose `commondir` names the shared one
    const link = ctx.readFile(dotGit);
    if (link !== undefined) {
      const m = /^gitdir: (.+?)\s*$/m.exec(link);
      if (m?.[1] === undefined) return undefined;
      const gitDir = resolve(dir, m[1]);
      const common = ctx.readFile(gitDir + '/commondir');
      return { gitDir, commonDir: common === undefined ? gitDir : resolve(gitDir, common.trim()) };
    }
    if (dir === '/') return undefined;
    dir = dirname(dir);
  }
  return undefined;
}

/**
 * Whether a git config file leaves a plain push going to the branch of the same name: no `push.default` other
 * than `simple`/`current`, no remote `push` refspec, no include (whose settings are not read here).
 */
export function pushesToSameName(text: string): boolean {
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"[^"]*")?\s*\]\s*(.*)$/.exec(line);
    if (header) {
      section = (header[1] ?? '').toLowerCase();
      if (section === 'include' || section === 'includeif') return false;
      // `[push] default = x` may follow the header on the same line
      if (header[2] === undefined || header[2] === '') continue;
      if (!settingKeepsName(section, header[2])) return false;
      continue;
    }
    if (!settingKeepsName(section, line)) return false;
  }
  return true;
}

function settingKeepsName(section: string, line: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
  const key = (m?.[1] ?? '').toLowerCase();
  if (section === 'remote' && key === 'push') return false;
  if (section !== 'push' || key !== 'default') return true;
  const value = (m?.[2] ?? '').replace(/\s*[#;].*$/, '').replace(/^"|"$/g, '').trim().toLowerCase();
  return value === 'simple' || value === 'current';
}
