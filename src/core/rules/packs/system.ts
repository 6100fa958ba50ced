/**
 * The machine itself: writing raw disks (`dd of=/dev/sda`, `> /dev/nvme0n1`), formatting and partitioning,
 * recursive permission/ownership changes outside the project, world-writable system files, immutable attributes of
 * system files (`chattr`), mounts over system directories, kernel settings (`sysctl`, /proc/sys), shutting down,
 * killing every process, removing the crontab, dropping the firewall, deleting users and editing sudoers.
 * Deleting or moving system directories is the filesystem pack's job.
 */
import type { Arg, Invocation } from '../../invocation';
import type { ResolvedPath, RuleContext } from '../context';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasExact, hasFlag, hasLong, hasShort, optionValue, optionValues, positionalArgs, positionals, subcommand } from '../args';
import { isTempPath } from '../../paths/resolve';
import { chattrArgs, fileEffects } from '../../effects';
import { basename, isWithin } from '../../paths/posix';
import { hostPath } from '../../paths/containerMounts';
import { kernelSetting, sudoers, sysrqTrigger, writeBlockDevice } from './systemEverywhere';


// ---------------------------------------------------------------------------------------------- formatting

const MKFS = ['mkfs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mkfs.msdos', 'mkfs.exfat', 'mkfs.ntfs', 'mkfs.f2fs', 'mkfs.minix', 'mke2fs', 'mkswap', 'mkdosfs', 'mkntfs', 'mkexfatfs', 'newfs', 'newfs_apfs', 'newfs_hfs', 'newfs_msdos'];
const MKFS_VALUE_OPTS = ['-t', '-L', '-b', '-c', '-C', '-d', '-E', '-g', '-G', '-i', '-I', '-j', '-J', '-l', '-m', '-M', '-n', '-N', '-o', '-O', '-r', '-T', '-U', '-z', '-e', '-f', '-s', '-F', '-S', '-v', '-p', '-R', '--type', '--label'];

/** The device or image file a mkfs-like command formats. */
function formatTarget(inv: Invocation): string | undefined {
  const dev = inv.args.find((a) => a.startsWith('/dev/'));
  if (dev !== undefined) return dev;
  if (hasLong(inv.args, 'help') || hasShort(inv.args, 'V') || hasLong(inv.args, 'version')) return undefined;
  const pos = positionals(inv.args, MKFS_VALUE_OPTS);
  // `mkfs.ext4 disk.img 100M`: the first operand is the target, an optional block count may follow
  return pos[0];
}

const formatDisk: CommandRule = {
  id: 'system.format-disk',
  scope: 'machine',
  programs: [...MKFS, 'wipefs', 'blkdiscard', 'diskutil', 'cryptsetup'],
  decision: 'deny',
  risk: 'critical',
  message: 'This formats or wipes a disk or partition: every file on it is gone. Check the device with lsblk and run it yourself if you mean it.',
  match: (inv, ctx) => {
    const p = inv.program;
    if (p === 'wipefs') {
      // without --all / --offset wipefs only lists signatures
      if (!hasFlag(inv.args, 'a', 'all') && !hasFlag(inv.args, 'o', 'offset')) return undefined;
      const dev = positionals(inv.args, ['-o', '--offset', '-t', '--types', '-b', '--backup']).find((a) => a.startsWith('/dev/'));
      return { message: `\`${inv.text}\` erases the file-system signatures on ${dev ?? 'the device'}, so everything on it becomes unreadable. Check the device with lsblk and run it yourself if you mean it.` };
    }
    if (p === 'blkdiscard') return { message: `\`${inv.text}\` discards every block of the device: all data on it is gone at once. Run it yourself if you mean it.` };
    if (p === 'diskutil') {
      const verb = (positionals(inv.args)[0] ?? '').toLowerCase();
      if (!DISKUTIL_ERASE.has(verb)) return undefined;
      return { message: `\`diskutil ${verb}\` erases a disk or volume: every file on it is gone. Check the disk with \`diskutil list\` and run it yourself if you mean it.` };
    }
    if (p === 'cryptsetup') {
      const verb = positionals(inv.args, ['-c', '--cipher', '-s', '--key-size', '-h', '--hash', '--type', '-d', '--key-file', '-S', '--key-slot'])[0];
      if (verb !== 'luksFormat' && verb !== 'erase' && verb !== 'luksErase') return undefined;
      return { message: `\`cryptsetup ${verb}\` overwrites the encryption header: the data on the device can no longer be read. Run it yourself if you mean it.` };
    }
    const target = formatTarget(inv);
    if (target === undefined) return undefined;
    if (target.startsWith('/dev/')) return { message: `\`${inv.text}\` creates a new file system on ${target}, erasing everything on it; there is no undo. Check the device with lsblk and run it yourself if you mean it.` };
    // formatting an image file: harmless inside the project or a temp dir
    const r = ctx.resolvePath(target, inv.cwd);
    if (r.insideWorkspace || isTempPath(r.abs)) return undefined;
    return { decision: 'confirm', risk: 'high', message: `\`${inv.text}\` formats ${r.abs}, outside the project, erasing what is in it. Format an image file inside the project instead.` };
  },
  examples: {
    match: ['mkfs.ext4 /dev/sdb1', 'sudo mkfs -t xfs /dev/sdc', 'wipefs -a /dev/sda', 'mkswap /dev/nvme0n1p3', 'diskutil eraseDisk APFS Untitled disk2', 'sudo blkdiscard /dev/nvme1n1', 'cryptsetup luksFormat /dev/sdb'],
    notMatch: ['mkfs.ext4 build/disk.img', 'wipefs /dev/sda', 'diskutil list', 'lsblk -f', 'cryptsetup status root', 'mkfs.vfat -C /tmp/efi.img 65536'],
  },
};
const DISKUTIL_ERASE = new Set(['erasedisk', 'erasevolume', 'partitiondisk', 'zerodisk', 'randomdisk', 'secureerase', 'reformat', 'splitpartition', 'mergepartitions', 'deletevolume']);

// ---------------------------------------------------------------------------------------------- volumes

/**
 * Storage managers' commands that destroy a pool, a volume group, a RAID member's metadata or a whole drive
 * (`zpool destroy`, `vgremove`, `mdadm --zero-superblock`, `nvme format`, `hdparm --security-erase`): what each
 * destroys, or undefined. A single volume or dataset (`lvremove`, `zfs destroy`, `btrfs subvolume delete`) is
 * asked about rather than refused.
 */
function volumeDestroyed(inv: Invocation): { readonly what: string; readonly whole: boolean } | undefined {
  const pos = positionals(inv.args);
  const [verb, second] = pos;
  switch (inv.program) {
    case 'zpool':
      return verb === 'destroy' || verb === 'labelclear' ? { what: `the ZFS pool ${pos[1] ?? ''} and every dataset in it`, whole: true } : undefined;
    case 'zfs':
      return verb === 'destroy' ? { what: `the ZFS dataset ${pos[1] ?? ''}${hasShort(inv.args, 'r') || hasShort(inv.args, 'R') ? ' and everything below it' : ''}`, whole: false } : undefined;
    case 'vgremove':
    case 'pvremove':
      return { what: `the LVM ${inv.program === 'vgremove' ? 'volume group' : 'physical volume'} ${verb ?? ''} and the volumes on it`, whole: true };
    case 'lvremove':
      return { what: `the logical volume ${verb ?? ''} and the file system on it`, whole: false };
    case 'lvm':
      return verb === 'vgremove' || verb === 'pvremove' ? { what: `an LVM ${verb === 'vgremove' ? 'volume group' : 'physical volume'}`, whole: true } : verb === 'lvremove' ? { what: 'a logical volume and the file system on it', whole: false } : undefined;
    case 'btrfs':
      return (verb === 'subvolume' || verb === 'sub') && (second === 'delete' || second === 'del') ? { what: `the btrfs subvolume ${pos[2] ?? ''} and its files`, whole: false } : undefined;
    case 'mdadm':
      return hasLong(inv.args, 'zero-superblock') ? { what: 'the RAID metadata of the device, so the array cannot be assembled again', whole: true } : undefined;
    case 'nvme':
      return verb === 'format' || verb === 'sanitize' ? { what: `every block of ${pos[1] ?? 'the drive'}`, whole: true } : undefined;
    case 'sg_format':
    case 'sg_sanitize':
      return pos.length > 0 ? { what: `every block of ${pos[pos.length - 1] ?? 'the drive'}`, whole: true } : undefined;
    case 'hdparm':
      return inv.args.some((a) => a.startsWith('--security-erase') || a === '--trim-sector-ranges' || a === '--make-bad-sector') ? { what: 'the data on the drive', whole: true } : undefined;
    case 'dmsetup':
      return verb === 'remove_all' || verb === 'wipe_table' ? { what: 'the device-mapper devices (encrypted and LVM volumes in use)', whole: true } : undefined;
    default:
      return undefined;
  }
}

const destroyVolume: CommandRule = {
  id: 'system.destroy-volume',
  scope: 'machine',
  programs: ['zpool', 'zfs', 'vgremove', 'pvremove', 'lvremove', 'lvm', 'btrfs', 'mdadm', 'nvme', 'sg_format', 'sg_sanitize', 'hdparm', 'dmsetup'],
  decision: 'deny',
  risk: 'critical',
  message: 'This destroys a storage pool, volume or whole drive and the data on it; there is no undo. Check what it is with lsblk / zpool list / lvs and run it yourself if you mean it.',
  match: (inv) => {
    if (hasLong(inv.args, 'help')) return undefined;
    const d = volumeDestroyed(inv);
    if (d === undefined) return undefined;
    const message = `\`${inv.text}\` destroys ${d.what.trim()}; there is no undo. Check what it is with lsblk / zpool list / lvs and run it yourself if you mean it.`;
    return d.whole ? { message } : { decision: 'confirm', message };
  },
  examples: {
    match: ['zpool destroy tank', 'sudo zfs destroy -r tank/data', 'vgremove -f vg0', 'lvremove -f vg0/data', 'btrfs subvolume delete /mnt/data', 'mdadm --zero-superblock /dev/sda1', 'nvme format /dev/nvme0n1', 'hdparm --security-erase pw /dev/sda', 'dmsetup remove_all', 'sg_format --format /dev/sdb'],
    notMatch: ['zpool list', 'zpool status tank', 'zfs list -t snapshot', 'zfs snapshot tank/data@now', 'lvs', 'vgs', 'btrfs subvolume list /', 'mdadm --detail /dev/md0', 'nvme list', 'hdparm -I /dev/sda', 'dmsetup ls'],
  },
};

// ---------------------------------------------------------------------------------------------- network

/** `ip link set eth0 down`, `ifconfig eth0 down`, `ifdown eth0`, `nmcli networking off`: the machine's network goes away. */
const networkDown: CommandRule = {
  id: 'system.network-down',
  scope: 'machine',
  programs: ['ip', 'ifconfig', 'ifdown', 'nmcli'],
  decision: 'confirm',
  risk: 'high',
  message: 'This takes a network interface (or all networking) down; on a remote machine that cuts every connection, this one included. Do it yourself from a console if you mean it.',
  match: (inv) => {
    const pos = positionals(inv.args, ['-n', '-netns', '-f', '-family']);
    const loopback = (name: string | undefined): boolean => name === 'lo' || name === 'lo0';
    switch (inv.program) {
      case 'ip': {
        const obj = pos[0] ?? '';
        if (!'link'.startsWith(obj) || obj === '' || pos[1] !== 'set' || !pos.includes('down')) return undefined;
        const dev = pos[2] === 'dev' ? pos[3] : pos[2];
        return loopback(dev) ? undefined : true;
      }
      case 'ifconfig':
        return pos.includes('down') && !loopback(pos[0]) ? true : undefined;
      case 'ifdown':
        return pos.length > 0 && !pos.every(loopback) || hasFlag(inv.args, 'a', 'all') ? true : undefined;
      case 'nmcli':
        return (pos[0] === 'networking' || pos[0] === 'n') && pos[1] === 'off' || (pos[0] === 'radio' && pos[pos.length - 1] === 'off') || ((pos[0] === 'device' || pos[0] === 'd') && (pos[1] === 'disconnect' || pos[1] === 'down')) ? true : undefined;
      default:
        return undefined;
    }
  },
  examples: {
    match: ['ip link set eth0 down', 'sudo ip link set dev enp0s3 down', 'ifconfig eth0 down', 'ifdown eth0', 'nmcli networking off', 'nmcli device disconnect eth0'],
    notMatch: ['ip link show', 'ip addr', 'ip link set eth0 up', 'ip link set lo down', 'ifconfig', 'ifconfig eth0 up', 'nmcli device status', 'nmcli networking on'],
  },
};

// ---------------------------------------------------------------------------------------------- partitioning

const PARTED_WRITES = new Set(['mklabel', 'mktable', 'mkpart', 'mkpartfs', 'rm', 'resizepart', 'resize', 'move', 'rescue', 'name', 'set', 'toggle', 'disk_set', 'disk_toggle', 'type']);
const SGDISK_READ_ONLY = new Set(['-p', '--print', '-v', '--verify', '-i', '--info', '-L', '--list-types', '-O', '--print-mbr', '-?', '--help', '-V', '--version', '-b', '--backup', '-D', '--display-alignment']);

const partitionTable: CommandRule = {
  id: 'system.partition-table',
  scope: 'machine',
  programs: ['fdisk', 'sfdisk', 'cfdisk', 'parted', 'gdisk', 'sgdisk', 'gparted'],
  decision: 'confirm',
  risk: 'high',
  message: 'This changes a disk\'s partition table; a wrong step makes every partition on the disk unreadable. Check the disk with lsblk and do it yourself.',
  match: (inv) => {
    const a = inv.args;
    switch (inv.program) {
      case 'fdisk':
      case 'cfdisk':
      case 'gdisk': {
        if (hasFlag(a, 'l', 'list') || hasFlag(a, undefined, 'help') || hasFlag(a, 'V', 'version') || hasShort(a, 's')) return undefined;
        // commands fed on standard input that end in `w` write the table
        const script = inv.stdin?.text;
        if (script !== undefined && WRITE_LINE.test(script)) return { decision: 'deny', risk: 'critical', message: `\`${inv.program}\` is fed commands that rewrite the partition table (ending in \`w\`): the partitions on the disk are lost. Do it yourself after checking the disk with lsblk.` };
        return true;
      }
      case 'sfdisk': {
        if (hasFlag(a, 'l', 'list') || hasFlag(a, 'd', 'dump') || hasFlag(a, 's', 'show-size') || hasFlag(a, 'J', 'json') || hasFlag(a, 'V', 'verify') || hasLong(a, 'help') || hasLong(a, 'list-free') || hasShort(a, 'F')) return undefined;
        if (hasLong(a, 'delete')) return { decision: 'deny', risk: 'critical', message: '`sfdisk --delete` removes partitions from the disk: the data in them is lost. Do it yourself after checking the disk with lsblk.' };
        return { decision: 'deny', risk: 'critical', message: `\`${inv.text}\` writes a new partition table from its input: the existing partitions are lost. Do it yourself after checking the disk with lsblk.` };
      }
      case 'parted': {
        if (hasFlag(a, 'l', 'list') || hasLong(a, 'help') || hasFlag(a, 'v', 'version')) return undefined;
        const pos = positionals(a, ['-a', '--align']);
        const verb = pos.slice(1).find((w) => PARTED_WRITES.has(w) || w === 'print' || w === 'unit');
        if (verb === undefined) return pos.length === 1 ? true : undefined; // an interactive session on the disk
        if (!PARTED_WRITES.has(verb)) return undefined;
        return { decision: 'deny', risk: 'critical', message: `\`parted … ${verb}\` rewrites the partition table of ${pos[0] ?? 'the disk'}: partitions and the data in them can be lost. Do it yourself after checking the disk with lsblk.` };
      }
      case 'sgdisk': {
        const writes = a.some((x) => x.startsWith('-') && !SGDISK_READ_ONLY.has(x.split('=')[0] ?? x));
        if (!writes) return undefined;
        const zap = hasFlag(a, 'Z', 'zap-all') || hasFlag(a, 'z', 'zap') || hasFlag(a, 'o', 'clear');
        return zap
          ? { decision: 'deny', risk: 'critical', message: `\`${inv.text}\` destroys the partition table: every partition on the disk is lost. Do it yourself after checking the disk with lsblk.` }
          : { message: `\`${inv.text}\` changes the partition table; a wrong step makes partitions unreadable. Do it yourself after checking the disk with lsblk.` };
      }
      default:
        return true;
    }
  },
  examples: {
    match: ['sudo fdisk /dev/sda', 'sgdisk --zap-all /dev/sdb', 'sudo parted /dev/sda mklabel gpt', "printf 'o\\nn\\np\\n1\\n\\n\\nw\\n' | fdisk /dev/sdb", 'sfdisk /dev/sdb < layout.sfdisk', 'sgdisk -n 1:0:+512M /dev/sdb'],
    notMatch: ['fdisk -l', 'sudo fdisk -l /dev/sda', 'parted -l', 'parted /dev/sda print', 'sfdisk -d /dev/sda > table.bak', 'sgdisk -p /dev/sda', 'lsblk'],
  },
};
const WRITE_LINE = /(?:^|\n)\s*w\s*(?:\n|$)/;

// ---------------------------------------------------------------------------------------------- permissions

/** Top-level directories whose contents belong to the system, not the user. */
const SYSTEM_PREFIXES = ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/var', '/opt', '/srv', '/root', '/sys', '/proc', '/dev', '/System', '/Library', '/Applications', '/private', '/snap', '/nix'];

/** System directories that people do hand over to a user (Homebrew's `/usr/local`, `/opt`): confirm, not deny. */
const USER_OWNED_SYSTEM_DIRS = new Set(['/usr/local', '/opt', '/srv', '/mnt', '/media']);


function underSystem(abs: string): boolean {
  for (const p of SYSTEM_PREFIXES) if (abs === p || isWithin(abs, p)) return true;
  return false;
}

/** Operands of chmod/chown/chgrp after the mode/owner (or all of them with `--reference=`). */
function permissionTargets(inv: Invocation): Arg[] {
  const pos = positionalArgs(inv.argv, ['--reference', '--from']);
  return hasLong(inv.args, 'reference') ? pos : pos.slice(1);
}

/** Whether a chmod mode lets everyone write (`777`, `o+w`, `a+rwx`, `a=rw`). */
export function grantsWorldWrite(mode: string): boolean {
  if (NUMERIC_MODE.test(mode)) {
    const others = Number(mode[mode.length - 1]);
    return (others & 2) === 2;
  }
  for (const clause of mode.split(',')) {
    const m = SYMBOLIC_CLAUSE.exec(clause);
    if (!m) continue;
    const who = m[1] ?? '';
    const op = m[2] ?? '';
    const perms = m[3] ?? '';
    if ((who.includes('o') || who.includes('a')) && (op === '+' || op === '=') && perms.includes('w')) return true;
  }
  return false;
}
const NUMERIC_MODE = /^[0-7]{3,4}$/;
const SYMBOLIC_CLAUSE = /^([ugoa]*)([-+=])([rwxXst]*)$/;

const recursivePermissions: CommandRule = {
  id: 'system.recursive-permission-change',
  programs: ['chmod', 'chown', 'chgrp'],
  decision: 'confirm',
  risk: 'medium',
  message: 'This changes permissions or ownership of a whole tree outside the project. Limit it to the files that need it.',
  match: (inv, ctx) => {
    if (!hasFlag(inv.args, 'R', 'recursive')) return undefined;
    const what = inv.program === 'chmod' ? 'permissions' : 'ownership';
    let worst: RuleHit | undefined;
    let worstRank = 0;
    for (const t of onHost(inv, permissionTargets(inv))) {
      const p = ctx.resolvePath(t, inv.cwd);
      let hit: RuleHit;
      let rank: number;
      if (t.dynamic && t.value === '') {
        // a word only known when it runs (`$DIR`, `~` with no known home): it could be anything
        rank = 2;
        hit = { risk: 'high', message: `\`${inv.text}\` changes ${what} of a whole tree whose path is only known when it runs, so it could be the home directory or the system. Name the directory you mean.` };
      } else if (p.insideWorkspace || p.isWorkspaceRoot || isTempPath(p.abs)) continue;
      else if (p.abs === '/' || (p.isSystem && !USER_OWNED_SYSTEM_DIRS.has(p.abs))) {
        rank = 3;
        hit = p.dynamic
          ? { decision: 'confirm', risk: 'critical', message: `\`${inv.text}\` changes ${what} of everything under a path only known when it runs, which could be ${p.abs}. Name the directory you mean.` }
          : { decision: 'deny', risk: 'critical', message: `\`${inv.text}\` changes ${what} of everything under ${p.abs}; system programs (sudo, ssh) refuse to work afterwards and the machine may not boot. Change only the files that need it.`, target: p.abs };
      } else if (p.isHome) {
        rank = 2;
        hit = { risk: 'high', message: `\`${inv.text}\` changes ${what} of everything in the home directory, SSH keys included (ssh refuses keys others can read). Change only the directory that needs it.` };
      } else if (underSystem(p.abs)) {
        rank = 2;
        hit = { risk: 'high', message: `\`${inv.text}\` changes ${what} of the system directory ${p.abs} and everything in it. Change only the files that need it, or install into the project instead.` };
      } else {
        rank = 1;
        hit = { message: `\`${inv.text}\` changes ${what} of ${p.abs} and everything in it, outside the project. Limit it to the project's files.` };
      }
      if (rank > worstRank) {
        worst = hit;
        worstRank = rank;
      }
    }
    return worst;
  },
  examples: {
    match: ['chmod -R 777 /', 'chmod -R 777 ~', 'chmod -R a+rwx /etc', 'sudo chown -R $(whoami) /usr/local', 'chown -R nobody:nogroup /', 'chgrp -R staff /opt/tools', 'chmod -R 755 ../other-project'],
    notMatch: ['chmod -R u+w ./dist', 'chmod +x scripts/build.sh', 'chmod -R 755 .', 'chown -R node:node /tmp/cache', 'sudo chown -R 1000:1000 ./data', 'chmod 644 README.md'],
  },
};

const worldWritableSystem: CommandRule = {
  id: 'system.world-writable-system-path',
  programs: ['chmod'],
  decision: 'confirm',
  risk: 'high',
  message: 'This lets every user on the machine change a system file or directory. Give write access only to the account that needs it.',
  match: (inv, ctx) => {
    if (hasFlag(inv.args, 'R', 'recursive')) return undefined; // the recursive rule judges those
    const pos = positionals(inv.args, ['--reference']);
    const mode = pos[0];
    if (mode === undefined || !grantsWorldWrite(mode)) return undefined;
    for (const t of onHost(inv, positionalArgs(inv.argv, ['--reference']).slice(1))) {
      const p = ctx.resolvePath(t, inv.cwd);
      if (p.abs === '/' || p.isSystem || (underSystem(p.abs) && !isTempPath(p.abs) && !p.abs.startsWith('/dev/'))) {
        return { message: `\`${inv.text}\` lets every user on the machine change ${p.abs}; any program can then replace it. Give write access only to the account that needs it.` };
      }
    }
    return undefined;
  },
  examples: {
    match: ['chmod 777 /etc/passwd', 'sudo chmod a+rwx /usr/local/bin', 'chmod o+w /etc/sudoers', 'chmod 666 /etc/shadow'],
    notMatch: ['chmod 777 build/tmp', 'chmod 755 /usr/local/bin/tool', 'chmod 777 /tmp/share', 'chmod +x /usr/local/bin/tool'],
  },
};

// ---------------------------------------------------------------------------------------------- setuid

/** A chmod mode that sets the set-user-ID or set-group-ID bit (`u+s`, `g+s`, `4755`, `2755`, `6755`). */
function grantsSetId(mode: string): boolean {
  if (NUMERIC_MODE.test(mode)) return mode.length >= 4 && (Number(mode[mode.length - 4]) & 6) !== 0;
  for (const clause of mode.split(',')) {
    const m = SYMBOLIC_CLAUSE.exec(clause);
    if (m && (m[2] === '+' || m[2] === '=') && (m[3] ?? '').includes('s')) return true;
  }
  return false;
}

/** Capabilities that make a program as powerful as root (`setcap cap_setuid+ep /usr/bin/python3`). */
const ROOT_CAPABILITIES = /cap_(?:setuid|setgid|sys_admin|dac_override|dac_read_search|sys_ptrace|sys_module|chown|fowner)|^(?:all|=)/i;

/**
 * `chmod u+s` on a system program or as root, `setcap cap_setuid+ep`: whoever runs the program gets root's rights,
 * a classic backdoor. Setting it on the project's own build output without root is left alone.
 */
const setIdGrant: CommandRule = {
  id: 'system.setuid-grant',
  scope: 'machine',
  programs: ['chmod', 'setcap'],
  decision: 'confirm',
  risk: 'high',
  message: 'This lets any user run a program with root\'s (or another account\'s) rights — a classic backdoor. Leave privileges to an administrator.',
  match: (inv, ctx) => {
    if (inv.program === 'setcap') {
      const pos = positionals(inv.args, ['-v']);
      const caps = pos[0];
      if (caps === undefined || pos[0] === '-r' || !ROOT_CAPABILITIES.test(caps)) return undefined;
      return { message: `\`${inv.text}\` gives ${pos[1] ?? 'the program'} capabilities (${caps}) that let anyone who runs it act as root. Leave privileges to an administrator.` };
    }
    const mt = chmodModeAndTargets(inv.argv);
    if (mt === undefined || !grantsSetId(mt.mode)) return undefined;
    for (const t of onHost(inv, mt.targets)) {
      const p = ctx.resolvePath(t, inv.cwd);
      if (inv.elevated || p.abs === '/' || underSystem(p.abs) || p.isHome) {
        return { message: `\`${inv.text}\` sets the set-user-ID/set-group-ID bit on ${p.abs}${inv.elevated ? ' as root' : ''}: whoever runs it gets its owner's rights. Leave privileges to an administrator.` };
      }
    }
    return undefined;
  },
  examples: {
    match: ['chmod u+s /bin/bash', 'sudo chmod 4755 /usr/bin/find', 'sudo chmod u+s build/helper', 'chmod g+s /usr/local/bin/tool', 'setcap cap_setuid+ep /usr/bin/python3', 'sudo setcap cap_sys_admin=eip ./bin/app'],
    notMatch: ['chmod +x build/helper', 'chmod 755 /usr/local/bin/tool', 'chmod u+s build/helper', 'chmod g+s shared/', 'setcap cap_net_bind_service=+ep ./bin/server', 'setcap -r ./bin/server', 'chmod -R u+rwX src'],
  },
};

// ---------------------------------------------------------------------------------------------- lockout

/** chmod's own options; every other word starting with `-` (`-x`, `-rwx`) is a symbolic mode. */
const CHMOD_OPTIONS = /^-(?:[cfvR]+|-.*)$/;

/** The mode word of `chmod MODE files…` (`-x` and `-rwx` are modes, not options), with the targets after it. */
function chmodModeAndTargets(argv: readonly Arg[]): { mode: string; targets: Arg[] } | undefined {
  const rest: Arg[] = [];
  let mode: string | undefined;
  let ended = false;
  for (const a of argv) {
    if (!ended && a.value === '--') {
      ended = true;
      continue;
    }
    if (!ended && mode === undefined && CHMOD_OPTIONS.test(a.value)) {
      if (a.value.startsWith('--reference')) return undefined;
      continue;
    }
    if (mode === undefined) mode = a.value;
    else rest.push(a);
  }
  return mode === undefined ? undefined : { mode, targets: rest };
}

/** Whether a chmod mode takes read or search (x) away from the owner: `000`, `600` on a directory, `u-x`, `a=`, `-r`. */
export function removesOwnerAccess(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const owner = Number(mode.padStart(3, '0').slice(-3, -2));
    return (owner & 5) !== 5;
  }
  for (const clause of mode.split(',')) {
    const m = SYMBOLIC_CLAUSE.exec(clause);
    if (!m) continue;
    const who = m[1] ?? '';
    if (who !== '' && !who.includes('u') && !who.includes('a')) continue;
    const op = m[2];
    const perms = m[3] ?? '';
    if (op === '-' && /[rxX]/.test(perms)) return true;
    if (op === '=' && !(perms.includes('r') && /[xX]/.test(perms))) return true;
  }
  return false;
}

/** Paths as this machine sees them: in a new container only what goes through a bind mount (paths/containerMounts). */
function onHost(inv: Invocation, targets: readonly Arg[]): Arg[] {
  if (inv.mounts === undefined) return [...targets];
  const out: Arg[] = [];
  for (const t of targets) {
    const h = hostPath(t, inv.mounts, inv.cwd);
    if (h !== undefined) out.push(h);
  }
  return out;
}

/** `/`, the home directory or a top-level system directory, whichever `p` is. */
function lockoutPlace(p: ResolvedPath): 'root' | 'home' | 'system' | undefined {
  if (p.dynamic) return undefined;
  if (p.abs === '/') return 'root';
  if (p.isHome) return 'home';
  if (p.isSystem && !USER_OWNED_SYSTEM_DIRS.has(p.abs)) return 'system';
  return undefined;
}

/** The new owner of `chown OWNER[:GROUP] …` when it is someone else: not the user (by name) and not root on system paths. */
function foreignOwner(spec: Arg, ctx: RuleContext, inv: Invocation, place: 'root' | 'home' | 'system'): string | undefined {
  if (spec.dynamic) return undefined; // `$USER`, `$(whoami)`, `$(id -u)`: almost always the user themself
  const owner = spec.value.split(/[:.]/)[0] ?? '';
  if (owner === '') return undefined; // `chown :staff ~` only changes the group
  const self = [inv.env['USER'], inv.env['LOGNAME'], ctx.home === '' ? undefined : basename(ctx.home)];
  if (self.includes(owner)) return undefined;
  if (place !== 'home' && (owner === 'root' || owner === '0')) return undefined;
  return owner;
}

const LOCKOUT_WHERE = { root: 'every path on the machine (`/`)', home: 'the home directory', system: 'a system directory' } as const;

const permissionLockout: CommandRule = {
  id: 'system.permission-lockout',
  programs: ['chmod', 'chown'],
  decision: 'confirm',
  risk: 'high',
  message: 'This takes the home directory or `/` away from its owner (no read/search permission, or another owner): shells, SSH logins, keys and every project in it stop working. Change only the files that need it.',
  match: (inv, ctx) => {
    if (hasFlag(inv.args, 'R', 'recursive')) return undefined; // the recursive rule judges those
    let targets: readonly Arg[];
    let what: string;
    let owner: Arg | undefined;
    if (inv.program === 'chmod') {
      const parsed = chmodModeAndTargets(inv.argv);
      if (parsed === undefined || !removesOwnerAccess(parsed.mode)) return undefined;
      targets = parsed.targets;
      what = `takes read/search permission on PLACE away from its owner`;
    } else {
      const pos = positionalArgs(inv.argv, ['--from']);
      if (hasLong(inv.args, 'reference') || pos.length < 2) return undefined;
      owner = pos[0];
      targets = pos.slice(1);
      what = 'gives PLACE to OWNER';
    }
    for (const t of onHost(inv, targets)) {
      const p = ctx.resolvePath(t, inv.cwd);
      const place = lockoutPlace(p);
      if (place === undefined) continue;
      let shown = what.replace('PLACE', LOCKOUT_WHERE[place] + (place === 'root' ? '' : ` (${p.abs})`));
      if (owner !== undefined) {
        const who = foreignOwner(owner, ctx, inv, place);
        if (who === undefined) continue;
        shown = shown.replace('OWNER', who);
      }
      const after = place === 'home'
        ? 'shells, editors and SSH logins (which refuse a home directory owned by someone else or unreadable keys) stop working until it is put back'
        : 'programs, sudo and SSH logins stop working for everyone until it is put back from a root console';
      const hit: RuleHit = { message: `\`${inv.text}\` ${shown}: ${after}. Change only the files that need it.`, target: p.abs };
      return place === 'root' ? { ...hit, decision: 'deny', risk: 'critical' } : hit;
    }
    return undefined;
  },
  examples: {
    match: ['chmod 000 /', 'sudo chown nobody:nogroup /', 'chmod 600 /etc', 'chmod a-rwx /usr', 'chmod -x /', 'docker run -v /:/host alpine chmod 000 /host'],
    notMatch: ['chmod +x script.sh', 'chmod 700 ~', 'chmod go-rwx ~', 'chmod 755 ~', 'chmod 000 secret.txt', 'sudo chown root:root /etc', 'sudo chown $USER ~', 'chown :staff ~', 'chmod 600 ~/.ssh/id_ed25519', 'chmod -R 700 ./bin'],
  },
};

// ---------------------------------------------------------------------------------------------- ssh keys

/** Standard input that answers ssh-keygen's "Overwrite (y/n)?" with yes: `yes |`, `echo y |`, `<<< y`. */
function answersYes(inv: Invocation): boolean {
  const s = inv.stdin;
  if (s === undefined) return false;
  if (s.kind === 'pipe' && s.from === 'yes') return (s.fromArgs?.[0] ?? 'y').toLowerCase().startsWith('y');
  return s.text !== undefined && /^\s*y/i.test(s.text);
}

const overwriteSshKey: CommandRule = {
  id: 'system.overwrite-ssh-key',
  programs: ['ssh-keygen'],
  decision: 'deny',
  risk: 'critical',
  message: 'This answers yes to ssh-keygen\'s "Overwrite?" for an SSH key: the old private key is gone for good, and with it access to every server and repository that trusted it. Generate the new key under a new name (-f ~/.ssh/id_ed25519_new).',
  match: (inv, ctx) => {
    if (!answersYes(inv)) return undefined;
    const home = ctx.home;
    for (const e of fileEffects(inv)) {
      if (e.target.value.endsWith('.pub')) continue;
      const p = ctx.resolvePath(e.target, inv.cwd);
      const inSsh = home !== '' && isWithin(p.abs, home + '/.ssh');
      if (inSsh || /(?:^|\/)id_[a-z0-9_-]+$/i.test(p.abs) || (p.abs.startsWith('/etc/ssh/') && basename(p.abs).startsWith('ssh_host_'))) {
        return { message: `\`${inv.text}\` answers yes to ssh-keygen's "Overwrite?" for ${p.abs}: the old private key is gone for good, and with it access to every server and repository that trusted it. Generate the new key under a new name.`, target: p.abs };
      }
    }
    return undefined;
  },
  examples: {
    match: ['yes | ssh-keygen -f ~/.ssh/id_rsa', 'yes y | ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""', 'echo y | ssh-keygen -q -N "" -f ~/.ssh/id_ed25519', 'ssh-keygen -t rsa -f ~/.ssh/id_rsa -N "" <<< y', "printf 'y\\n' | sudo ssh-keygen -t ed25519 -f /etc/ssh/ssh_host_ed25519_key -N ''"],
    notMatch: ['ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""', 'yes | ssh-keygen -t ed25519 -f ./test/fixtures/deploy_key -N ""', 'ssh-keygen -y -f ~/.ssh/id_rsa', 'yes n | ssh-keygen -f ~/.ssh/id_rsa', 'ssh-keygen -R github.com'],
  },
};

// ---------------------------------------------------------------------------------------------- packages

/** Packages whose removal leaves the machine unbootable, unreachable or unable to install anything again. */
const ESSENTIAL_PACKAGES = /^(?:systemd|systemd-sysv|init|openssh-server|ssh|sshd|sudo|bash|coreutils|util-linux|libc6|libc-bin|glibc|apt|dpkg|rpm|dnf|yum|pacman|zypper|apk-tools|login|passwd|base-files|base-passwd|grub.*|linux-image.*|linux-generic|linux(?:-lts|-zen|-hardened)?|kernel(?:-core)?|network-manager|netplan\.io|ifupdown|iproute2|python3|python3-minimal|perl-base|ca-certificates)(?::[a-z0-9]+)?$/;

/** The package names a removal would take: `apt-get purge -y x y`, `dnf remove x`, `pacman -Rns x`, `apk del x`. */
function removedPackages(inv: Invocation): string[] | undefined {
  const a = inv.args;
  switch (inv.program) {
    case 'apt':
    case 'apt-get':
    case 'aptitude': {
      const sub = subcommand(a, ['-o', '-c', '-t', '--target-release']);
      if (sub === undefined || !['remove', 'purge', 'autoremove'].includes(sub.name)) return undefined;
      return positionals(sub.rest, ['-o', '-c', '-t']);
    }
    case 'dnf':
    case 'yum':
    case 'zypper': {
      const sub = subcommand(a, ['-c', '--config', '--installroot', '--releasever', '-R', '--repo']);
      if (sub === undefined || !['remove', 'erase', 'rm', 'autoremove'].includes(sub.name)) return undefined;
      return positionals(sub.rest);
    }
    case 'apk': {
      const sub = subcommand(a, ['-X', '--repository', '-p', '--root']);
      return sub?.name === 'del' ? positionals(sub.rest) : undefined;
    }
    case 'pacman':
      return a.some((x) => /^-R/.test(x) || x === '--remove') ? positionals(a) : undefined;
    case 'dpkg':
      return a.some((x) => x === '-r' || x === '-P' || x === '--remove' || x === '--purge') ? positionals(a) : undefined;
    case 'rpm':
      return a.some((x) => x === '-e' || x === '--erase') ? positionals(a) : undefined;
    default:
      return undefined;
  }
}

const removeSystemPackage: CommandRule = {
  id: 'system.remove-system-package',
  programs: ['apt', 'apt-get', 'aptitude', 'dnf', 'yum', 'zypper', 'apk', 'pacman', 'dpkg', 'rpm'],
  scope: 'machine',
  decision: 'confirm',
  risk: 'high',
  message: 'This removes a package the operating system itself depends on (init, SSH, sudo, the C library, the package manager, the kernel): the machine may not boot, be reachable or install anything again. Remove only the project\'s own dependencies.',
  match: (inv) => {
    const names = removedPackages(inv);
    const essential = names?.filter((n) => ESSENTIAL_PACKAGES.test(n)) ?? [];
    if (essential.length === 0) return undefined;
    return { message: `\`${inv.text}\` removes ${essential.join(', ')}, which the operating system depends on: the machine may not boot, be reachable over SSH or install anything again. Remove only the project's own dependencies.` };
  },
  examples: {
    match: ['sudo apt-get purge -y openssh-server', 'apt remove -y systemd', 'sudo dnf remove -y sudo', 'pacman -Rns linux', 'sudo apk del bash', 'sudo dpkg --purge --force-all libc6'],
    notMatch: ['sudo apt-get remove -y nodejs', 'apt-get install -y openssh-server', 'sudo apt autoremove -y', 'dnf remove -y httpd', 'docker run --rm debian apt-get purge -y systemd', 'pacman -Syu'],
  },
};

// ---------------------------------------------------------------------------------------------- power

const POWER_VERBS = new Set(['poweroff', 'reboot', 'halt', 'kexec', 'soft-reboot', 'rescue', 'emergency']);

const shutdown: CommandRule = {
  id: 'system.shutdown',
  scope: 'machine',
  programs: ['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit', 'systemctl', 'loginctl'],
  decision: 'confirm',
  risk: 'high',
  message: 'This shuts down or restarts the machine: every program, unsaved editor buffer and this agent session stop. Do it yourself when you are ready.',
  match: (inv) => {
    const a = inv.args;
    if (hasLong(a, 'help')) return undefined;
    switch (inv.program) {
      case 'shutdown':
        // -c cancels a pending shutdown, -k only warns logged-in users
        return hasShort(a, 'c') || hasShort(a, 'k') ? undefined : true;
      case 'reboot':
      case 'halt':
      case 'poweroff':
        return hasExact(a, '--wtmp-only', '-w') ? undefined : true;
      case 'init':
      case 'telinit':
        return a[0] === '0' || a[0] === '6' || a[0] === '1' || a[0] === 's' || a[0] === 'S' ? true : undefined;
      default: {
        const sub = subcommand(a, ['-H', '--host', '-M', '--machine', '-t', '--type', '-p', '--property', '--signal', '-s', '--root']);
        return sub && POWER_VERBS.has(sub.name) ? { message: `\`${inv.program} ${sub.name}\` ${sub.name === 'rescue' || sub.name === 'emergency' ? 'drops the machine to single-user mode, stopping every service and this session' : 'shuts down or restarts the machine, stopping every program and this agent session'}. Do it yourself when you are ready.` } : undefined;
      }
    }
  },
  examples: {
    match: ['shutdown -h now', 'sudo reboot', 'sudo shutdown -r +5', 'poweroff', 'systemctl reboot', 'sudo init 0', 'systemctl poweroff -i'],
    notMatch: ['shutdown -c', 'systemctl status nginx', 'systemctl restart nginx', 'sudo systemctl reload sshd', 'reboot --help', 'echo reboot'],
  },
};

// ---------------------------------------------------------------------------------------------- processes

/** The process ids `kill` is given (the signal spec removed). */
function killTargets(args: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let optionsDone = false;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!optionsDone) {
      if (a === '--') {
        optionsDone = true;
        continue;
      }
      if (a === '-s' || a === '-n' || a === '--signal') {
        i++;
        continue;
      }
      if (a === '-l' || a === '-L' || a === '--list' || a === '--table') return [];
      // the first `-X` is the signal (`-9`, `-KILL`, `-SIGKILL`); a later `-1` is a process group target
      if (a.startsWith('-') && out.length === 0 && i === 0) continue;
    }
    optionsDone = true;
    out.push(a);
  }
  return out;
}

/** Patterns that match any process name or command line. */
const MATCH_ANY = new Set(['.', '.*', '.+', '^', '$', '^.*', '.*$', '^.*$', '^.+$', '']);
const PKILL_VALUE_OPTS = ['-u', '-U', '--euid', '--uid', '--user', '-s', '--session', '--signal', '-g', '--pgroup', '-G', '--group', '-P', '--parent', '-t', '--terminal', '--ns', '--nslist', '-o', '--older-than', '-y', '--younger-than', '-F', '--pidfile'];

/** `pkill [-f] PATTERN` (a regex), `killall -r PATTERN`: the pattern when it matches every process. */
function killMatchAllPattern(inv: Invocation): string | undefined {
  if (inv.program !== 'pkill' && !(inv.program === 'killall' && (hasShort(inv.args, 'r') || hasLong(inv.args, 'regexp')))) return undefined;
  const pattern = positionals(inv.args, PKILL_VALUE_OPTS).find((p) => !/^-/.test(p));
  return pattern !== undefined && MATCH_ANY.has(pattern) ? `'${pattern}'` : undefined;
}

const killAll: CommandRule = {
  id: 'system.kill-all-processes',
  scope: 'machine',
  programs: ['kill', 'killall5', 'pkill', 'killall'],
  decision: 'deny',
  risk: 'high',
  message: 'This kills every process the user may signal — the editor, the shell, this agent and every server. Kill the processes you mean by pid or name instead.',
  match: (inv) => {
    if (inv.program === 'kill') {
      const targets = killTargets(inv.args);
      if (targets.includes('-1')) return true;
      // SIGKILL to pid 1 (init/systemd): as root the kernel panics and the machine goes down
      const sig = inv.args[0] === '-s' || inv.args[0] === '-n' ? inv.args[1] : inv.args[0];
      if (targets.includes('1') && sig !== undefined && /^-?(?:9|KILL|SIGKILL)$/i.test(sig.replace(/^-/, ''))) {
        return { message: `\`${inv.text}\` sends SIGKILL to process 1 (init): as root the kernel panics and the machine stops at once. Restart the service you mean instead.` };
      }
      return undefined;
    }
    if (inv.program === 'killall5') return true;
    // a pattern every process name matches (`pkill -9 -f .`, `killall -r '.*'`) is every process
    const matchAll = killMatchAllPattern(inv);
    if (matchAll !== undefined) return { message: `\`${inv.text}\` matches every process (the pattern ${matchAll} matches any name) — the editor, the shell, this agent and every server. Kill the processes you mean by pid or an exact name instead.` };
    // pkill -u alice / killall -u alice: every process of a user
    const user = optionValue(inv.args, ['-u', '-U', '--euid', '--uid', '--user']);
    if (user === undefined) return undefined;
    const pattern = positionals(inv.args, ['-u', '-U', '--euid', '--uid', '--user', '-s', '--signal', '-g', '--pgroup', '-G', '--group', '-P', '--parent', '-t', '--terminal', '--ns', '--nslist', '-o', '--older-than', '-y', '--younger-than'])[0];
    if (pattern !== undefined && pattern !== '.' && pattern !== '.*') return undefined;
    return { decision: 'confirm', message: `\`${inv.text}\` kills every process of user ${user}, which logs them out and stops their editors, shells and servers. Kill the processes you mean by name instead.` };
  },
  examples: {
    match: ['kill -9 -1', 'kill -KILL -1', 'kill -s KILL -1', 'kill -- -1', 'sudo killall5 -9', 'pkill -9 -u alice', 'killall -u bob', 'sudo kill -9 1', 'kill -s KILL 1', 'pkill -9 -f .', "pkill -f '.*'", "killall -r '.*'", 'pkill -KILL ^'],
    notMatch: ['kill -9 12345', 'kill -1 4242', 'kill %1', 'pkill -f "node dist/server.js"', 'killall node', 'pkill -f "vite.*5173"', "killall -r 'node.*'", 'killall .', 'pkill -u alice node', 'kill -l', 'sudo kill -HUP 1', 'kill -9 10'],
  },
};

// ---------------------------------------------------------------------------------------------- crontab, firewall

const crontabRemove: CommandRule = {
  id: 'system.crontab-remove',
  scope: 'machine',
  programs: ['crontab'],
  decision: 'confirm',
  risk: 'high',
  message: 'crontab -r deletes every scheduled job of the user at once, without a backup. Save it first (crontab -l > crontab.bak) and edit it with crontab -e instead.',
  match: (inv) => {
    if (hasShort(inv.args, 'r', { valueOpts: 'u' })) return true;
    // installing an empty crontab replaces every job just the same: `crontab /dev/null`, `echo | crontab -`
    const file = positionals(inv.args, ['-u'])[0];
    const empty = file === '/dev/null' || (file === '-' && inv.stdin?.text !== undefined && inv.stdin.text.trim() === '');
    return empty ? { message: `\`${inv.text}\` installs an empty crontab, which deletes every scheduled job of the user without a backup. Save it first (crontab -l > crontab.bak) and edit it with crontab -e instead.` } : undefined;
  },
  examples: {
    match: ['crontab -r', 'crontab -u www-data -r', 'sudo crontab -ri', 'crontab /dev/null', 'echo | crontab -', "printf '' | crontab -"],
    notMatch: ['crontab -l', 'crontab -l > crontab.bak', 'crontab -e', 'crontab -u root -l', 'crontab jobs.cron', "echo '0 * * * * make backup' | crontab -"],
  },
};

const IPTABLES = ['iptables', 'ip6tables', 'iptables-legacy', 'ip6tables-legacy', 'iptables-nft', 'ip6tables-nft'];

const firewallOff: CommandRule = {
  id: 'system.firewall-disable',
  scope: 'machine',
  programs: [...IPTABLES, 'nft', 'ufw', 'pfctl', 'firewall-cmd'],
  decision: 'confirm',
  risk: 'high',
  message: 'This removes the firewall rules (or blocks all traffic), exposing every service on this machine or cutting off remote access. Change the one rule you mean instead.',
  match: (inv) => {
    const a = inv.args;
    switch (inv.program) {
      case 'nft': {
        const words = positionals(a, ['-f', '--file', '-I', '--includepath']);
        if (words[0] === 'flush' && words[1] === 'ruleset') return { message: '`nft flush ruleset` deletes every firewall rule at once, exposing every service on this machine. Delete the one rule you mean instead.' };
        return undefined;
      }
      case 'ufw': {
        const verb = positionals(a)[0];
        if (verb === 'disable') return { message: '`ufw disable` turns the firewall off, exposing every service on this machine. Allow the one port you need instead (ufw allow <port>).' };
        if (verb === 'reset') return { message: '`ufw reset` deletes every firewall rule and turns the firewall off. Delete the one rule you mean instead.' };
        return undefined;
      }
      case 'pfctl':
        if (hasShort(a, 'd')) return { message: '`pfctl -d` turns the packet filter off, exposing every service on this machine. Change the one rule you mean instead.' };
        return optionValue(a, ['-F']) === 'all' || optionValue(a, ['-F']) === 'rules' ? { message: '`pfctl -F` deletes the packet filter rules, exposing every service on this machine. Change the one rule you mean instead.' } : undefined;
      case 'firewall-cmd':
        return hasLong(a, 'panic-on') ? { message: '`firewall-cmd --panic-on` drops all network traffic, cutting off remote access to this machine. Block only what you mean.' } : undefined;
      default: {
        if (hasFlag(a, 'F', 'flush')) return { message: `\`${inv.text}\` deletes firewall rules at once, exposing the services they protected (or cutting off access when the default policy is DROP). Delete the one rule you mean with -D instead.` };
        const policy = optionValue(a, ['-P', '--policy']);
        const i = a.findIndex((x) => x === '-P' || x === '--policy');
        if (policy !== undefined && i >= 0 && (a[i + 2] === 'DROP' || a[i + 2] === 'REJECT') && (policy === 'INPUT' || policy === 'OUTPUT')) {
          return { message: `\`${inv.text}\` blocks all ${policy === 'INPUT' ? 'incoming' : 'outgoing'} traffic not allowed by a rule, which can cut off SSH and this session. Add the allow rules first, and test with a timed rollback.` };
        }
        return undefined;
      }
    }
  },
  examples: {
    match: ['sudo iptables -F', 'iptables --flush INPUT', 'sudo nft flush ruleset', 'sudo ufw disable', 'ufw --force reset', 'iptables -P INPUT DROP'],
    notMatch: ['sudo iptables -L -n', 'sudo ufw status', 'sudo ufw allow 22/tcp', 'nft list ruleset', 'iptables -A INPUT -p tcp --dport 80 -j ACCEPT', 'iptables -P INPUT ACCEPT'],
  },
};

// ---------------------------------------------------------------------------------------------- accounts and sudo

const accounts: CommandRule = {
  id: 'system.user-account-change',
  scope: 'machine',
  programs: ['userdel', 'deluser', 'passwd', 'usermod', 'chpasswd'],
  decision: 'confirm',
  risk: 'high',
  message: 'This removes a user account or its password protection. Manage accounts yourself.',
  match: (inv) => {
    const a = inv.args;
    switch (inv.program) {
      case 'userdel':
      case 'deluser': {
        if (hasLong(a, 'help')) return undefined;
        const user = positionals(a, ['-R', '--root', '-P', '--prefix', '--conf', '-Z'])[0];
        const home = hasFlag(a, 'r', 'remove') || hasLong(a, 'remove-home') || hasLong(a, 'remove-all-files');
        return { message: `\`${inv.text}\` deletes the account${user !== undefined ? ` ${user}` : ''}${home ? ' together with its home directory and mail' : ''}; its files and access are gone. Manage accounts yourself.` };
      }
      case 'passwd':
        if (hasFlag(a, 'd', 'delete')) return { message: `\`${inv.text}\` removes the password, so the account can log in without one. Set a new password or lock the account (passwd -l) instead.` };
        return undefined;
      case 'usermod':
        // locking root out or giving someone root
        if ((hasShort(a, 'G', { valueOpts: 'cdegGlLpsu' }) || hasLong(a, 'groups')) && OPTION_GROUPS_SUDO.test(optionValue(a, ['-G', '--groups', '-aG']) ?? '')) {
          return { risk: 'medium', message: `\`${inv.text}\` gives the account administrator rights (sudo/wheel group). Grant them yourself if it is meant.` };
        }
        return undefined;
      default:
        return undefined;
    }
  },
  examples: {
    match: ['sudo userdel -r alice', 'sudo deluser --remove-home bob', 'sudo passwd -d root', 'sudo usermod -aG sudo agent'],
    notMatch: ['passwd', 'id -u', 'sudo usermod -aG docker $USER', 'getent passwd alice', 'passwd -S alice'],
  },
};
const OPTION_GROUPS_SUDO = /(?:^|,)(?:sudo|wheel|admin|root)(?:,|$)/;

const sshdStop: CommandRule = {
  id: 'system.stop-remote-access',
  scope: 'machine',
  programs: ['systemctl', 'service'],
  decision: 'confirm',
  risk: 'high',
  message: 'This stops or disables the SSH server; on a remote machine that locks everyone out. Do it yourself from a console if you mean it.',
  match: (inv) => {
    const a = positionals(inv.args, ['-H', '--host', '-M', '--machine']);
    const isSsh = (u: string | undefined): boolean => u !== undefined && SSH_UNITS.has(u.replace(SERVICE_SUFFIX, ''));
    if (inv.program === 'service') return isSsh(a[0]) && (a[1] === 'stop') ? true : undefined;
    const verb = a[0];
    if (verb !== 'stop' && verb !== 'disable' && verb !== 'mask' && verb !== 'kill') return undefined;
    return a.slice(1).some(isSsh) ? true : undefined;
  },
  examples: {
    match: ['sudo systemctl stop sshd', 'systemctl disable --now ssh', 'sudo service ssh stop', 'systemctl mask sshd.service'],
    notMatch: ['systemctl status sshd', 'sudo systemctl restart sshd', 'sudo systemctl stop nginx', 'service ssh status'],
  },
};
const SSH_UNITS = new Set(['ssh', 'sshd', 'openssh-server', 'ssh.socket', 'sshd.socket']);
const SERVICE_SUFFIX = /\.service$/;

// ---------------------------------------------------------------------------------------------- file attributes

const fileAttributes: CommandRule = {
  id: 'system.file-attributes',
  programs: ['chattr'],
  decision: 'confirm',
  risk: 'high',
  message: 'This makes system files (or the home directory, or SSH keys) immutable or append-only, or takes that protection away. Leave file attributes outside the project to an administrator.',
  match: (inv, ctx) => {
    const { adds, clears, unknownMode, recursive, targets } = chattrArgs(inv.argv);
    if (!adds && !clears && !unknownMode) return undefined;
    for (const t of onHost(inv, targets)) {
      const p = ctx.resolvePath(t, inv.cwd);
      if (p.insideWorkspace || p.isWorkspaceRoot || isTempPath(p.abs)) continue;
      // with the home directory unknown, `~/.ssh/x` expands to a dynamic `/.ssh/x`
      const ssh = ctx.home !== '' ? isWithin(p.abs, ctx.home + '/.ssh') : t.dynamic && /^\/\.ssh(?:\/|$)/.test(t.value);
      const system = p.abs === '/' || underSystem(p.abs);
      if (!system && !p.isHome && !ssh && !(t.dynamic && recursive)) continue;
      const what = p.abs === '/' ? 'every file on the machine' : p.isHome ? 'the home directory' : t.dynamic && !system ? 'a path only known when it runs' : p.abs;
      if (adds && recursive && (p.abs === '/' || (p.isSystem && !USER_OWNED_SYSTEM_DIRS.has(p.abs)))) {
        return { decision: 'deny', risk: 'critical', message: `\`${inv.text}\` makes everything under ${what} immutable or append-only: package updates, logins, logs and root itself fail to change those files until each is cleared again with chattr. Never part of a coding task.`, target: p.abs };
      }
      if (unknownMode && !adds && !clears) return { message: `\`${inv.text}\` changes the attributes of ${what}${recursive ? ' and everything in it' : ''} in a way only known when it runs: it may make it immutable or append-only, or take that protection off. Leave this to an administrator.`, target: p.abs };
      return adds
        ? { message: `\`${inv.text}\` makes ${what}${recursive ? ' and everything in it' : ''} immutable or append-only: updates and the tools that write it fail, even as root, until someone finds the attribute. Leave this to an administrator.`, target: p.abs }
        : { message: `\`${inv.text}\` takes the immutable / append-only protection off ${what}${recursive ? ' and everything in it' : ''}, which an administrator set so that nothing changes it. Leave this to an administrator.`, target: p.abs };
    }
    return undefined;
  },
  examples: {
    match: ['chattr +i /etc/passwd', 'sudo chattr -i /etc/resolv.conf', 'chattr -R +i /usr', 'chattr +a /var/log/syslog', 'chattr -i ~/.ssh/authorized_keys', 'chattr -R -i ~', 'docker run -v /etc:/host-etc alpine chattr +i /host-etc/hosts', 'chattr "+$A" /etc/passwd', 'chattr "$MODE" /etc/shadow'],
    notMatch: ['chattr "+$A" build/release.lock', 'lsattr /etc/passwd', 'chattr +i build/release.lock', 'chattr -R +C /tmp/db', 'chattr +C ~/vm-images', 'chattr -i /tmp/x.lock', 'docker run alpine chattr +i /etc/passwd'],
  },
};

// ---------------------------------------------------------------------------------------------- mounts

const MOUNT_VALUE_OPTS = ['-t', '--types', '-o', '--options', '-O', '--test-opts', '-L', '--label', '-U', '--uuid', '-T', '--fstab', '-N', '--namespace', '--source', '--target', '--target-prefix', '--map-users', '--map-groups'];
const UMOUNT_VALUE_OPTS = ['-t', '--types', '-O', '--test-opts', '-N', '--namespace'];

/** Where a mount lands that matters: `/`, a system directory or something in one, the home directory. */
function mountPlace(p: ResolvedPath): 'root' | 'system' | 'home' | undefined {
  if (p.dynamic) return undefined;
  if (p.abs === '/') return 'root';
  if (underSystem(p.abs) || p.isSystem) return 'system';
  return p.isHome ? 'home' : undefined;
}

const mountChange: CommandRule = {
  id: 'system.mount-change',
  scope: 'machine',
  programs: ['mount', 'umount'],
  decision: 'confirm',
  risk: 'high',
  message: 'This mounts over, remounts or unmounts `/`, a system directory or the home directory: what programs find there changes for the whole machine. Leave mounts to an administrator.',
  match: (inv, ctx) => {
    const args = inv.args;
    if (inv.program === 'umount') {
      if (hasFlag(args, 'a', 'all')) return { message: `\`${inv.text}\` unmounts every file system it can, system ones included. Unmount the one you mean by its mount point.` };
      for (const t of positionalArgs(inv.argv, UMOUNT_VALUE_OPTS)) {
        const place = mountPlace(ctx.resolvePath(t, inv.cwd));
        if (place === 'root') return { decision: 'deny', risk: 'critical', message: `\`${inv.text}\` unmounts the root file system: every program loses its files and the machine stops working. Never part of a coding task.`, target: '/' };
        if (place !== undefined) return { message: `\`${inv.text}\` unmounts ${t.value}: the files programs expect there disappear until it is mounted again. Leave mounts to an administrator.` };
      }
      return undefined;
    }
    const options = optionValues(args, ['-o', '--options']).join(',').split(',');
    const remount = options.includes('remount');
    const bind = options.includes('bind') || options.includes('rbind') || hasExact(args, '--bind', '-B', '--rbind', '-R', '--move', '-M');
    const pos = positionalArgs(inv.argv, MOUNT_VALUE_OPTS);
    const targetOpt = optionValue(args, ['--target']);
    const target = targetOpt !== undefined ? { value: targetOpt, dynamic: false, glob: false } : pos[pos.length - 1];
    // `mount`, `mount -a`, `mount -l`: lists or mounts what fstab says
    if (target === undefined || (pos.length < 2 && targetOpt === undefined && !remount)) return undefined;
    const place = mountPlace(ctx.resolvePath(target, inv.cwd));
    if (remount) {
      const where = place === 'root' ? 'the root file system' : target.value;
      return place === undefined
        ? { risk: 'medium', message: `\`${inv.text}\` changes how ${where} is mounted (read-only, noexec…) for the whole machine. Leave mounts to an administrator.` }
        : { message: `\`${inv.text}\` remounts ${where} with other options: read-only breaks every program that writes there, read-write undoes a protection. Leave mounts to an administrator.` };
    }
    if (place === undefined) return undefined;
    return { message: `\`${inv.text}\` ${bind ? 'puts other files over' : 'mounts a file system over'} ${place === 'root' ? '/' : target.value}: the files programs expect there are hidden until it is unmounted. Leave mounts to an administrator.` };
  },
  examples: {
    match: ['sudo mount --bind /tmp/x /etc', 'mount -o remount,rw /', 'mount -o remount,ro /usr', 'umount /boot', 'umount -l /', 'sudo mount /dev/sdb1 /usr/local', 'mount -o bind ./fake-hosts /etc/hosts', 'umount -a'],
    notMatch: ['mount', 'mount | grep sda', 'mount -l', 'sudo mount /dev/sdb1 /mnt/usb', 'mount --bind ./src ./mnt/src', 'umount /mnt/usb', 'findmnt /', 'mount -a', 'docker run -v /:/host alpine umount /host/boot'],
  },
};


export const systemPack: RulePack = {
  name: 'system',
  description: 'The machine itself: raw disk writes, formatting and partitioning, permissions and file attributes of system trees, mounts, kernel settings, shutdown, killing every process, crontab, firewall, accounts and sudoers.',
  rules: [writeBlockDevice, sysrqTrigger, formatDisk, destroyVolume, networkDown, partitionTable, recursivePermissions, worldWritableSystem, setIdGrant, permissionLockout, fileAttributes, mountChange, kernelSetting, overwriteSshKey, removeSystemPackage, shutdown, killAll, crontabRemove, firewallOff, accounts, sudoers, sshdStop],
};
