/**
 * `docker run IMAGE cmd…`: the command runs in a new container, so it is judged through its bind mounts — what
 * it does to a mounted host directory is done to this machine, what it does to its own files is not.
 */
import { strict as assert } from 'node:assert';
import { hostPath } from '../../../src/core/paths/containerMounts';
import { containersPack } from '../../../src/core/rules/packs/containers';
import { filesystemPack } from '../../../src/core/rules/packs/filesystem';
import { gitPack } from '../../../src/core/rules/packs/git';
import { iacPack } from '../../../src/core/rules/packs/iac';
import { systemPack } from '../../../src/core/rules/packs/system';
import { guardWith, itFlagsOnce, itStaysSilent } from './packGuard';

const guard = guardWith([containersPack, filesystemPack, gitPack, iacPack, systemPack], '/home/dev');

describe('docker run: deleting through a bind mount', () => {
  itFlagsOnce(guard, 'fs.', [
    { command: 'docker run -v "$HOME":/h img rm -rf /h', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v ~/:/h img rm -rf /h', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run --rm -v ~:/h alpine sh -c "rm -rf /h/*"', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v ~:/h -w /h alpine rm -rf .', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v ~:/h -w /h alpine sh -c "cd .. && rm -rf h"', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run --entrypoint rm -v ~:/h alpine -rf /h', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'podman run --volume=/home/dev:/data alpine rm -rf /data', rule: 'fs.delete-home', decision: 'deny', risk: 'critical' },
    { command: 'docker run --volume /:/host img rm -rf /host', rule: 'fs.delete-system', decision: 'deny', risk: 'critical' },
    { command: 'docker run --mount type=bind,source=/,target=/x img rm -rf /x/usr', rule: 'fs.delete-system', decision: 'deny', risk: 'critical' },
    { command: 'docker container run -v /etc:/e alpine rm -rf /e', rule: 'fs.delete-system', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v "$PWD":/w alpine rm -rf /w', rule: 'fs.delete-workspace-root', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v ..:/x alpine rm -rf /x', rule: 'fs.delete-workspace-root', decision: 'deny', risk: 'critical' },
    { command: 'docker run -v ../other:/o alpine rm -rf /o/src', rule: 'fs.delete-outside-workspace', decision: 'confirm', risk: 'high' },
    { command: 'docker run -v "$DATA":/d alpine rm -rf /d', rule: 'fs.delete-unknown-path', decision: 'confirm', risk: 'high' },
    { command: 'docker run -v ~:/h alpine sh -c "echo x >> /h/.bashrc"', rule: 'fs.write-outside-workspace', decision: 'confirm', risk: 'medium' },
    { command: 'docker run -w "$D" -v "$PWD":/w img rm -rf x', rule: 'fs.delete-unknown-path', decision: 'confirm', risk: 'high' },
    { command: 'docker run --workdir=$(pick) -v ~:/h img rm -rf .cache', rule: 'fs.delete-unknown-path', decision: 'confirm', risk: 'high' },
    { command: 'docker run -v "$PWD":/w img sh -c \'cd "$X" && rm -rf y\'', rule: 'fs.delete-unknown-path', decision: 'confirm', risk: 'high' },
  ]);
  itFlagsOnce(guard, 'git.', [
    { command: 'docker run --rm -v "$PWD":/w -w /w alpine/git push --force origin main', rule: 'git.force-push-protected-branch', decision: 'deny', risk: 'critical' },
  ]);
  itFlagsOnce(guard, 'iac.', [
    { command: 'docker run --rm -v "$PWD":/w -w /w hashicorp/terraform:1.9 destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  ]);
  itStaysSilent(guard, [
    'docker run --rm -v "$PWD":/w -w /w hashicorp/terraform:1.9 plan',
    'docker run --rm -v "$PWD":/w img npm test',
    'docker run --rm -v "$PWD":/app -w /app node:20 npm ci',
    'docker run --rm -v "$PWD":/w -w /w alpine rm -rf node_modules dist',
    'docker run --rm -v "$PWD":/w alpine rm -rf /w/build',
    'docker run --rm alpine rm -rf /',
    'docker run --rm postgres:16 rm -rf /var/lib/postgresql/data',
    'docker run --rm -v ~:/h:ro alpine rm -rf /h',
    'docker run --rm --mount type=bind,source=/home/dev,target=/h,readonly alpine rm -rf /h',
    'docker run --rm -v pgdata:/data alpine rm -rf /data',
    'docker run --rm -it ubuntu bash',
    'docker run --rm ubuntu useradd builder',
    'docker run --rm alpine chmod -R 777 /',
    'docker run --rm alpine sh -c "echo x >> /etc/sudoers"',
    'docker run --rm alpine sh -c "rm -rf ~ && kill -9 -1"',
    'docker run --rm -v "$PWD":/w alpine sh -c "echo ok > /w/out.txt"',
    'docker run -w "$D" -v "$PWD":/w img npm test',
    'docker run -w "$D" img rm -rf x',
    'docker run -w "$D" -v "$PWD":/w:ro img rm -rf x',
    'docker run -w "$D" -v "$PWD":/w img rm -rf ~/.cache',
  ]);
});

describe('docker run: a container that shares the host is judged as this machine', () => {
  it('--privileged keeps machine rules and host paths', () => {
    const v = guard.checkCommand('docker run --privileged alpine dd if=/dev/zero of=/dev/sda', { cwd: '/work/ws', root: '/work/ws' });
    assert.ok(v.reasons.some((r) => r.rule === 'system.write-block-device'), JSON.stringify(v.reasons));
  });
  it('--pid=host keeps kill -9 -1', () => {
    const v = guard.checkCommand('docker run --pid=host alpine kill -9 -1', { cwd: '/work/ws', root: '/work/ws' });
    assert.ok(v.reasons.some((r) => r.rule === 'system.kill-all-processes'), JSON.stringify(v.reasons));
  });
});

describe('hostPath: a container path seen from this machine', () => {
  const lit = (value: string) => ({ value, dynamic: false, glob: false });
  const mounts = [
    { source: lit('/home/dev'), target: '/h', readOnly: false },
    { source: lit('/work/ws'), target: '/h/ws', readOnly: false },
    { source: lit('/etc'), target: '/e', readOnly: true },
    { source: lit('/'), target: '/host', readOnly: false },
  ];
  const rows: readonly [string, string | undefined, string | undefined][] = [
    ['/h', undefined, '/home/dev'],
    ['/h/', undefined, '/home/dev/'],
    ['/h/.ssh', undefined, '/home/dev/.ssh'],
    ['/h/ws/src', undefined, '/work/ws/src'],
    ['/hx', undefined, undefined],
    ['/h/../etc', undefined, undefined],
    ['/e/passwd', undefined, undefined],
    ['/host', undefined, '/'],
    ['/host/usr', undefined, '/usr'],
    ['dist', '/h/ws', '/work/ws/dist'],
    ['..', '/h/ws', '/home/dev'],
    ['/tmp/x', undefined, undefined],
  ];
  for (const [p, cwd, want] of rows) {
    it(`${p}${cwd !== undefined ? ` in ${cwd}` : ''} → ${String(want)}`, () => {
      const got = hostPath(lit(p), mounts, cwd);
      assert.equal(got === undefined ? undefined : got.value.replace(/\/$/, '') || '/', want === undefined ? undefined : want.replace(/\/$/, '') || '/');
    });
  }
  it('no mounts: nothing reaches this machine', () => assert.equal(hostPath(lit('/'), [], '/'), undefined));
  it('a relative path in an unknown working directory could be under any writable mount: unknown', () => assert.deepEqual(hostPath(lit('dist'), mounts, undefined), { value: 'dist', dynamic: true, glob: false }));
  it('a relative path in an unknown working directory with only read-only mounts reaches nothing', () => assert.equal(hostPath(lit('dist'), [{ source: lit('/etc'), target: '/e', readOnly: true }], undefined), undefined));
});
