/**
 * Git: commands that lose history other people depend on (force pushes and deletions of shared branches)
 * or local work nobody committed yet (reset --hard, clean -f, checkout .). Everyday git stays silent.
 */
import type { Invocation } from '../../invocation';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasFlag, hasLong, hasShort, optionValue, positionals, subcommandIndex } from '../args';
import { currentBranch } from './gitCurrentBranch';
import { GIT_GLOBAL_VALUE_OPTS } from '../../gitGlobalOptions';

const GIT = ['git'];

/** Branches whose history is shared: rewriting or deleting them on a remote hurts everyone. */
const PROTECTED_BRANCHES: ReadonlySet<string> = new Set(['main', 'master', 'trunk', 'develop', 'production', 'prod']);

/** The sub-command's name (`push`, `reset`, …), or undefined. */
function gitSubName(inv: Invocation): string | undefined {
  return inv.args[subcommandIndex(inv.args, GIT_GLOBAL_VALUE_OPTS)];
}

/** The sub-command's arguments when it is `name`, else undefined; copies nothing for other sub-commands. */
function gitSub(inv: Invocation, name: string): readonly string[] | undefined {
  const i = subcommandIndex(inv.args, GIT_GLOBAL_VALUE_OPTS);
  return i >= 0 && inv.args[i] === name ? inv.args.slice(i + 1) : undefined;
}

/** `main`, `refs/heads/release/2.1`, or a glob destination (`refs/heads/*`) that covers them. */
function isProtectedBranch(ref: string): boolean {
  let branch = ref;
  if (ref.startsWith('refs/')) {
    if (!ref.startsWith('refs/heads/')) return false; // tags, notes, remotes: not a branch
    branch = ref.slice('refs/heads/'.length);
  }
  return PROTECTED_BRANCHES.has(branch) || branch.startsWith('release') || branch.includes('*');
}

// ---------------------------------------------------------------------------------------------------------
// git push: what it would do to which remote branches

/** Options of `git push` that take the next word as their value. */
const PUSH_VALUE_OPTS = ['-o', '--push-option', '--repo', '--receive-pack', '--exec', '--recurse-submodules'];

interface PushTarget {
  /** Destination branch on the remote; undefined when it cannot be told (current branch, `HEAD`, `$VAR`). */
  readonly dst: string | undefined;
  /** `+src:dst`: forced regardless of the flags. */
  readonly plus: boolean;
  /** `:dst` or `--delete dst`. */
  readonly del: boolean;
  /** `HEAD` / `@`: the current branch (a `$VAR` is unknown, not this). */
  readonly current?: true;
}

interface PushFacts {
  readonly dryRun: boolean;
  /** From the flags: `--force`/`-f` is `force`, `--force-with-lease` alone is `lease`. */
  readonly forceFlag: 'none' | 'lease' | 'force';
  readonly mirror: boolean;
  /** `--all` / `--branches`: every local branch, main included. */
  readonly allBranches: boolean;
  readonly prune: boolean;
  /** `--tags` alone pushes tags, not the current branch. */
  readonly tagsOnly: boolean;
  readonly targets: readonly PushTarget[];
}

function parseRefspec(spec: string, dynamic: boolean, deleteFlag: boolean): PushTarget {
  // `:$(git tag)` deletes whatever the substitution names
  if (dynamic || spec === '') return { dst: undefined, plus: dynamic && spec.startsWith('+'), del: deleteFlag || (dynamic && spec.startsWith(':')) };
  if (deleteFlag) return { dst: spec, plus: false, del: true };
  const plus = spec.startsWith('+');
  const body = plus ? spec.slice(1) : spec;
  const colon = body.indexOf(':');
  if (colon < 0) {
    // `git push origin main` pushes main to main; `HEAD`/`@` push the current branch, whose name is unknown here
    return body === 'HEAD' || body === '@' ? { dst: undefined, plus, del: false, current: true } : { dst: body, plus, del: false };
  }
  const src = body.slice(0, colon);
  const dst = body.slice(colon + 1);
  return { dst: dst === '' ? undefined : dst, plus, del: src === '' && dst !== '' };
}

/**
 * Six rules read the same push: analyse it once per invocation. Keyed weakly by the invocation object, so it
 * holds nothing once the invocation is gone and cannot be observed from outside.
 */
const pushCache = new WeakMap<Invocation, PushFacts | null>();

/** What `git push` would do, or undefined when the command is not a push. */
function pushFacts(inv: Invocation): PushFacts | undefined {
  if (gitSubName(inv) !== 'push') return undefined;
  let facts = pushCache.get(inv);
  if (facts === undefined) {
    const rest = gitSub(inv, 'push');
    facts = rest === undefined ? null : analysePush(inv, rest);
    pushCache.set(inv, facts);
  }
  return facts ?? undefined;
}

function analysePush(inv: Invocation, rest: readonly string[]): PushFacts {
  const offset = inv.args.length - rest.length;
  const deleteFlag = hasFlag(rest, 'd', 'delete');
  const plainForce = hasShort(rest, 'f', { valueOpts: 'o' }) || hasLong(rest, 'force');
  const lease = hasLong(rest, 'force-with-lease');
  const targets: PushTarget[] = [];
  // `--repo=origin` names the repository, so every word is a refspec
  let seenRepository = rest.some((a) => a === '--repo' || a.startsWith('--repo='));
  let afterDashDash = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!afterDashDash) {
      if (a === '--') {
        afterDashDash = true;
        continue;
      }
      if (a.length > 1 && a[0] === '-') {
        if (!a.includes('=') && PUSH_VALUE_OPTS.includes(a)) i++;
        continue;
      }
    }
    if (!seenRepository) {
      seenRepository = true;
      continue;
    }
    if (a === 'tag') {
      i++; // `tag v1.2` pushes refs/tags/v1.2
      continue;
    }
    targets.push(parseRefspec(a, inv.argv[offset + i]?.dynamic ?? false, deleteFlag));
  }
  return {
    dryRun: hasFlag(rest, 'n', 'dry-run'),
    forceFlag: plainForce ? 'force' : lease ? 'lease' : 'none',
    mirror: hasLong(rest, 'mirror'),
    allBranches: hasLong(rest, 'all') || hasLong(rest, 'branches'),
    prune: hasLong(rest, 'prune'),
    tagsOnly: hasLong(rest, 'tags') && targets.length === 0,
    targets,
  };
}

function isForced(p: PushFacts, t: PushTarget): boolean {
  return !t.del && (t.plus || p.forceFlag !== 'none');
}

/**
 * A forced push of the current branch with no other name for it (`git push -f`, `git push -f origin HEAD`):
 * whether `+` or `--force` forces it (rather than --force-with-lease alone), or undefined when there is none.
 */
function forcedCurrent(p: PushFacts): { readonly plain: boolean } | undefined {
  if (p.dryRun || p.mirror || p.allBranches || p.tagsOnly) return undefined;
  if (p.targets.length === 0) return p.forceFlag === 'none' ? undefined : { plain: p.forceFlag === 'force' };
  for (const t of p.targets) if (t.current === true && isForced(p, t)) return { plain: t.plus || p.forceFlag === 'force' };
  return undefined;
}

const forcePushProtected: CommandRule = {
  id: 'git.force-push-protected-branch',
  programs: GIT,
  decision: 'deny',
  risk: 'critical',
  message:
    'Force-pushing over a shared branch rewrites its history on the remote and can erase other people\'s commits. ' +
    'Push to a new branch and open a pull request instead.',
  match(inv, ctx) {
    const p = pushFacts(inv);
    if (p === undefined || p.dryRun || p.mirror) return false;
    let hit: string | undefined;
    let plain = false;
    if (p.allBranches && p.forceFlag !== 'none') {
      hit = 'every branch';
      plain = p.forceFlag === 'force';
    }
    for (const t of p.targets) {
      if (t.dst === undefined || !isForced(p, t) || !isProtectedBranch(t.dst)) continue;
      hit ??= t.dst;
      if (t.plus || p.forceFlag === 'force') plain = true;
    }
    // `git push -f` on a checked-out main (read from the repository, gitCurrentBranch.ts)
    const current = forcedCurrent(p);
    const branch = current === undefined ? undefined : currentBranch(inv, ctx);
    if (current !== undefined && branch !== undefined && isProtectedBranch(branch)) {
      hit ??= `${branch} (the current branch)`;
      if (current.plain) plain = true;
    }
    if (hit === undefined) return false;
    if (plain) return { message: `Force-pushing over ${hit} rewrites its history on the remote and can erase other people's commits. Push to a new branch and open a pull request instead.` };
    const lease: RuleHit = {
      decision: 'confirm',
      risk: 'high',
      message: `Force-pushing over ${hit} (with --force-with-lease) still rewrites the shared history of the branch. Push to a new branch and open a pull request instead.`,
    };
    return lease;
  },
  examples: {
    match: [
      'git push --force origin main',
      'git push -f origin master',
      'git push origin main --force',
      'git push origin +main',
      'git push origin +HEAD:main',
      'git push origin HEAD:refs/heads/main --force',
      'git push --force-with-lease origin main',
      'git push -uf origin release/2.4',
      'git -C ../app push --force origin production',
      'git -c push.default=current push -f origin trunk',
      'git push --force --all origin',
      'git push origin +refs/heads/*:refs/heads/*',
      'git push -f upstream develop',
    ],
    notMatch: [
      'git push origin main',
      'git push --force origin feature-x',
      'git push origin +feature-x',
      'git push --force --dry-run origin main',
      'git push -n -f origin main',
      'git push',
      'git push -u origin feature/login',
      'git push --force origin v1.0.0-main',
      'git push --force-with-lease origin HEAD:fix/typo',
    ],
  },
};

const forcePushCurrentBranch: CommandRule = {
  id: 'git.force-push-current-branch',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message:
    'This force-pushes the current branch, whose name is not visible here; if it is shared (main, a release branch) ' +
    'its history on the remote is rewritten. Name the branch explicitly, e.g. `git push --force-with-lease origin my-branch`.',
  match(inv, ctx) {
    const p = pushFacts(inv);
    if (p === undefined || p.dryRun || p.mirror || p.allBranches || p.tagsOnly) return false;
    // the branch is known from the repository: a shared one is the protected-branch rule's, any other is ordinary
    const current = forcedCurrent(p);
    if (current !== undefined && currentBranch(inv, ctx) !== undefined && !p.targets.some((t) => t.dst === undefined && t.current !== true && isForced(p, t))) return false;
    if (p.targets.length === 0) return p.forceFlag === 'force' ? true : p.forceFlag === 'lease' ? { risk: 'low' } : false;
    for (const t of p.targets) {
      if (t.dst === undefined && isForced(p, t)) return t.plus || p.forceFlag === 'force' ? true : { risk: 'low' };
    }
    return false;
  },
  examples: {
    match: [
      'git push --force',
      'git push -f',
      'git push --force-with-lease',
      'git push -f origin',
      'git push --force origin HEAD',
      'git push origin +HEAD',
      'git -C services/api push --force',
      'git push --force origin "$BRANCH"',
    ],
    notMatch: [
      'git push',
      'git push origin',
      'git push --force origin feature-x',
      'git push --force --dry-run',
      'git push origin HEAD',
      'git push --force --tags',
      'git push --force origin main',
    ],
  },
};

const pushMirror: CommandRule = {
  id: 'git.push-mirror',
  programs: GIT,
  decision: 'confirm',
  risk: 'critical',
  message:
    'A mirror push makes the remote an exact copy of this repository: every branch and tag there is overwritten, and ' +
    'those missing here are deleted. Push the branches you mean by name instead.',
  match(inv) {
    const p = pushFacts(inv);
    return p !== undefined && !p.dryRun && p.mirror;
  },
  examples: {
    match: ['git push --mirror', 'git push --mirror origin', 'git -C repo.git push --mirror https://git.example.com/team/app.git'],
    notMatch: ['git push --mirror --dry-run origin', 'git clone --mirror https://git.example.com/team/app.git', 'git push origin main'],
  },
};

const deleteProtectedRemoteBranch: CommandRule = {
  id: 'git.delete-protected-remote-branch',
  programs: GIT,
  decision: 'deny',
  risk: 'critical',
  message: 'This deletes a shared branch (main, a release branch, …) on the remote, for everyone. Ask the repository owner to do it if it is really meant.',
  match(inv) {
    const p = pushFacts(inv);
    if (p === undefined || p.dryRun) return false;
    for (const t of p.targets) {
      if (t.del && t.dst !== undefined && isProtectedBranch(t.dst)) {
        return { message: `This deletes the shared branch ${t.dst} on the remote, for everyone. Ask the repository owner to do it if it is really meant.` };
      }
    }
    return false;
  },
  examples: {
    match: ['git push origin --delete main', 'git push origin :master', 'git push -d origin release/1.0', 'git -C app push origin :refs/heads/production'],
    notMatch: ['git push origin --delete feature-x', 'git push origin :old-branch', 'git push --dry-run origin --delete main', 'git branch -d main'],
  },
};

const pushDeleteBranch: CommandRule = {
  id: 'git.push-delete-branch',
  programs: GIT,
  decision: 'confirm',
  risk: 'low',
  message: 'This deletes a branch or tag on the remote; commits only reachable from it are lost for everyone else. Make sure it was merged first.',
  match(inv) {
    const p = pushFacts(inv);
    if (p === undefined || p.dryRun) return false;
    let unknown = false;
    let any = false;
    for (const t of p.targets) {
      if (!t.del) continue;
      if (t.dst !== undefined && isProtectedBranch(t.dst)) return false; // the stricter rule speaks
      any = true;
      if (t.dst === undefined) unknown = true;
    }
    if (!any) return false;
    if (!unknown) return true;
    // `--delete $(git tag)`, `git tag | xargs git push origin --delete`: usually every tag or branch there is
    const dynamicList = inv.argv.filter((a) => a.dynamic).length > 0;
    return dynamicList
      ? { risk: 'high', message: `\`${inv.text}\` deletes on the remote refs that are only known when it runs (a variable, or a command's output such as every tag), for everyone who uses it. Delete the refs you mean by name.` }
      : { risk: 'medium' };
  },
  examples: {
    match: ['git push origin --delete feature-x', 'git push origin :old-branch', 'git push -d origin fix/typo', 'git push --delete origin v1.0.0', 'git push origin --delete "$OLD"', 'git push origin --delete $(git tag)', 'git tag -l | xargs git push origin --delete'],
    notMatch: ['git push origin feature-x', 'git push -n origin --delete feature-x', 'git branch -d feature-x', 'git push origin --delete main'],
  },
};

const pushPrune: CommandRule = {
  id: 'git.push-prune',
  programs: GIT,
  decision: 'confirm',
  risk: 'high',
  message: 'With --prune, every remote branch that has no local counterpart is deleted on the remote. Delete the branches you mean by name instead.',
  match(inv) {
    const p = pushFacts(inv);
    return p !== undefined && !p.dryRun && p.prune;
  },
  examples: {
    match: ['git push --prune origin', "git push --prune origin 'refs/heads/*:refs/heads/*'"],
    notMatch: ['git fetch --prune', 'git remote prune origin', 'git push --prune --dry-run origin'],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Local work that is not committed yet, or not reachable any more

const resetHard: CommandRule = {
  id: 'git.reset-hard',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: '`git reset --hard` throws away every uncommitted change in tracked files, with no way back. Commit or `git stash` first.',
  match(inv) {
    const rest = gitSub(inv, 'reset');
    return rest !== undefined && hasLong(rest, 'hard');
  },
  examples: {
    match: ['git reset --hard', 'git reset --hard HEAD~1', 'git reset --hard origin/main', 'git -C ../lib reset --hard'],
    notMatch: ['git reset', 'git reset HEAD~1', 'git reset --soft HEAD~1', 'git reset -- src/app.ts', 'git commit -m "reset --hard was wrong"'],
  },
};

const clean: CommandRule = {
  id: 'git.clean-untracked',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message:
    '`git clean -f` deletes untracked files for good (git never saw them, so it cannot bring them back). ' +
    'Run `git clean -n` first to see what would go.',
  match(inv) {
    const rest = gitSub(inv, 'clean');
    if (rest === undefined) return false;
    if (!(hasShort(rest, 'f', { valueOpts: 'e' }) || hasLong(rest, 'force'))) return false;
    if (hasShort(rest, 'n', { valueOpts: 'e' }) || hasLong(rest, 'dry-run') || hasShort(rest, 'i', { valueOpts: 'e' }) || hasLong(rest, 'interactive')) return false;
    if (hasShort(rest, 'x', { valueOpts: 'e' }) || hasShort(rest, 'X', { valueOpts: 'e' })) {
      return {
        risk: 'high',
        message: '`git clean -x` also deletes ignored files (.env files, local configuration, build caches) for good. Run `git clean -n -x` first to see what would go.',
      };
    }
    return true;
  },
  examples: {
    match: ['git clean -f', 'git clean -fd', 'git clean -fdx', 'git clean -xfd', 'git clean -d -f', 'git clean --force -d', 'git -C web clean -fX'],
    notMatch: ['git clean -n', 'git clean -nd', 'git clean -fdn', 'git clean --dry-run -fd', 'git clean -i', 'git clean -d'],
  },
};

/** Pathspecs that mean "everything here": `git checkout .`, `git restore :/`. */
const ALL_PATHSPECS: ReadonlySet<string> = new Set(['.', './', '..', '../', '*', './*', ':/', ':/*', ':(top)', ':(top).']);

function anyAllPathspec(values: readonly string[]): boolean {
  for (const v of values) if (ALL_PATHSPECS.has(v)) return true;
  return false;
}

const CHECKOUT_VALUE_OPTS = ['-b', '-B', '--orphan', '--conflict'];
const RESTORE_VALUE_OPTS = ['-s', '--source'];

const discardChanges: CommandRule = {
  id: 'git.discard-working-changes',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message:
    'This overwrites every uncommitted change in the working tree with the committed version; the edits cannot be recovered. ' +
    'Use `git stash` to set them aside instead.',
  match(inv) {
    const name = gitSubName(inv);
    if (name === 'read-tree' || name === 'checkout-index' || name === 'submodule') {
      const rest = gitSub(inv, name) ?? [];
      // `read-tree --reset -u HEAD` is `reset --hard`; `checkout-index -f -a` overwrites every tracked file
      if (name === 'read-tree') return hasLong(rest, 'reset') && hasShort(rest, 'u');
      if (name === 'checkout-index') return (hasShort(rest, 'f') || hasLong(rest, 'force')) && (hasShort(rest, 'a') || hasLong(rest, 'all'));
      // `submodule deinit -f` removes the submodules' working trees, local changes included
      return rest[0] === 'deinit' && (hasShort(rest.slice(1), 'f') || hasLong(rest, 'force'));
    }
    if (name !== 'checkout' && name !== 'switch' && name !== 'restore') return false;
    const rest = gitSub(inv, name) ?? [];
    if (hasLong(rest, 'patch') || hasShort(rest, 'p', { valueOpts: name === 'restore' ? 's' : 'bB' })) return false; // a person picks each hunk
    switch (name) {
      case 'checkout':
        return hasLong(rest, 'force') || hasShort(rest, 'f', { valueOpts: 'bB' }) || anyAllPathspec(positionals(rest, CHECKOUT_VALUE_OPTS));
      case 'switch':
        return hasLong(rest, 'discard-changes') || hasLong(rest, 'force') || hasShort(rest, 'f', { valueOpts: 'cC' });
      case 'restore': {
        const stagedOnly = (hasShort(rest, 'S', { valueOpts: 's' }) || hasLong(rest, 'staged')) && !(hasShort(rest, 'W', { valueOpts: 's' }) || hasLong(rest, 'worktree'));
        return !stagedOnly && anyAllPathspec(positionals(rest, RESTORE_VALUE_OPTS));
      }
      default:
        return false;
    }
  },
  examples: {
    match: [
      'git checkout .',
      'git checkout -- .',
      'git checkout HEAD -- .',
      'git checkout -f main',
      'git restore .',
      'git restore --worktree --staged .',
      'git restore --source=HEAD~3 :/',
      'git switch --discard-changes main',
      'git -C packages/ui checkout .',
      'git read-tree --reset -u HEAD',
      'git checkout-index -a -f',
      'git submodule deinit -f --all',
    ],
    notMatch: [
      'git read-tree HEAD',
      'git checkout-index -a --prefix=/tmp/export/',
      'git submodule update --init',
      'git checkout -b feature-x',
      'git checkout main',
      'git checkout -- src/app.ts',
      'git restore --staged .',
      'git restore src/app.ts',
      'git switch feature-x',
      'git switch -c feature-x',
      'git stash',
      'git checkout -p .',
    ],
  },
};

const branchForceDelete: CommandRule = {
  id: 'git.branch-force-delete',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: '`git branch -D` deletes the branch even if its commits were never merged anywhere. Use `git branch -d`, which refuses when work would be lost.',
  match(inv) {
    const rest = gitSub(inv, 'branch');
    if (rest === undefined) return false;
    return hasShort(rest, 'D') || (hasFlag(rest, 'd', 'delete') && hasFlag(rest, 'f', 'force'));
  },
  examples: {
    match: ['git branch -D feature-x', 'git branch --delete --force old', 'git branch -d -f old', 'git -C app branch -D spike'],
    notMatch: ['git branch -d feature-x', 'git branch', 'git branch -a', 'git branch new-feature', 'git branch -m old new'],
  },
};

const deleteTags: CommandRule = {
  id: 'git.delete-tags',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes a list of tags computed when it runs (every tag, as usually written); tags that were never pushed are lost for good, and release tags mark what was shipped. Delete the tags you mean by name.',
  match(inv) {
    const rest = gitSub(inv, 'tag');
    if (rest === undefined || !hasFlag(rest, 'd', 'delete')) return false;
    const offset = inv.argv.length - rest.length;
    // `git tag -d $(git tag)`, `git tag -l | xargs git tag -d`: the names only exist when it runs
    return rest.some((a, i) => !a.startsWith('-') && (inv.argv[offset + i]?.dynamic ?? false));
  },
  examples: {
    match: ['git tag -d $(git tag)', 'git tag -l | xargs git tag -d', 'git tag -d $(git tag -l "v0.*")', 'git tag | xargs -n 1 git tag --delete'],
    notMatch: ['git tag -d v1.0.0-rc1', 'git tag -l', 'git tag v1.2.0', 'git tag -a v1.2.0 -m "release"', 'git push origin v1.2.0'],
  },
};

function stashAction(inv: Invocation): string | undefined {
  const rest = gitSub(inv, 'stash');
  return rest === undefined ? undefined : positionals(rest)[0];
}

const stashClear: CommandRule = {
  id: 'git.stash-clear',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: '`git stash clear` deletes every stashed change at once; they cannot be listed or restored afterwards. Drop the entries you no longer need one by one.',
  match: (inv) => stashAction(inv) === 'clear',
  examples: {
    match: ['git stash clear', 'git -C app stash clear'],
    notMatch: ['git stash', 'git stash pop', 'git stash list', 'git stash push -m "clear later"'],
  },
};

const stashDrop: CommandRule = {
  id: 'git.stash-drop',
  programs: GIT,
  decision: 'confirm',
  risk: 'low',
  message: '`git stash drop` deletes a stashed change; it is hard to get back. Check it with `git stash show -p` first, or use `git stash pop` to apply it.',
  match: (inv) => stashAction(inv) === 'drop',
  examples: {
    match: ['git stash drop', 'git stash drop stash@{2}', 'git stash drop -q'],
    notMatch: ['git stash pop', 'git stash apply', 'git stash show -p stash@{0}'],
  },
};

const rewriteHistory: CommandRule = {
  id: 'git.rewrite-history',
  programs: GIT,
  decision: 'confirm',
  risk: 'high',
  message:
    'This rewrites every commit in the repository; pushing the result replaces history everyone else has. ' +
    'Try it in a fresh clone and let a person review it.',
  match(inv) {
    const name = gitSubName(inv);
    if (name === 'filter-branch') return true;
    if (name !== 'filter-repo') return false;
    return !hasLong(inv.args, 'analyze') && !hasLong(inv.args, 'dry-run');
  },
  examples: {
    match: ["git filter-branch --tree-filter 'rm -f secrets.txt' HEAD", 'git filter-repo --path secrets/ --invert-paths', 'git filter-repo --force --strip-blobs-bigger-than 10M'],
    notMatch: ['git filter-repo --analyze', 'git filter-repo --dry-run --path x', 'git log --filter=blob:none'],
  },
};

/** Values of `--expire` that keep the reflog. */
const KEEP_EXPIRE: ReadonlySet<string> = new Set(['never', 'false']);

const expireReflog: CommandRule = {
  id: 'git.expire-reflog',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: 'This empties the reflog, the record git uses to recover commits lost by a reset or rebase. Leave the reflog to expire on its own.',
  match(inv) {
    const rest = gitSub(inv, 'reflog');
    if (rest === undefined) return false;
    const action = positionals(rest)[0];
    if (action === 'delete') return true;
    if (action !== 'expire') return false;
    const expire = optionValue(rest, ['--expire']);
    const unreachable = optionValue(rest, ['--expire-unreachable']);
    return (expire !== undefined && !KEEP_EXPIRE.has(expire)) || (unreachable !== undefined && !KEEP_EXPIRE.has(unreachable));
  },
  examples: {
    match: ['git reflog expire --expire=now --all', 'git reflog expire --expire-unreachable=now --all', 'git reflog delete HEAD@{1}'],
    notMatch: ['git reflog', 'git reflog show', 'git reflog expire --expire=never --all'],
  },
};

/** `--prune` values that delete unreachable objects right away instead of after the two-week grace period. */
const PRUNE_NOW: ReadonlySet<string> = new Set(['now', 'all']);

const pruneUnreachable: CommandRule = {
  id: 'git.prune-unreachable-objects',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes unreachable commits and files right away; work lost by a reset or rebase can no longer be recovered. Run plain `git gc`, which keeps them for two weeks.',
  match(inv) {
    const name = gitSubName(inv);
    if (name !== 'prune' && name !== 'gc') return false;
    const rest = gitSub(inv, name) ?? [];
    if (name === 'prune') return !hasFlag(rest, 'n', 'dry-run');
    const prune = optionValue(rest, ['--prune']);
    return prune !== undefined && PRUNE_NOW.has(prune);
  },
  examples: {
    match: ['git gc --prune=now', 'git gc --aggressive --prune=now', 'git gc --prune=all', 'git prune', 'git prune --expire=now'],
    notMatch: ['git gc', 'git gc --aggressive', 'git prune -n', 'git remote prune origin', 'git fetch --prune'],
  },
};

/**
 * `git branch -M x main`, `git branch -f main HEAD~5`, `git update-ref refs/heads/main HEAD~5`: a shared branch is
 * pointed elsewhere, and the commits only it had are no longer on any branch. A feature branch moved is ordinary
 * (as force-pushing one is).
 */
const branchOverwrite: CommandRule = {
  id: 'git.branch-overwrite',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: 'This points a shared branch (main, master, develop, release…) somewhere else; commits only that branch had are no longer on any branch (the reflog keeps them for a while). Create a new branch instead, or let a person do it.',
  match(inv) {
    const name = gitSubName(inv);
    const rest = gitSub(inv, name ?? '') ?? [];
    if (name === 'branch') {
      const pos = positionals(rest, ['-u', '--set-upstream-to', '--format', '--sort', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '--color', '--column']);
      if (hasShort(rest, 'M') || hasShort(rest, 'C')) return pos.length >= 2 && isProtectedBranch(pos[pos.length - 1] ?? '') ? { message: `\`${inv.text}\` renames or copies onto the existing branch ${pos[pos.length - 1] ?? ''}, replacing it; commits only it had are no longer on any branch. Pick a new name, or delete the old branch deliberately first.` } : undefined;
      if ((hasShort(rest, 'f') || hasLong(rest, 'force')) && !hasShort(rest, 'd') && !hasShort(rest, 'D') && !hasShort(rest, 'm') && !hasShort(rest, 'c') && pos.length >= 2 && isProtectedBranch(pos[0] ?? '')) {
        return { message: `\`${inv.text}\` moves the existing branch ${pos[0] ?? ''}; commits only it had are no longer on any branch. Create a new branch instead.` };
      }
      return undefined;
    }
    if (name === 'update-ref' && !hasShort(rest, 'd') && !hasLong(rest, 'stdin')) {
      const ref = positionals(rest, ['-m'])[0] ?? '';
      return ref.startsWith('refs/heads/') && isProtectedBranch(ref) ? { message: `\`${inv.text}\` points the branch ${ref.slice(11)} at another commit without any check; commits only it had are no longer on any branch. Use git branch or git reset on a branch you own.` } : undefined;
    }
    return undefined;
  },
  examples: {
    match: ['git branch -M feature main', 'git branch -f main HEAD~5', 'git branch --force release v1.0', 'git update-ref refs/heads/main HEAD~5', 'git branch -C old main'],
    notMatch: ['git branch -M main', 'git branch -m old new', 'git branch -f', 'git branch feature-x', 'git branch -D old', 'git update-ref refs/tags/x HEAD', 'git update-ref -d refs/heads/x', 'git branch -f feature origin/feature', 'git update-ref refs/heads/wip HEAD', 'git branch -M old feature-y'],
  },
};

/** The folder `core.hooksPath` is set to: `git config [scope] core.hooksPath DIR`, `git config set …`, `git -c core.hooksPath=DIR …`. */
function hooksPathSet(inv: Invocation): string | undefined {
  const a = inv.args;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] ?? '';
    if (v === '-c' && /^core\.hookspath=/i.test(a[i + 1] ?? '')) return (a[i + 1] ?? '').slice('core.hooksPath='.length);
  }
  const name = gitSubName(inv);
  if (name !== 'config') return undefined;
  const words = positionals(gitSub(inv, 'config') ?? [], ['-f', '--file', '--blob', '--type', '--default', '--comment']);
  const [first, second, third] = words[0] === 'set' ? words.slice(1) : words;
  return first !== undefined && /^core\.hookspath$/i.test(first) && second !== undefined && third === undefined ? second : undefined;
}

/**
 * `git config core.hooksPath /tmp/h`: every later commit, checkout, merge and push runs the scripts in that folder.
 * A folder of the project (`.githooks`, `.husky/_`) is ordinary; one elsewhere is not the project's to decide.
 */
const hooksPathOutside: CommandRule = {
  id: 'git.hooks-path-outside',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: 'This makes git run the hook scripts of a folder outside the project on every commit, checkout, merge and push. Keep hooks in the project (for example .githooks).',
  match(inv, ctx) {
    const dir = hooksPathSet(inv);
    if (dir === undefined) return undefined;
    const p = ctx.resolvePath(dir.startsWith('~/') && ctx.home !== '' ? ctx.home + dir.slice(1) : dir, inv.cwd);
    if (p.insideWorkspace || p.isWorkspaceRoot) return undefined;
    return { message: `\`${inv.text}\` makes git run the hook scripts in ${p.abs} on every commit, checkout, merge and push; they are outside the project. Keep hooks in the project (for example .githooks).` };
  },
  examples: {
    match: ['git config core.hooksPath /tmp/h', 'git config --global core.hooksPath ~/.git-hooks', 'git -c core.hooksPath=/tmp/h commit -m x', 'git config set core.hooksPath /opt/hooks'],
    notMatch: ['git config core.hooksPath .githooks', 'git config core.hooksPath .husky/_', 'git config --get core.hooksPath', 'git config --unset core.hooksPath', 'git commit -m "set core.hooksPath /tmp"'],
  },
};

const deleteRef: CommandRule = {
  id: 'git.delete-ref',
  programs: GIT,
  decision: 'confirm',
  risk: 'medium',
  message: '`git update-ref -d` deletes a branch or other ref directly, without the checks `git branch -d` makes. Use `git branch -d` for branches.',
  match(inv) {
    const rest = gitSub(inv, 'update-ref');
    return rest !== undefined && hasShort(rest, 'd');
  },
  examples: {
    match: ['git update-ref -d refs/heads/feature-x', 'git update-ref -d refs/remotes/origin/main'],
    notMatch: ['git update-ref refs/heads/feature-x HEAD', 'git show-ref'],
  },
};

export const gitPack: RulePack = {
  name: 'git',
  description: 'Force pushes and deletions of shared branches, and git commands that throw away uncommitted or unreachable work.',
  rules: [
    deleteTags,
    forcePushProtected,
    forcePushCurrentBranch,
    pushMirror,
    deleteProtectedRemoteBranch,
    pushDeleteBranch,
    pushPrune,
    resetHard,
    clean,
    discardChanges,
    branchForceDelete,
    branchOverwrite,
    hooksPathOutside,
    stashClear,
    stashDrop,
    rewriteHistory,
    expireReflog,
    pruneUnreachable,
    deleteRef,
  ],
};
