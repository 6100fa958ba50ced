/**
 * The system pack's rules that look at every program, because any program can write where they look: raw disk
 * devices, /proc/sysrq-trigger, kernel settings under /proc/sys, sudoers. They live apart from the rest of the
 * pack so that judging any command loads only them, not the whole system pack (registry.ts); the pack lists them
 * in its own order (system.ts).
 */
import type { Arg, Invocation } from '../../invocation';
import type { RuleContext } from '../context';
import type { CommandRule } from '../rule';
import { hasFlag, hasLong, hasShort, positionalArgs, positionals } from '../args';
import { fileEffects } from '../../effects';
import { globCouldName, globBelow } from '../../paths/globReach';
import { globCouldNameBlockDevice } from '../../paths/blockDeviceNames';
import { resolve } from '../../paths/posix';

/**
 * An unquoted glob target as the absolute pattern bash expands (`/proc/s?s/kernel/x`), or undefined for a word
 * without one. Bash expands globs in redirect targets and arguments alike, so a glob that could name a watched
 * place is judged as naming it.
 */
function globPattern(t: Arg, cwd: string | undefined, root: string): string | undefined {
  if (!t.glob || t.value.startsWith('~')) return undefined;
  return resolve(cwd ?? root, t.value);
}

/** Block devices: whole disks and partitions on Linux and macOS, device-mapper and LVM nodes. */
const BLOCK_DEVICE = /^\/dev\/(?:(?:sd|hd|vd|xvd)[a-z]+[0-9]*|nvme[0-9]+(?:n[0-9]+)?(?:p[0-9]+)?|mmcblk[0-9]+(?:p[0-9]+)?|r?disk[0-9]+(?:s[0-9]+)*|md[0-9]+|dm-[0-9]+|mapper\/.+|loop[0-9]+|disk\/by-[a-z-]+\/.+|root|sr[0-9]+|[a-z0-9_-]+vg[a-z0-9_-]*\/.+)$/;

export function isBlockDevice(path: string): boolean {
  return BLOCK_DEVICE.test(path);
}

const WRITE_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

/**
 * The disk a target names: a device path as written, or an unquoted glob that could name one (`/dev/sd?`,
 * `/dev/nvme*`), judged as naming it. `dd of=/dev/sd?` is taken so too: dd itself does not expand it, but whoever
 * writes it means whichever disk it finds.
 */
function blockDeviceNamed(t: Arg, inv: Invocation, ctx: RuleContext): string | undefined {
  const pattern = globPattern(t, inv.cwd, ctx.root);
  if (pattern !== undefined) return globCouldNameBlockDevice(pattern) ? pattern : undefined;
  return isBlockDevice(t.value) ? t.value : undefined;
}

/** Where an invocation writes raw bytes to a block device: `dd of=`, a redirect, `cp`/`tee`/`shred` targets. */
function blockDeviceTarget(inv: Invocation, ctx: RuleContext): string | undefined {
  const named = (t: Arg | undefined): string | undefined => (t === undefined ? undefined : blockDeviceNamed(t, inv, ctx));
  for (const r of inv.redirects) {
    // any descriptor: `2> /dev/sda` writes error messages over the partition table, `exec 3>/dev/sda` opens it for later writes
    if (!WRITE_OPS.has(r.op)) continue;
    const dev = named(r.target);
    if (dev !== undefined) return dev;
  }
  switch (inv.program) {
    case 'dd':
      for (const a of inv.argv) {
        const dev = a.value.startsWith('of=') ? named({ ...a, value: a.value.slice(3) }) : undefined;
        if (dev !== undefined) return dev;
      }
      return undefined;
    case 'cp': {
      const pos = positionalArgs(inv.argv, ['-t', '--target-directory', '-S', '--suffix']);
      return pos.length >= 2 ? named(pos[pos.length - 1]) : undefined;
    }
    case 'tee':
    case 'shred':
    case 'blkdiscard':
    case 'badblocks':
      if (inv.program === 'badblocks' && !hasShort(inv.args, 'w')) return undefined;
      for (const t of positionalArgs(inv.argv, ['-n', '--iterations', '-s', '--size', '-o', '--offset', '-l', '--length', '-p', '-b', '-c', '-t'])) {
        const dev = named(t);
        if (dev !== undefined) return dev;
      }
      return undefined;
    default:
      return undefined;
  }
}

const writeBlockDevice: CommandRule = {
  id: 'system.write-block-device',
  scope: 'machine',
  programs: ['*'],
  decision: 'deny',
  risk: 'critical',
  message: 'This writes straight onto a disk device, destroying the partition table and every file system on it. Write to an image file instead, and flash disks yourself after checking the device name.',
  match: (inv, ctx) => {
    const dev = blockDeviceTarget(inv, ctx);
    if (dev === undefined) return undefined;
    return { message: `This writes straight onto the disk device ${dev}, destroying its partition table and every file on it; there is no undo. Write to an image file instead, and flash disks yourself after checking the device name (lsblk).` };
  },
  examples: {
    match: ['dd if=/dev/zero of=/dev/sda bs=1M', 'dd if=/dev/urandom of=/dev/nvme0n1', 'sudo dd if=ubuntu.iso of=/dev/sdb bs=4M status=progress', 'cat /dev/urandom > /dev/sda', 'echo garbage > /dev/sda', 'dd if=disk.img of=/dev/rdisk2 bs=1m', 'shred -n 3 /dev/sdb', 'cp image.iso /dev/sdc', 'dd if=/dev/zero of=/dev/sd?', 'dd if=/dev/zero of=/dev/nvme*', 'echo x > /dev/sd[a-c]', 'cat /dev/zero | sudo tee /dev/mapper/*'],
    notMatch: ['dd if=/dev/zero of=disk.img bs=1M count=100', 'dd if=/dev/sda of=backup.img', 'echo hi > /dev/null', 'npm test > /tmp/log 2>&1', 'cat /dev/sda1 | head -c 512 | xxd', 'lsblk', 'echo "dd of=/dev/sda"', 'dd if=x.img of=./out?', 'echo x > /dev/tty*', 'ls /dev/sd?', 'dd if=/dev/zero of=/dev/null*', "dd if=/dev/zero of='/dev/sd?'"],
  },
};

/** The kernel control file whose every write acts at once: `b` reboots, `c` crashes, `o` powers off. */
const KERNEL_TRIGGERS = /^\/proc\/sysrq-trigger$/;
const SYSRQ_TRIGGER = '/proc/sysrq-trigger';

const sysrqTrigger: CommandRule = {
  id: 'system.sysrq-trigger',
  scope: 'machine',
  programs: ['*'],
  decision: 'deny',
  risk: 'critical',
  message: 'Writing to /proc/sysrq-trigger makes the kernel act at once — reboot, crash or power off without syncing disks — and unsaved work is lost. Restart the service you mean instead.',
  match: (inv, ctx) => {
    const names = (t: Arg): boolean => {
      const pattern = globPattern(t, inv.cwd, ctx.root);
      return pattern !== undefined ? globCouldName(pattern, SYSRQ_TRIGGER, false) : KERNEL_TRIGGERS.test(t.value);
    };
    for (const r of inv.redirects) if (WRITE_OPS.has(r.op) && names(r.target)) return true;
    return inv.program === 'tee' && positionalArgs(inv.argv).some(names) ? true : undefined;
  },
  examples: {
    match: ['echo b > /proc/sysrq-trigger', 'echo c | sudo tee /proc/sysrq-trigger', 'echo 1 > /proc/sys/kernel/sysrq; echo o > /proc/sysrq-trigger', 'echo b > /proc/sysrq-trigge?', 'echo c | tee /proc/sysrq*'],
    notMatch: ['cat /proc/sys/kernel/sysrq', 'cat /proc/cpuinfo', 'echo b > sysrq-trigger.txt', 'echo b > /proc/sysrq-trigger.d/*.txt', 'cat /proc/sysrq*'],
  },
};

const SUDOERS = /^\/etc\/sudoers(?:$|\.d\/)/;

/** `/etc/sudoers`, `/etc/sudoers.d/x`, or a glob that could name one (`/etc/sudoer?`, `/etc/sudoers.d/*`). */
function namesSudoers(t: Arg, inv: Invocation, ctx: RuleContext): boolean {
  const pattern = globPattern(t, inv.cwd, ctx.root);
  if (pattern !== undefined) return globCouldName(pattern, '/etc/sudoers', false) || globCouldName(pattern, '/etc/sudoers.d', true);
  return SUDOERS.test(ctx.resolvePath(t, inv.cwd).abs);
}

function touchesSudoers(inv: Invocation, ctx: RuleContext): boolean {
  for (const r of inv.redirects) {
    if (WRITE_OPS.has(r.op) && namesSudoers(r.target, inv, ctx)) return true;
  }
  if (inv.program === 'echo' || inv.program === 'printf' || inv.program === 'cat') return false;
  const ops = positionalArgs(inv.argv, ['-e', '--expression', '-f', '--file', '-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix']);
  const writes = inv.program === 'tee' ? ops : inv.program === 'sed' ? (hasFlag(inv.args, 'i', 'in-place') || inv.args.some((x) => x.startsWith('-i')) ? ops : []) : ops.slice(-1);
  return writes.some((t) => namesSudoers(t, inv, ctx));
}

const sudoers: CommandRule = {
  id: 'system.sudoers-change',
  scope: 'machine',
  programs: ['*'],
  decision: 'confirm',
  risk: 'critical',
  message: 'This changes who may run commands as root (sudoers). A mistake can lock everyone out of sudo, and a NOPASSWD line gives an agent root without asking. Edit it yourself with visudo.',
  match: (inv, ctx) => {
    if (inv.program === 'visudo') return hasShort(inv.args, 'c') ? undefined : { risk: 'high', message: 'visudo edits who may run commands as root; a mistake can lock everyone out of sudo. Edit it yourself.' };
    if (inv.redirects.length === 0 && !SUDOERS_PROGRAMS.has(inv.program)) return undefined;
    return touchesSudoers(inv, ctx) ? true : undefined;
  },
  examples: {
    match: ['echo "agent ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoer?', 'echo "x ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/[a]gent', 'echo "agent ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoers', 'echo "x ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers', 'sudo cp sudoers.new /etc/sudoers.d/agent', "sudo sed -i 's/^%sudo.*/%sudo ALL=(ALL) NOPASSWD:ALL/' /etc/sudoers", 'sudo visudo'],
    notMatch: ['echo x > /etc/sudo*.bak', 'sudo cp notes.txt /etc/sudoers.d.bak/*', 'sudo visudo -c', 'sudo cat /etc/sudoers', 'grep -r NOPASSWD /etc/sudoers.d', 'echo "/etc/sudoers" > notes.txt'],
  },
};
const SUDOERS_PROGRAMS = new Set(['tee', 'cp', 'mv', 'install', 'sed', 'ln', 'rsync', 'visudo']);

// ---------------------------------------------------------------------------------------------- kernel settings

/** Kernel settings whose change weakens the machine's defences or lets a program run as root (`core_pattern`). */
const GUARDING_SETTING = /^(?:kernel\.(?:randomize_va_space|yama\.ptrace_scope|kptr_restrict|dmesg_restrict|modules_disabled|kexec_load_disabled|unprivileged_bpf_disabled|unprivileged_userns_clone|perf_event_paranoid|core_pattern|sysrq|panic\w*)|fs\.(?:protected_\w+|suid_dumpable)|vm\.mmap_min_addr|user\.max_user_namespaces|net\.ipv4\.ip_forward|net\.ipv[46]\.conf\.[\w.-]+\.(?:forwarding|rp_filter|accept_redirects|send_redirects|accept_source_route))$/;

const SYSCTL_VALUE_OPTS = ['-r', '--pattern'];

/**
 * The kernel settings an invocation changes: `sysctl [-w] k=v`, `sysctl -p|-f FILE`, writes under /proc/sys (also
 * through a glob that could name a file there: `> /proc/s?s/kernel/x`).
 */
function changedSettings(inv: Invocation, ctx: RuleContext): { readonly keys: readonly string[]; readonly fromFiles: boolean } | undefined {
  const keys: string[] = [];
  if (inv.program === 'sysctl') {
    for (const a of positionals(inv.args, SYSCTL_VALUE_OPTS)) {
      const eq = a.indexOf('=');
      if (eq > 0) keys.push(a.slice(0, eq).replace(/\//g, '.'));
    }
    // `-f` is procps' other spelling of `-p` (load settings from a file)
    const fromFiles = hasFlag(inv.args, 'p', 'load') || hasShort(inv.args, 'f') || inv.args.some((a) => a.startsWith('--load=')) || hasLong(inv.args, 'system');
    if (keys.length > 0 || fromFiles) return { keys, fromFiles };
  }
  const written: Arg[] = [];
  for (const r of inv.redirects) if (WRITE_OPS.has(r.op)) written.push(r.target);
  for (const e of fileEffects(inv)) if (e.op === 'write') written.push(e.target);
  for (const t of written) {
    const pattern = globPattern(t, inv.cwd, ctx.root);
    if (pattern !== undefined) {
      if (globCouldName(pattern, '/proc/sys', true)) keys.push(globBelow(pattern, '/proc/sys').replace(/\//g, '.'));
      continue;
    }
    if (!t.value.includes('sys') && !(inv.cwd?.startsWith('/proc') ?? false)) continue;
    const abs = ctx.resolvePath(t, inv.cwd).abs;
    if (abs.startsWith('/proc/sys/')) keys.push(abs.slice(10).replace(/\//g, '.'));
  }
  return keys.length > 0 ? { keys, fromFiles: false } : undefined;
}

const kernelSetting: CommandRule = {
  id: 'system.kernel-setting',
  scope: 'machine',
  programs: ['*'],
  decision: 'confirm',
  risk: 'medium',
  message: 'This changes a setting of the running kernel (sysctl, /proc/sys) for the whole machine. Leave kernel settings to an administrator.',
  match: (inv, ctx) => {
    if (inv.program !== 'sysctl' && inv.redirects.length === 0 && fileEffects(inv).length === 0) return undefined;
    const changed = changedSettings(inv, ctx);
    if (changed === undefined) return undefined;
    const guarding = changed.keys.find((k) => GUARDING_SETTING.test(k));
    if (guarding !== undefined) return { risk: 'high', message: `\`${inv.text}\` changes the kernel setting ${guarding}, one of the machine's defences (address randomisation, ptrace and module limits, forwarding, core dump handler…), for every program on it. Leave kernel settings to an administrator.` };
    const what = changed.keys.length > 0 ? `the kernel setting ${changed.keys.join(', ')}` : 'kernel settings from configuration files';
    return { message: `\`${inv.text}\` changes ${what} of the running kernel for the whole machine. Leave kernel settings to an administrator.` };
  },
  examples: {
    match: ['sysctl -w kernel.randomize_va_space=0', 'sudo sysctl kernel.yama.ptrace_scope=0', 'sysctl -w vm.max_map_count=262144', 'sudo sysctl -p', 'sysctl --system', 'echo 0 > /proc/sys/kernel/randomize_va_space', 'echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward', 'sysctl -w net/ipv4/ip_forward=1', 'echo 0 > /proc/s?s/kernel/randomize_va_space', 'echo 1 | tee /proc/sy[s]/net/ipv4/ip_forward', 'echo 0 > /proc/*/kernel/yama/ptrace_scope', 'sudo sysctl -f /etc/sysctl.d/99-custom.conf'],
    notMatch: ['sysctl -a', 'sysctl net.ipv4.ip_forward', 'sysctl -n kernel.hostname', 'cat /proc/sys/kernel/randomize_va_space', 'echo sysctl -w kernel.x=1', 'docker run --rm alpine sysctl -w net.core.somaxconn=1024', 'echo 1 > sys/flag.txt', 'cat /proc/s?s/kernel/randomize_va_space', 'echo 1 > /proc/s?s.txt', 'echo x > /proc/sysinfo*/a', 'echo 1 > logs/sy[s]/x'],
  },
};

/** The rules above in the order the system pack lists them (a unit test checks it). */
export const SYSTEM_EVERYWHERE_RULES: readonly CommandRule[] = [writeBlockDevice, sysrqTrigger, kernelSetting, sudoers];

export { writeBlockDevice, sysrqTrigger, kernelSetting, sudoers };
