/**
 * A file-editing tool aimed at a device or a kernel file (`/dev/sda`, `/proc/sys/kernel/…`, `/sys/…`). Shell
 * redirects there are judged by the system rules (a disk, sysrq) and `/dev/null` is ordinary; an edit tool has no
 * ordinary reason to write, delete or rename anything there, and writing a disk through one destroys it just the same.
 */
import { isHarmlessDevice, isInTempArea } from './paths/resolve';
import type { EditOp } from './policy/types';
import type { Reason } from './verdict';

const KERNEL_TREES = ['/dev/', '/proc/', '/sys/'];

export function deviceEditReason(abs: string, op: EditOp, shown: string): Reason | undefined {
  if (!KERNEL_TREES.some((t) => abs.startsWith(t)) || isHarmlessDevice(abs) || isInTempArea(abs)) return undefined;
  const verb = op === 'delete' ? 'Deleting' : op === 'rename' ? 'Moving' : 'Writing';
  return {
    rule: 'fs.write-outside-workspace',
    message: `${verb} ${abs} with a file-editing tool acts on a device or on the kernel, not on a file: a disk is overwritten, a kernel setting changed. An agent's edit has no reason to go there.`,
    command: shown,
    decision: 'deny',
    risk: 'high',
  };
}
