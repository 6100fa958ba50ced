/**
 * Review of session 4: a push of the current branch after a command in the same line that may check out another
 * branch or change git's settings; git alias names in any case and after `--attr-source`; `nvm run`/`nvm exec`
 * options. Each dangerous spelling is next to an ordinary neighbour that must pass silently. Workspace /work/ws
 * (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision, Risk } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });

const REPO = new Map([
  ['/work/ws/.git/config', '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@example.com:team/app.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'],
  ['/home/dev/.gitconfig', '[user]\n\tname = Dev\n[push]\n\tdefault = simple\n'],
]);
const onFeature = new Map([...REPO, ['/work/ws/.git/HEAD', 'ref: refs/heads/feature/login\n']]);
const onMain = new Map([...REPO, ['/work/ws/.git/HEAD', 'ref: refs/heads/main\n']]);
const checkIn = (files: ReadonlyMap<string, string>, command: string) => guard.checkCommand(command, { cwd: ROOT, root: ROOT, readFile: (abs) => files.get(abs) });

describe('review: a push of the current branch after a command that may change it is asked as before', () => {
  const CURRENT = 'git.force-push-current-branch';
  const rows: readonly (readonly [string, Risk])[] = [
    ['git checkout main && git push -f', 'medium'],
    ['git switch main; git push --force origin', 'medium'],
    ['git config push.default matching && git push -f', 'medium'],
    ['git config set push.default matching && git push -f', 'medium'],
    ['git checkout main && git push --force-with-lease', 'low'],
    ['git rebase main topic && git push --force-with-lease', 'low'],
    ['git branch -m main && git push -f', 'medium'],
    ['git symbolic-ref HEAD refs/heads/main && git push -f', 'medium'],
    ['git stash branch main && git push -f', 'medium'],
    // an alias from the user's config, or one this line defines: what it runs is not known here
    ['git co main && git push -f', 'medium'],
    ['git config alias.co checkout && git co main && git push -f', 'medium'],
    ['gh pr checkout 12 && git push -f', 'medium'],
    // through a shell, a function, a wrapper
    ["bash -c 'git switch main' && git push -f", 'medium'],
    ['f() { git switch main; }; f; git push -f', 'medium'],
    ['sudo -u dev git checkout main && git push -f', 'medium'],
    // the files read are changed
    ['sed -i s/feature.login/main/ .git/HEAD && git push -f', 'medium'],
    ['cp -r ../other/.git . && git push --force', 'medium'],
    ["printf '[push]\\n\\tdefault = matching\\n' >> ~/.gitconfig && git push -f", 'medium'],
    ['HOME=/tmp/h git push -f', 'medium'],
  ];
  for (const [command, risk] of rows) {
    it(`${JSON.stringify(command)} → confirm ${risk}`, () => {
      const v = checkIn(onFeature, command);
      const hit = v.reasons.find((r) => r.rule === CURRENT);
      assert.equal(v.decision === 'allow' ? 'allow' : 'asked', 'asked', JSON.stringify(v.reasons));
      assert.equal(hit?.risk, risk, JSON.stringify(v.reasons));
    });
  }
});

describe('review: the branch read from the repository is still trusted after commands that cannot change it', () => {
  const rows: readonly (readonly [string, ReadonlyMap<string, string>, Decision, string | undefined])[] = [
    ['git push -f', onFeature, 'allow', undefined],
    ['git add -A && git commit --amend --no-edit && git push -f', onFeature, 'allow', undefined],
    ['git reset --soft HEAD~2 && git commit -m squash && git push -f', onFeature, 'allow', undefined],
    ['git fetch origin && git rebase origin/main && git push --force-with-lease', onFeature, 'allow', undefined],
    ['git rebase -i --onto origin/main HEAD~3 && git push --force-with-lease origin', onFeature, 'allow', undefined],
    ['git checkout -- README.md && git push -f', onFeature, 'allow', undefined],
    ['git config --get remote.origin.url && git push -f', onFeature, 'allow', undefined],
    ['git config user.email && git push -f', onFeature, 'allow', undefined],
    ['git stash && git pull --rebase && git stash pop && git push -f', onFeature, 'allow', undefined],
    ['git branch -vv && git log --oneline -3 && git push -f', onFeature, 'allow', undefined],
    ['cat .git/HEAD && git push -f', onFeature, 'allow', undefined],
    // after the push: it does not change what the push finds
    ['git push -f && git checkout main', onFeature, 'allow', undefined],
    // on main the push is still a push of main
    ['git status && git push -f', onMain, 'deny', 'git.force-push-protected-branch'],
    // `cd` is followed: the other repository's branch is read
    ['cd sub && git push -f', new Map([...onFeature, ['/work/ws/sub/.git/HEAD', 'ref: refs/heads/main\n'], ['/work/ws/sub/.git/config', '[core]\n\tbare = false\n']]), 'deny', 'git.force-push-protected-branch'],
  ];
  for (const [command, files, decision, rule] of rows) {
    it(`${JSON.stringify(command)} (${files.get('/work/ws/.git/HEAD')?.trim() ?? ''}) → ${decision}`, () => {
      const v = checkIn(files, command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

const check = (command: string) => guard.checkCommand(command, { cwd: ROOT, root: ROOT });

const DANGEROUS: readonly (readonly [command: string, decision: Exclude<Decision, 'allow'>, strictestRule: string])[] = [
  // git ignores case in alias names
  ['git config alias.X reset && git x --hard', 'confirm', 'git.reset-hard'],
  ['git config alias.x reset && git X --hard', 'confirm', 'git.reset-hard'],
  ['git config --global Alias.Nuke reset && git nuke --hard', 'confirm', 'git.reset-hard'],
  ["git -c alias.X='!rm -rf ~' x", 'deny', 'fs.delete-home'],
  // `--attr-source` takes a value before the sub-command
  ['git config alias.x reset && git --attr-source HEAD x --hard', 'confirm', 'git.reset-hard'],
  ["git --attr-source HEAD -c alias.x='!rm -rf ~' x", 'deny', 'fs.delete-home'],
  ['git --attr-source HEAD checkout -- .env', 'confirm', 'path.secrets'],
  // nvm takes only --silent, --lts[=name] and a version; the rest is node's (run) or the command (exec)
  ['nvm run -e "require(\'fs\').rmSync(\'/\', {recursive: true})"', 'deny', 'interpreter.code-deletes-files'],
  ['nvm run --silent 20 --eval "require(\'fs\').rmSync(\'/\', {recursive: true})"', 'deny', 'interpreter.code-deletes-files'],
  ['nvm run --lts=iron -e "require(\'fs\').rmSync(\'/\', {recursive: true})"', 'deny', 'interpreter.code-deletes-files'],
  ['nvm run myproject -e "require(\'fs\').rmSync(\'/\', {recursive: true})"', 'deny', 'interpreter.code-deletes-files'],
  ['nvm exec --lts rm -rf ~', 'deny', 'fs.delete-home'],
  ['nvm exec myproject rm -rf ~', 'deny', 'fs.delete-home'],
  ['nvm exec -- rm -rf ~', 'deny', 'fs.delete-home'],
];

const ORDINARY: readonly string[] = [
  'git config alias.X status && git x',
  'git config alias.X reset && git x --soft HEAD~1',
  'git config alias.st status && git --exec-path=/usr/lib/git-core st',
  'git --attr-source HEAD checkout -- README.md',
  'git --attr-source HEAD log -3',
  'nvm run 20 app.js',
  "nvm run -e 'console.log(process.version)'",
  'nvm run --lts app.js --port 3000',
  'nvm run --version',
  'nvm exec 20 node --version',
  'nvm exec --silent --lts=hydrogen node -v',
  'nvm exec myproject node -v',
];

describe('review: dangerous spellings are caught', () => {
  for (const [command, decision, rule] of DANGEROUS) {
    it(`${JSON.stringify(command)} → ${decision} (${rule})`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('review: ordinary neighbours stay silent', () => {
  for (const command of ORDINARY) {
    it(JSON.stringify(command), () => {
      const v = check(command);
      assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
      assert.equal(v.decision, 'allow');
    });
  }
});
