/**
 * Misses closed in session 4: named coprocesses, `docker compose run -v` bind mounts, interpreter one-liners in a
 * new container, file attributes / mounts / kernel settings of the system, scp and remote rsync --delete, and git
 * aliases defined earlier in the same line. Each dangerous spelling is next to its dangerous neighbour and an
 * ordinary look-alike that must pass silently. Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const DANGEROUS: readonly (readonly [command: string, decision: Exclude<Decision, 'allow'>, strictestRule: string])[] = [
  // coproc with a name needs a compound command; its body is judged
  ['coproc NAME { rm -rf ~; }', 'deny', 'fs.delete-home'],
  ['coproc { rm -rf ~; }', 'deny', 'fs.delete-home'],
  ['coproc W while true; do rm -rf /; done', 'deny', 'fs.delete-system'],
  // docker compose run: its own -v mounts are the host's (as for docker run); the rest is judged as written (as for exec)
  ['docker compose run -v ~:/h img rm -rf /h', 'deny', 'fs.delete-home'],
  ['docker-compose run --rm -v "$PWD":/w app rm -rf /w', 'deny', 'fs.delete-workspace-root'],
  ['docker compose run -v ~:/h app sh -c "rm -rf /h/*"', 'deny', 'fs.delete-home'],
  ['docker compose run -v ~:/h app rm -rf /', 'deny', 'fs.delete-system'],
  ['docker compose run -v ~:/h app shutdown -h now', 'confirm', 'system.shutdown'],
  ['docker compose run app rm -rf ~', 'deny', 'fs.delete-home'],
  // interpreter code in a new container is judged through its bind mounts, like shell commands there
  ['docker run -v $PWD:/w img python -c "import shutil; shutil.rmtree(\'/w\')"', 'deny', 'interpreter.code-deletes-files'],
  ['docker run -v ~:/h img node -e "require(\'fs\').rmSync(\'/h\', {recursive: true})"', 'deny', 'interpreter.code-deletes-files'],
  ['docker run -v $PWD:/w img python -c "import os; os.system(\'rm -rf /w\')"', 'deny', 'interpreter.code-runs-shell-command'],
  ['docker run -v $PWD:/w -w /w img python -c "import shutil; shutil.rmtree(\'.\')"', 'deny', 'interpreter.code-deletes-files'],
  ['docker compose run -v ~:/h app python -c "import shutil; shutil.rmtree(\'/h\')"', 'deny', 'interpreter.code-deletes-files'],
  ['docker exec app python -c "import shutil; shutil.rmtree(\'/\')"', 'deny', 'interpreter.code-deletes-files'],
  // file attributes: protected paths as a change to the file, system paths by the system pack
  ['chattr +i /etc/passwd', 'confirm', 'system.file-attributes'],
  ['sudo chattr -i /etc/resolv.conf', 'confirm', 'system.file-attributes'],
  ['chattr -R +i /usr', 'deny', 'system.file-attributes'],
  ['chattr -i ~/.ssh/authorized_keys', 'confirm', 'system.file-attributes'],
  ['chattr +i .env', 'confirm', 'path.secrets'],
  ['chattr -i .github/workflows/ci.yml', 'confirm', 'path.ci-workflows'],
  // mounts over, remounts and unmounts of system paths
  ['sudo mount --bind /tmp/x /etc', 'confirm', 'system.mount-change'],
  ['mount -o remount,rw /', 'confirm', 'system.mount-change'],
  ['umount -l /', 'deny', 'system.mount-change'],
  ['umount /boot', 'confirm', 'system.mount-change'],
  // kernel settings
  ['sysctl -w kernel.randomize_va_space=0', 'confirm', 'system.kernel-setting'],
  ['echo 0 > /proc/sys/kernel/randomize_va_space', 'confirm', 'system.kernel-setting'],
  ['echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward', 'confirm', 'system.kernel-setting'],
  ['cd /proc/sys/kernel && echo 0 > yama/ptrace_scope', 'confirm', 'system.kernel-setting'],
  // scp onto local protected paths is a write like cp's; onto a remote machine's system files or SSH settings too
  ['scp host:x .env', 'confirm', 'path.secrets'],
  ['scp host:x ~/.ssh/authorized_keys', 'confirm', 'fs.write-outside-workspace'],
  ['scp -r host:hooks .git/hooks', 'confirm', 'path.git-internals'],
  ['scp id_rsa.pub host:~/.ssh/authorized_keys', 'confirm', 'fs.remote-overwrite'],
  ['scp hosts root@web1:/etc/hosts', 'confirm', 'fs.remote-overwrite'],
  // rsync --delete onto another machine
  ['rsync -a --delete src/ host:/srv/app', 'confirm', 'fs.remote-sync-delete'],
  ['rsync -a --delete empty/ host:', 'deny', 'fs.remote-sync-delete'],
  ['rsync -a --delete etc/ root@host:/etc', 'deny', 'fs.remote-sync-delete'],
  ['rsync -a --delete empty/ ~/', 'deny', 'fs.delete-home'],
  // a git alias defined earlier in the line is expanded at its call, with the call's arguments
  ['git config alias.x reset && git x --hard', 'confirm', 'git.reset-hard'],
  ['git config --global alias.p push; git p --force origin main', 'deny', 'git.force-push-protected-branch'],
  ['git config set alias.p push && git p -f origin main', 'deny', 'git.force-push-protected-branch'],
  ["git config alias.x '!rm -rf' && git x ~", 'deny', 'fs.delete-home'],
  ['git config alias.x "$V" && git x --hard', 'confirm', 'shell.dynamic-script'],
  ["git config alias.x '!rm -rf ~' && git x", 'deny', 'fs.delete-home'],
  ["git -c alias.x='!rm -rf ~' x", 'deny', 'fs.delete-home'],
];

const ORDINARY: readonly string[] = [
  'coproc NAME { npm run watch; }',
  'coproc cat; echo hi >&"${COPROC[1]}"',
  'docker compose run --rm -v "$PWD":/w app rm -rf /w/build',
  'docker compose run -v ./data:/data app rm -rf /data/cache',
  'docker compose run -v ~:/h:ro app ls /h',
  'docker compose run --rm app npm test',
  'docker run img python -c "import shutil; shutil.rmtree(\'/\')"',
  'docker run img python -c "import os; os.system(\'rm -rf /tmp/cache\')"',
  'docker run -v $PWD:/w img python -c "import shutil; shutil.rmtree(\'/w/build\')"',
  'docker run -v ~:/h:ro img python -c "import shutil; shutil.rmtree(\'/h\')"',
  'docker run --rm -v "$PWD":/app -w /app python:3.12 python -c "print(1)"',
  'lsattr /etc/passwd',
  'chattr +i build/release.lock',
  'chattr +C ~/vm-images',
  'mount',
  'mount | grep sda',
  'sudo mount /dev/sdb1 /mnt/usb',
  'umount /mnt/usb',
  'findmnt /',
  'sysctl -a',
  'sysctl net.ipv4.ip_forward',
  'cat /proc/sys/kernel/randomize_va_space',
  'scp host:logs/app.log ./logs/',
  'scp -r host:src/ .',
  'scp dist/app.tar.gz user@staging:/tmp/',
  'scp dist/app.tar.gz host:/srv/app/',
  'scp -P 2222 -i ~/.ssh/deploy build.zip deploy@web1:/var/www/releases/',
  'rsync -a src/ host:/srv/app',
  'rsync -avn --delete src/ host:/srv/app',
  'rsync -a --delete src/ host:/tmp/preview',
  'rsync -avz --exclude node_modules ./ user@dev-box:~/app/',
  'rsync -a --delete host:/srv/app/ ./backup/',
  'git config alias.x reset && git config --unset alias.x && git x --hard',
  'git config alias.x reset && git x --soft HEAD~1',
  "git config alias.lg 'log --oneline --graph' && git lg -5",
  'git config alias.st status && git st',
  'git config alias.p push && git p origin feature-x',
];

describe('session 4 misses: dangerous spellings are caught', () => {
  for (const [command, decision, rule] of DANGEROUS) {
    it(`${JSON.stringify(command)} → ${decision} (${rule})`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('session 4 misses: ordinary look-alikes stay silent', () => {
  for (const command of ORDINARY) {
    it(JSON.stringify(command), () => {
      const v = check(command);
      assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
      assert.equal(v.decision, 'allow');
    });
  }
});

describe('session 4 misses: a script run in a new container is read through its bind mounts', () => {
  const files = new Map([
    ['/work/ws/scripts/wipe.py', 'import shutil\nshutil.rmtree("/w")\n'],
    ['/work/ws/scripts/ok.py', 'print(1)\n'],
  ]);
  const withFiles = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, readFile: (abs) => files.get(abs) });
  const rows: readonly (readonly [string, Decision, string | undefined])[] = [
    ['docker run -v "$PWD":/w -w /w img python scripts/wipe.py', 'deny', 'interpreter.code-deletes-files'],
    ['docker run -v "$PWD":/w img python /w/scripts/wipe.py', 'deny', 'interpreter.code-deletes-files'],
    ['docker run -i -v "$PWD":/w img python - < scripts/wipe.py', 'deny', 'interpreter.code-deletes-files'],
    // the image's own file of that name, and a script that deletes nothing
    ['docker run img python /work/ws/scripts/wipe.py', 'allow', undefined],
    ['docker run -v "$PWD":/w -w /w img python scripts/ok.py', 'allow', undefined],
  ];
  for (const [command, decision, rule] of rows) {
    it(`${JSON.stringify(command)} → ${decision}${rule !== undefined ? ` (${rule})` : ''}`, () => {
      const v = withFiles(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('session 4 misses: a push of the current branch is judged by the branch checked out', () => {
  const onMain = new Map([
    ['/work/ws/.git/HEAD', 'ref: refs/heads/main\n'],
    ['/work/ws/.git/config', '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@example.com:team/app.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'],
    ['/home/dev/.gitconfig', '[user]\n\tname = Dev\n[push]\n\tdefault = simple\n'],
  ]);
  const onFeature = new Map([...onMain, ['/work/ws/.git/HEAD', 'ref: refs/heads/feature/login\n']]);
  const with_ = (files: ReadonlyMap<string, string>, extra: Record<string, string> = {}) => (abs: string) => extra[abs] ?? files.get(abs);
  const rows: readonly (readonly [string, ReadonlyMap<string, string>, Record<string, string>, Decision, string | undefined])[] = [
    // on main: like naming main
    ['git push --force', onMain, {}, 'deny', 'git.force-push-protected-branch'],
    ['git push -f origin HEAD', onMain, {}, 'deny', 'git.force-push-protected-branch'],
    ['git push --force-with-lease', onMain, {}, 'confirm', 'git.force-push-protected-branch'],
    // on a feature branch: like naming it (`git push --force origin feature-x` is ordinary)
    ['git push --force', onFeature, {}, 'allow', undefined],
    ['git push --force-with-lease', onFeature, {}, 'allow', undefined],
    ['git push --force-with-lease origin', onFeature, {}, 'allow', undefined],
    // a worktree: `.git` is a file naming its git directory, whose commondir holds the config
    ['git push --force-with-lease', new Map([
      ['/work/ws/.git', 'gitdir: /work/main/.git/worktrees/ws\n'],
      ['/work/main/.git/worktrees/ws/HEAD', 'ref: refs/heads/fix/typo\n'],
      ['/work/main/.git/worktrees/ws/commondir', '../..\n'],
      ['/work/main/.git/config', '[core]\n\tbare = false\n'],
    ]), {}, 'allow', undefined],
    // whatever could send it to another branch leaves the branch unknown: asked as before
    ['git push --force', onFeature, { '/work/ws/.git/config': '[push]\n\tdefault = upstream\n' }, 'confirm', 'git.force-push-current-branch'],
    ['git push --force', onFeature, { '/home/dev/.gitconfig': '[push]\n\tdefault = matching\n' }, 'confirm', 'git.force-push-current-branch'],
    ['git push --force', onFeature, { '/work/ws/.git/config': '[remote "origin"]\n\tpush = refs/heads/*:refs/heads/main\n' }, 'confirm', 'git.force-push-current-branch'],
    ['git push --force', onFeature, { '/home/dev/.gitconfig': '[include]\n\tpath = ~/.gitconfig.local\n' }, 'confirm', 'git.force-push-current-branch'],
    ['git -c push.default=upstream push --force', onFeature, {}, 'confirm', 'git.force-push-current-branch'],
    ['git push --force', onFeature, { '/work/ws/.git/HEAD': '3f2a9c1d0e\n' }, 'confirm', 'git.force-push-current-branch'],
    ['git push --force origin "$BRANCH"', onFeature, {}, 'confirm', 'git.force-push-current-branch'],
    ['git push --force-with-lease', new Map(), {}, 'confirm', 'git.force-push-current-branch'],
  ];
  for (const [command, files, extra, decision, rule] of rows) {
    it(`${JSON.stringify(command)} (${files.get('/work/ws/.git/HEAD')?.trim() ?? 'no .git/HEAD'}${Object.keys(extra).length > 0 ? ', ' + JSON.stringify(extra) : ''}) → ${decision}`, () => {
      const v = guard.checkCommand(command, { cwd: ROOT, root: ROOT, readFile: with_(files, extra) });
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});
