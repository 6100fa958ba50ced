/**
 * Red-team findings on path judging (session 5): an agent started at `/` made `/` the workspace root, so every
 * system file was "inside the workspace" (`rm /etc/passwd`, a Write of /etc/passwd passed); a file-editing tool could
 * write a disk or a kernel file; with the home directory as the workspace, shell start-up files and SSH access
 * were ordinary workspace files. Each is asked about now; the ordinary neighbours stay silent.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { EditOp } from '../../../src/core/policy/types';

const HOME = '/home/dev';
const guard = createGuard({ home: HOME });

function command(cmd: string, cwd: string): { decision: string; rules: string[] } {
  const v = guard.checkCommand(cmd, { cwd, root: cwd, env: { HOME } });
  return { decision: v.decision, rules: v.reasons.map((r) => r.rule) };
}

function edit(path: string, op: EditOp, root: string): { decision: string; rules: string[] } {
  const v = guard.checkEdit(path, op, { root });
  return { decision: v.decision, rules: v.reasons.map((r) => r.rule) };
}

describe('paths: `/` is no workspace', () => {
  const asked: Array<[string, string]> = [
    ['rm /etc/passwd', 'fs.delete-outside-workspace'],
    ['rm -rf /usr/local/lib', 'fs.delete-outside-workspace'],
    ['echo x > /etc/passwd', 'fs.write-outside-workspace'],
    ['cp evil /usr/local/bin/git', 'fs.write-outside-workspace'],
  ];
  for (const [cmd, rule] of asked) {
    it(`from /: ${cmd} → ${rule}`, () => {
      const got = command(cmd, '/');
      assert.notEqual(got.decision, 'allow');
      assert.ok(got.rules.includes(rule), got.rules.join(', '));
    });
  }
  for (const cmd of ['ls /etc', 'cat /etc/hosts', 'echo hi > /tmp/x', 'git --version']) {
    it(`from /: ${cmd} stays allowed`, () => assert.equal(command(cmd, '/').decision, 'allow'));
  }
  it('an edit tool writing /etc/passwd with the root at / is asked about', () => {
    const got = edit('/etc/passwd', 'write', '/');
    assert.equal(got.decision, 'confirm');
    assert.ok(got.rules.includes('fs.write-outside-workspace'));
  });
  it('the message says there is no workspace rather than calling / one', () => {
    const v = guard.checkEdit('/etc/passwd', 'write', { root: '/' });
    assert.match(v.reasons[0]?.message ?? '', /not a project folder/);
  });
});

describe('paths: edit tools and devices', () => {
  for (const p of ['/dev/sda', '/dev/nvme0n1', '/proc/sys/kernel/sysrq', '/sys/class/leds/x/brightness', '/proc/sysrq-trigger']) {
    it(`an edit tool writing ${p} is refused`, () => {
      const got = edit(p, 'write', '/work/ws');
      assert.equal(got.decision, 'deny');
      assert.ok(got.rules.includes('fs.write-outside-workspace'));
    });
  }
  for (const p of ['/dev/null', '/dev/shm/cache', '/proc/self/fd/1']) {
    it(`an edit tool writing ${p} is not refused`, () => assert.notEqual(edit(p, 'write', '/work/ws').decision, 'deny'));
  }
  it('the shell keeps its own judgement of /dev/null', () => assert.equal(command('echo hi > /dev/null', '/work/ws').decision, 'allow'));
});

describe('paths: login files when the home directory is the workspace', () => {
  for (const p of ['.bashrc', '.profile', '.zshrc', '.ssh/authorized_keys', '.ssh/config', '.config/fish/config.fish']) {
    it(`write ~/${p} with the workspace at ~ → confirm path.login-files`, () => {
      const got = edit(`${HOME}/${p}`, 'write', HOME);
      assert.equal(got.decision, 'confirm');
      assert.ok(got.rules.includes('path.login-files'), got.rules.join(', '));
    });
  }
  it('a shell append to ~/.bashrc from ~ is asked about', () => assert.ok(command("echo 'export A=1' >> ~/.bashrc", HOME).rules.includes('path.login-files')));
  it('a dotfiles repository\'s own .bashrc is ordinary work', () => assert.equal(edit(`${HOME}/dotfiles/.bashrc`, 'write', `${HOME}/dotfiles`).decision, 'allow'));
  it('other files in ~ stay ordinary when ~ is the workspace', () => assert.equal(edit(`${HOME}/notes/todo.md`, 'write', HOME).decision, 'allow'));
});
