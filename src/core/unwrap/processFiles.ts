/**
 * Files under /proc, /dev and /sys are views of processes and devices, not files with a fixed text: what the
 * shell would read at `/proc/self/cwd/x.sh` or `/dev/fd/3` is relative to the shell's own process, and what the
 * guard reads there relative to the guard's (another working directory, other open files), so neither "missing"
 * nor the text read there says what would run. `/proc/self/root/<workspace>/x.sh` is a workspace file under
 * another name. A script named so is a script nobody can read beforehand.
 */
import { isWithin } from '../paths/posix';

const VIEWS = ['/proc', '/dev', '/sys'];

export function isProcessView(abs: string): boolean {
  return VIEWS.some((d) => isWithin(abs, d));
}
