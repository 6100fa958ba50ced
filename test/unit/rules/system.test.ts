import { strict as assert } from 'node:assert';
import { grantsWorldWrite, removesOwnerAccess, systemPack } from '../../../src/core/rules/packs/system';
import { isBlockDevice } from '../../../src/core/rules/packs/systemEverywhere';
import { globCouldNameBlockDevice } from '../../../src/core/paths/blockDeviceNames';
import type { Decision, Risk } from '../../../src/core/verdict';
import { describeExamples } from './packExamples';
import { guardWith, itFlagsOnce, itStaysSilent, WS } from './packGuard';

describeExamples(systemPack);

const rows: readonly { cmd: string; rule?: string; decision: Decision; risk?: Risk }[] = [
  { cmd: 'dd if=/dev/zero of=/dev/sda bs=1M', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'echo garbage > /dev/sda', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'dd if=/dev/zero of=/dev/sd?', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'sudo dd if=/dev/urandom of=/dev/nvme*', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'echo x > /dev/sd[a-c]', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'cd /dev && dd if=/dev/zero of=sd?', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'shred -n 1 /dev/mmcblk?p1', rule: 'system.write-block-device', decision: 'deny', risk: 'critical' },
  { cmd: 'mkfs.ext4 /dev/sdb1', rule: 'system.format-disk', decision: 'deny', risk: 'critical' },
  { cmd: 'mkfs.ext4 ../disk.img', rule: 'system.format-disk', decision: 'confirm', risk: 'high' },
  { cmd: 'sudo fdisk /dev/sda', rule: 'system.partition-table', decision: 'confirm', risk: 'high' },
  { cmd: 'sudo parted /dev/sda mklabel gpt', rule: 'system.partition-table', decision: 'deny', risk: 'critical' },
  { cmd: 'chmod -R 777 /', rule: 'system.recursive-permission-change', decision: 'deny', risk: 'critical' },
  { cmd: 'chmod -R a+rwx /etc', rule: 'system.recursive-permission-change', decision: 'deny', risk: 'critical' },
  { cmd: 'sudo chown -R $(whoami) /usr/local', rule: 'system.recursive-permission-change', decision: 'confirm', risk: 'high' },
  { cmd: 'chmod -R 755 ../other-project', rule: 'system.recursive-permission-change', decision: 'confirm', risk: 'medium' },
  { cmd: 'chmod 777 /etc/passwd', rule: 'system.world-writable-system-path', decision: 'confirm', risk: 'high' },
  { cmd: 'sudo reboot', rule: 'system.shutdown', decision: 'confirm', risk: 'high' },
  { cmd: 'kill -9 -1', rule: 'system.kill-all-processes', decision: 'deny', risk: 'high' },
  { cmd: 'pkill -9 -u alice', rule: 'system.kill-all-processes', decision: 'confirm', risk: 'high' },
  { cmd: 'crontab -r', rule: 'system.crontab-remove', decision: 'confirm', risk: 'high' },
  { cmd: 'sudo iptables -F', rule: 'system.firewall-disable', decision: 'confirm', risk: 'high' },
  { cmd: 'sudo userdel -r alice', rule: 'system.user-account-change', decision: 'confirm', risk: 'high' },
  { cmd: 'echo "agent ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoers', rule: 'system.sudoers-change', decision: 'confirm', risk: 'critical' },
  { cmd: 'sudo systemctl stop sshd', rule: 'system.stop-remote-access', decision: 'confirm', risk: 'high' },
  // silent
  { cmd: 'chmod -R u+w ./dist', decision: 'allow' },
  { cmd: 'chmod +x scripts/build.sh', decision: 'allow' },
  { cmd: 'dd if=/dev/zero of=disk.img bs=1M count=10', decision: 'allow' },
  { cmd: 'dd if=/dev/zero of=./disk?.img bs=1M count=10', decision: 'allow' },
  { cmd: 'echo hi > /dev/tty*', decision: 'allow' },
  { cmd: 'dd if=/dev/sd? of=backup.img', decision: 'allow' },
  { cmd: 'kill -9 12345', decision: 'allow' },
  { cmd: 'sudo systemctl restart nginx', decision: 'allow' },
  { cmd: 'fdisk -l', decision: 'allow' },
  { cmd: 'echo "shutdown -h now; kill -9 -1; mkfs.ext4 /dev/sda"', decision: 'allow' },
  { cmd: 'git commit -m "fix: crontab -r no longer used, chmod -R 777 / removed"', decision: 'allow' },
];

describe('system pack: decisions', () => {
  const guard = guardWith([systemPack]);
  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const v = guard.checkCommand(row.cmd, WS);
      assert.equal(v.decision, row.decision, JSON.stringify(v.reasons));
      if (row.rule !== undefined) {
        const r = v.reasons.find((x) => x.rule === row.rule);
        assert.ok(r, `expected ${row.rule} in ${JSON.stringify(v.reasons)}`);
        if (row.risk !== undefined) assert.equal(r.risk, row.risk);
      }
    });
  }
});

describe('system pack: helpers', () => {
  const devices: readonly [string, boolean][] = [
    ['/dev/sda', true], ['/dev/sdb1', true], ['/dev/nvme0n1', true], ['/dev/nvme0n1p2', true], ['/dev/mmcblk0p1', true],
    ['/dev/disk2', true], ['/dev/rdisk2s1', true], ['/dev/mapper/vg-root', true], ['/dev/xvda', true], ['/dev/vdb', true],
    ['/dev/null', false], ['/dev/zero', false], ['/dev/tty', false], ['/dev/stdout', false], ['/dev/fd/1', false], ['disk.img', false],
  ];
  for (const [p, yes] of devices) it(`isBlockDevice(${p}) = ${String(yes)}`, () => assert.equal(isBlockDevice(p), yes));
  const globs: readonly [string, boolean][] = [
    ['/dev/sd?', true], ['/dev/sd[a-c]', true], ['/dev/nvme*', true], ['/dev/nvme0n1p?', true], ['/dev/*', true], ['/dev/s*1', true],
    ['/dev/mapper/*', true], ['/dev/disk/by-id/usb-*', true], ['/dev/rdisk?s1', true], ['/dev/xvd[!a]', true],
    ['/dev/tty*', false], ['/dev/null?', false], ['/dev/std*', false], ['/dev/mapper/.*', false], ['/dev/shm/*', false], ['/tmp/sd?', false], ['/dev/fd/*', false],
  ];
  for (const [g, yes] of globs) it(`globCouldNameBlockDevice(${g}) = ${String(yes)}`, () => assert.equal(globCouldNameBlockDevice(g), yes));
  const modes: readonly [string, boolean][] = [
    ['777', true], ['0777', true], ['666', true], ['772', true], ['755', false], ['644', false], ['4755', false],
    ['a+rwx', true], ['o+w', true], ['ugo=rwx', true], ['u+w', false], ['+x', false], ['go-w', false], ['u=rwx,o=rw', true],
  ];
  for (const [m, yes] of modes) it(`grantsWorldWrite(${m}) = ${String(yes)}`, () => assert.equal(grantsWorldWrite(m), yes));
});

describe('system pack: home directory', () => {
  it('chmod -R on the known home directory asks, with high risk', () => {
    const v = guardWith([systemPack], '/home/dev').checkCommand('chmod -R 777 ~', WS);
    const r = v.reasons.find((x) => x.rule === 'system.recursive-permission-change');
    assert.equal(r?.decision, 'confirm');
    assert.equal(r?.risk, 'high');
  });
  it('chmod -R on a path only known at run time asks', () => {
    const v = guardWith([systemPack]).checkCommand('chmod -R 755 "$TARGET"', WS);
    assert.equal(v.reasons.find((x) => x.rule === 'system.recursive-permission-change')?.decision, 'confirm');
  });
});

describe('system pack: permission lockout of home and /', () => {
  const guard = guardWith([systemPack], '/home/dev');
  itFlagsOnce(guard, 'system.', [
    { command: 'chmod 000 ~', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high', target: '/home/dev' },
    { command: 'chmod 000 "$HOME"', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
    { command: 'chmod u= ~/', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
    { command: 'chmod -x ~', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
    { command: 'chmod 644 /home/dev', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
    { command: 'chown nobody ~', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high', mentions: 'nobody' },
    { command: 'sudo chown www-data:www-data $HOME', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
    { command: 'chmod 000 /', rule: 'system.permission-lockout', decision: 'deny', risk: 'critical' },
    { command: 'chmod 0 /', rule: 'system.permission-lockout', decision: 'deny', risk: 'critical' },
    { command: 'sudo chown nobody /', rule: 'system.permission-lockout', decision: 'deny', risk: 'critical' },
    { command: 'chmod -R 000 ~', rule: 'system.recursive-permission-change', decision: 'confirm', risk: 'high' },
    { command: 'docker run --rm -v "$HOME":/h alpine chmod 000 /h', rule: 'system.permission-lockout', decision: 'confirm', risk: 'high' },
  ]);
  itStaysSilent(guard, [
    'chmod +x script.sh', 'chmod 700 ~', 'chmod 755 ~', 'chmod go-rwx ~', 'chmod 0755 "$HOME"', 'chmod 000 secret.txt',
    'chmod 600 ~/.ssh/id_ed25519', 'chmod 700 ~/.ssh', 'sudo chown $USER ~', 'sudo chown "$(whoami)":staff ~', 'chown dev ~',
    'chown :staff ~', 'sudo chown root:root /etc', 'chmod -R u+rwX ./dist', 'docker run --rm alpine chmod 000 /',
    'docker run --rm -v "$PWD":/w alpine chmod 000 /w/secret',
  ]);
  const modes: readonly [string, boolean][] = [
    ['000', true], ['0', true], ['600', true], ['644', true], ['0700', false], ['755', false], ['4755', false], ['311', true],
    ['u-x', true], ['a-r', true], ['-x', true], ['u=', true], ['a=rx', false], ['go-rwx', false], ['+x', false], ['o=', false],
  ];
  for (const [m, yes] of modes) it(`removesOwnerAccess(${m}) = ${String(yes)}`, () => assert.equal(removesOwnerAccess(m), yes));
});
