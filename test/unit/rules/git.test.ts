import { guardWith, itFlagsOnce, itStaysSilent, type PackCase } from './packGuard';
import { gitPack } from '../../../src/core/rules/packs/git';

const guard = guardWith([gitPack]);
const OPTS = { cwd: '/work/ws', root: '/work/ws' };


const flagged: readonly PackCase[] = [
  // every tag at once: a list only known when it runs
  { command: 'git tag -d $(git tag)', rule: 'git.delete-tags', decision: 'confirm', risk: 'medium' },
  { command: 'git tag -l | xargs git tag -d', rule: 'git.delete-tags', decision: 'confirm', risk: 'medium' },
  { command: 'git tag --list "v0.*" | xargs -n1 git tag --delete', rule: 'git.delete-tags', decision: 'confirm', risk: 'medium' },
  { command: 'git push origin --delete $(git tag)', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'high' },
  { command: 'git tag -l | xargs git push origin --delete', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'high' },
  { command: 'git tag | xargs -n 1 git push --delete origin', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'high' },
  { command: 'git push origin :$(git tag -l)', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'high' },
  { command: 'git push --delete origin v1.0.0 v1.0.1', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'low' },
  // force push over a shared branch: plain force is denied, a lease is asked about
  { command: 'git push --force origin main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical', mentions: 'main' },
  { command: 'git push origin master -f', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push origin +main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push origin +HEAD:main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push origin feature-x +HEAD:refs/heads/trunk', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical', mentions: 'trunk' },
  { command: 'git push --force origin release-2024.06', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push -f origin develop', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git -C ../app -c core.sshCommand=ssh push --force upstream main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git --git-dir=.git --work-tree=. push -f origin main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push --force-with-lease origin main', rule: 'git.force-push-protected-branch', decision: 'confirm', risk: 'high' },
  { command: 'git push --force-with-lease=main:abc123 origin main', rule: 'git.force-push-protected-branch', decision: 'confirm', risk: 'high' },
  { command: 'git push --force-with-lease origin +main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push --force --all', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  { command: 'sudo git push -f origin main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  // force push of a branch whose name is not on the command line
  { command: 'git push --force', rule: 'git.force-push-current-branch', decision: 'confirm', risk: 'medium' },
  { command: 'git push -f origin HEAD', rule: 'git.force-push-current-branch', decision: 'confirm', risk: 'medium' },
  { command: 'git push --force-with-lease', rule: 'git.force-push-current-branch', decision: 'confirm', risk: 'low' },
  // deleting branches on the remote
  { command: 'git push origin --delete main', rule: 'git.delete-protected-remote-branch', decision: 'deny', risk: 'critical', mentions: 'main' },
  { command: 'git push origin :release/3.0', rule: 'git.delete-protected-remote-branch', decision: 'deny', risk: 'critical' },
  { command: 'git push origin --delete feature-x', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'low' },
  { command: 'git push origin :feature-x', rule: 'git.push-delete-branch', decision: 'confirm', risk: 'low' },
  { command: 'git push --mirror backup', rule: 'git.push-mirror', decision: 'confirm', risk: 'critical' },
  { command: 'git push --prune origin', rule: 'git.push-prune', decision: 'confirm', risk: 'high' },
  // local work
  { command: 'git reset --hard', rule: 'git.reset-hard', decision: 'confirm', risk: 'medium' },
  { command: 'git reset --hard origin/main', rule: 'git.reset-hard', decision: 'confirm', risk: 'medium' },
  { command: 'git clean -f', rule: 'git.clean-untracked', decision: 'confirm', risk: 'medium' },
  { command: 'git clean -fd', rule: 'git.clean-untracked', decision: 'confirm', risk: 'medium' },
  { command: 'git clean -fdx', rule: 'git.clean-untracked', decision: 'confirm', risk: 'high' },
  { command: 'git clean -xfd', rule: 'git.clean-untracked', decision: 'confirm', risk: 'high' },
  { command: 'git clean -d -x -f', rule: 'git.clean-untracked', decision: 'confirm', risk: 'high' },
  { command: 'git clean -f -e .env', rule: 'git.clean-untracked', decision: 'confirm', risk: 'medium' },
  { command: 'git checkout .', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git checkout -- .', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git restore .', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git restore -SW :/', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git checkout --force feature-x', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git switch -f main', rule: 'git.discard-working-changes', decision: 'confirm', risk: 'medium' },
  { command: 'git branch -D spike', rule: 'git.branch-force-delete', decision: 'confirm', risk: 'medium' },
  { command: 'git stash clear', rule: 'git.stash-clear', decision: 'confirm', risk: 'medium' },
  { command: 'git stash drop stash@{1}', rule: 'git.stash-drop', decision: 'confirm', risk: 'low' },
  // history
  { command: 'git filter-branch --index-filter "git rm --cached secrets.txt" HEAD', rule: 'git.rewrite-history', decision: 'confirm', risk: 'high' },
  { command: 'git filter-repo --invert-paths --path .env', rule: 'git.rewrite-history', decision: 'confirm', risk: 'high' },
  { command: 'git reflog expire --expire=now --all', rule: 'git.expire-reflog', decision: 'confirm', risk: 'medium' },
  { command: 'git gc --prune=now --aggressive', rule: 'git.prune-unreachable-objects', decision: 'confirm', risk: 'medium' },
  { command: 'git update-ref -d refs/heads/feature-x', rule: 'git.delete-ref', decision: 'confirm', risk: 'medium' },
];

/** Ordinary work: no reason at all, from any pack. */
const silent: readonly string[] = [
  'git status',
  'git status --short',
  'git diff',
  'git diff --cached -- src/',
  'git log --oneline -20',
  'git add -A',
  'git add .',
  'git commit -m "rm -rf everything"',
  'git commit -m "git push --force origin main"',
  'git commit --amend --no-edit',
  'git push',
  'git push origin feature-x',
  'git push -u origin feature/login',
  'git push --force origin feature-x',
  'git push --force-with-lease origin fix/typo',
  'git push origin main',
  'git push --tags',
  'git push --dry-run --force origin main',
  'git pull',
  'git pull --rebase origin main',
  'git fetch --all --prune',
  'git checkout -b feature-x',
  'git checkout main',
  'git checkout -- src/app.ts',
  'git switch feature-x',
  'git switch -c feature-y',
  'git stash',
  'git stash pop',
  'git stash list',
  'git branch -d merged-branch',
  'git reset HEAD~1',
  'git reset --soft HEAD~1',
  'git restore --staged .',
  'git restore -p .',
  'git checkout --patch -- .',
  'git clean -n',
  'git clean -ndx',
  'git gc',
  'git rebase main',
  'git merge --no-ff feature-x',
  'git tag v1.2.3',
  'git tag -d v1.2.3-rc1',
  'git tag -l "v1.*"',
  'git ls-files -z | xargs -0 wc -l',
  'git -C ../lib status',
  'git remote prune origin',
  'git filter-repo --analyze',
];

describe('git pack', () => {
  describe('flags destructive git with the expected decision and risk', () => {
    itFlagsOnce(guard, 'git.', flagged, OPTS);
  });

  describe('stays silent on ordinary work', () => {
    itStaysSilent(guard, silent, OPTS);
  });

});
