/**
 * Holes a reviewer found in the decision core (session 4): globs in kernel-setting / sysrq / sudoers targets,
 * chattr's unknown mode, GNU parallel's option table and computed replacement strings, `hash -p`, ssh's
 * ProxyCommand / LocalCommand, and relative paths in a new container. Each dangerous spelling is next to an
 * ordinary look-alike that must pass silently. Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const DANGEROUS: readonly (readonly [command: string, decision: Exclude<Decision, 'allow'>, strictestRule: string])[] = [
  // 1. bash expands globs in redirect targets and arguments: a glob that could name the place is that place
  ['echo 0 > /proc/s?s/kernel/randomize_va_space', 'confirm', 'system.kernel-setting'],
  ['echo 0 | tee /proc/sy[s]/kernel/randomize_va_space', 'confirm', 'system.kernel-setting'],
  ['echo 0 > /proc/*/kernel/yama/ptrace_scope', 'confirm', 'system.kernel-setting'],
  ['sysctl -f /etc/sysctl.d/99-x.conf', 'confirm', 'system.kernel-setting'],
  ['echo b > /proc/sysrq-trigge?', 'deny', 'system.sysrq-trigger'],
  ['echo c | tee /proc/sysrq*', 'deny', 'system.sysrq-trigger'],
  ['echo "a ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoer?', 'confirm', 'system.sudoers-change'],
  ['echo "a ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/[a]gent', 'confirm', 'system.sudoers-change'],
  ['chattr "+$A" /etc/passwd', 'confirm', 'system.file-attributes'],
  ['chattr "$MODE" /etc/shadow', 'confirm', 'system.file-attributes'],
  // 2. parallel: every value-taking option, abbreviations, computed replacement strings
  ['parallel --halt-on-error 1 rm -rf ::: ~', 'deny', 'fs.delete-home'],
  ['parallel --sshdelay 1 rm -rf ::: ~', 'deny', 'fs.delete-home'],
  ['parallel --memsuspend 1G rm -rf ::: ~', 'deny', 'fs.delete-home'],
  ['parallel --halt-on 1 rm -rf ::: ~', 'deny', 'fs.delete-home'],
  ['parallel -B x rm -rf ::: ~', 'deny', 'fs.delete-home'],
  ['parallel rm -rf {=s:a:/:=} ::: a', 'confirm', 'fs.delete-unknown-path'],
  ["parallel 'rm -rf {= s:a:/: =}' ::: a", 'confirm', 'fs.delete-unknown-path'],
  ['parallel --plus rm -rf {%a} ::: a', 'confirm', 'fs.delete-unknown-path'],
  ["parallel '{=$_=\"rm\"=}' -rf ::: ~", 'confirm', 'shell.dynamic-program'],
  ["parallel --rpl '{x} s:.*:/:' rm -rf {x} ::: a", 'confirm', 'shell.dynamic-script'],
  ['parallel --no-such-option 1 rm -rf ::: a', 'confirm', 'shell.dynamic-script'],
  // 3. bash's hash table: a name bound with `hash -p PATH NAME` runs PATH
  ['hash -p /bin/rm ls; ls -rf ~', 'deny', 'fs.delete-home'],
  ['hash -p/bin/rm ls; ls -rf ~', 'deny', 'fs.delete-home'],
  ['hash -p /bin/rm ls cat; cat -rf ~', 'deny', 'fs.delete-home'],
  ['hash -p "$TOOL" ls; ls -la', 'confirm', 'shell.dynamic-program'],
  ['hash -p /usr/bin/python3 py; py -c "import shutil; shutil.rmtree(\'/\')"', 'deny', 'interpreter.code-deletes-files'],
  // 4. ssh settings that run a command on this machine
  ['scp -o ProxyCommand="rm -rf ~" a.txt host:', 'deny', 'fs.delete-home'],
  ['ssh -o ProxyCommand="rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['ssh -oProxyCommand="rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['ssh -o "ProxyCommand rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['ssh -vo ProxyCommand="rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['ssh -o PermitLocalCommand=yes -o LocalCommand="rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['sftp -o ProxyCommand="rm -rf ~" host', 'deny', 'fs.delete-home'],
  ['scp a.txt host: -o ProxyCommand="rm -rf ~"', 'deny', 'fs.delete-home'],
  ['rsync -a -e "ssh -o ProxyCommand=\\"rm -rf ~\\"" src/ host:/srv', 'deny', 'fs.delete-home'],
  ['rsync -avze "ssh -o ProxyCommand=\\"rm -rf ~\\"" src/ host:/srv', 'deny', 'fs.delete-home'],
  ['rsync -a --rsh="rm -rf ~" src/ host:/srv', 'deny', 'fs.delete-home'],
  ['GIT_SSH_COMMAND="ssh -o ProxyCommand=\\"rm -rf ~\\"" git fetch', 'deny', 'fs.delete-home'],
  ['git -c core.sshCommand="ssh -o ProxyCommand=\\"rm -rf ~\\"" fetch', 'deny', 'fs.delete-home'],
  ['ssh -o ProxyCommand="$PROXY" host', 'confirm', 'shell.dynamic-script'],
  // 5. a new container without -w starts in its image's WORKDIR, `/` for most images: relative paths from there
  ['docker run -v "$PWD":/w img rm -rf w', 'deny', 'fs.delete-workspace-root'],
  ['docker run -v "$PWD":/w img python -c "import shutil; shutil.rmtree(\'w\')"', 'deny', 'interpreter.code-deletes-files'],
  ['docker run -v "$PWD":/w img sh -c "cd w && rm -rf *"', 'deny', 'fs.delete-workspace-root'],
  ['docker run -v ~:/h img rm -rf ./h', 'deny', 'fs.delete-home'],
  ['docker run -v "$PWD":/w -w /w img rm -rf .', 'deny', 'fs.delete-workspace-root'],
];

const ORDINARY: readonly string[] = [
  'cat /proc/s?s/kernel/randomize_va_space',
  'echo 1 > /proc/s?s.txt',
  'echo 1 > logs/sy[s]/flag',
  'sysctl -a',
  'cat /proc/sysrq*',
  'echo x > /tmp/sudoer?',
  'chattr "+$A" build/release.lock',
  'parallel --halt-on-error 1 gzip ::: a.log b.log',
  'parallel --halt now,fail=1 rm -rf build/{} ::: a b',
  'parallel --sshdelay 0.1 -S host1,host2 echo ::: a',
  'parallel --memsuspend 2G make -C {} ::: pkg1 pkg2',
  "parallel echo {= s/a/b/ =} ::: a",
  'parallel --plus echo {..} ::: a.tar.gz',
  'parallel --plus "echo ${HOME} {}" ::: a',
  'parallel -j4 gzip {} ::: a b',
  'hash -r; ls -la',
  'hash -p /bin/rm ls; hash -r; ls -rf ~',
  'hash -p /bin/rm ls; hash -d ls; ls -la ~',
  'hash -p /bin/rm echo; echo -rf ~', // a builtin is found before the hash table
  'hash -p /bin/rm ls; sudo ls -la ~', // sudo looks the name up itself
  'hash -p /usr/local/bin/node node; node --version',
  'ssh -o ProxyCommand="ssh -W %h:%p bastion" host',
  'ssh -o ProxyCommand=none host',
  'ssh -o StrictHostKeyChecking=no -o ProxyJump=bastion host uptime',
  'scp -o ProxyJump=bastion dist/app.tar.gz host:/tmp/',
  'sftp -o ProxyCommand="nc -X 5 -x proxy:1080 %h %p" host',
  'rsync -a -e "ssh -p 2222 -i ~/.ssh/deploy" src/ host:/srv/app',
  'rsync -avz src/ host:/srv/app',
  'GIT_SSH_COMMAND="ssh -i ~/.ssh/deploy -o IdentitiesOnly=yes" git fetch',
  'ssh -F /dev/null host uptime',
  'docker run -v "$PWD":/w img rm -rf w/build',
  'docker run -v "$PWD":/w img rm -rf tmp',
  'docker run img rm -rf w',
  'docker run -v "$PWD":/w -w /w img rm -rf build',
  'docker run -v "$PWD":/w img python -c "import shutil; shutil.rmtree(\'w/dist\')"',
  'docker run --rm -v "$PWD":/src -w /src node:20 npm ci',
];

describe('review holes: dangerous spellings are caught', () => {
  for (const [command, decision, rule] of DANGEROUS) {
    it(`${JSON.stringify(command)} → ${decision} (${rule})`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('review holes: ordinary look-alikes stay silent', () => {
  for (const command of ORDINARY) {
    it(JSON.stringify(command), () => {
      const v = check(command);
      assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
      assert.equal(v.decision, 'allow');
    });
  }
});

describe('review holes: with a policy that failed to load, hash -p is not read-only', () => {
  const broken = createGuard({ home: '/home/dev', policy: { ...guard.policy, loadError: 'test: the policy failed to load' } });
  const rows: readonly (readonly [string, Decision])[] = [
    ['hash', 'allow'],
    ['hash -r', 'allow'],
    ['hash -p /bin/rm ls', 'confirm'],
  ];
  for (const [command, decision] of rows) {
    it(`${command} → ${decision}`, () => assert.equal(broken.checkCommand(command, { cwd: ROOT, root: ROOT }).decision, decision));
  }
});

describe('review holes: an ssh config file named with -F is read for the commands it runs here', () => {
  const files = new Map([
    ['/work/ws/evil.cfg', 'Host x\n  HostName 10.0.0.1\n  ProxyCommand rm -rf ~\n'],
    ['/work/ws/ok.cfg', 'Host x\n  User me\n  ProxyJump bastion\n  # ProxyCommand rm -rf ~\n'],
  ]);
  const withFiles = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, readFile: (abs) => files.get(abs) ?? null });
  const rows: readonly (readonly [string, Decision, string | undefined])[] = [
    ['ssh -F evil.cfg x', 'deny', 'fs.delete-home'],
    ['scp -F evil.cfg a.txt x:', 'deny', 'fs.delete-home'],
    ['ssh -F missing.cfg x', 'confirm', 'shell.unreadable-script'],
    ['ssh -F ok.cfg x uptime', 'allow', undefined],
  ];
  for (const [command, decision, rule] of rows) {
    it(`${command} → ${decision}`, () => {
      const v = withFiles(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});
