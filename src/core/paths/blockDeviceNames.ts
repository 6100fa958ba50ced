/**
 * Could a glob under /dev name a disk? `dd of=/dev/sd?`, `tee /dev/nvme*` and `> /dev/sd[a-c]` are written to
 * reach whichever disk the glob finds. A glob and the block-device pattern are both regular, but intersecting them
 * exactly is more machinery than the question needs: the glob is tested against the names disks really get
 * (every drive letter, the first controllers and partitions), and a glob that could name one is judged as naming it.
 */
import { globCouldName, globNamer } from './globReach';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PARTITIONS = ['', ...DIGITS.slice(1), '10', '11', '12'];

/** The device names disks get, made once on first need. */
function diskNames(): readonly string[] {
  const names: string[] = [];
  for (const family of ['sd', 'hd', 'vd', 'xvd']) {
    for (const letter of LETTERS) for (const part of PARTITIONS) names.push(`/dev/${family}${letter}${part}`);
  }
  for (const n of DIGITS) {
    for (const ns of ['1', '2']) for (const part of PARTITIONS) names.push(`/dev/nvme${n}n${ns}${part === '' ? '' : 'p' + part}`);
    names.push(`/dev/nvme${n}`);
    for (const part of PARTITIONS) names.push(`/dev/mmcblk${n}${part === '' ? '' : 'p' + part}`);
    for (const part of PARTITIONS) names.push(`/dev/disk${n}${part === '' ? '' : 's' + part}`, `/dev/rdisk${n}${part === '' ? '' : 's' + part}`);
    names.push(`/dev/md${n}`, `/dev/dm-${n}`, `/dev/loop${n}`, `/dev/sr${n}`);
  }
  names.push('/dev/root');
  return names;
}

let cachedNames: readonly string[] | undefined;

/** Folders under /dev whose every entry is a disk or a partition (`/dev/mapper/*`, `/dev/disk/by-id/*`). */
const DISK_FOLDERS = ['/dev/mapper', '/dev/disk/by-id', '/dev/disk/by-uuid', '/dev/disk/by-label', '/dev/disk/by-path', '/dev/disk/by-partuuid', '/dev/disk/by-partlabel', '/dev/disk/by-diskseq'];

/** True when the absolute glob `pattern` could name a block device. */
export function globCouldNameBlockDevice(pattern: string): boolean {
  if (!pattern.startsWith('/dev/')) return false;
  const depth = pattern.split('/').filter((s) => s !== '' && s !== '.').length;
  const last = pattern.slice(pattern.lastIndexOf('/') + 1);
  // an entry of a disk folder: any entry name could be a disk's, but a hidden one (`.x`) is not a device
  if (!last.startsWith('.') && DISK_FOLDERS.some((folder) => depth === folder.split('/').length && globCouldName(pattern, folder, true))) return true;
  const names = globNamer(pattern);
  cachedNames ??= diskNames();
  return cachedNames.some(names);
}
