/** Invocations from command text through the real parser and unwrapper, as the evaluator sees them. */
import { walkCommand } from '../../../src/core/unwrap/walk';
import type { Invocation } from '../../../src/core/invocation';

export const WS = '/work/ws';
export const HOME = '/home/dev';

export function invocations(command: string, options: { cwd?: string; env?: Record<string, string> } = {}): Invocation[] {
  const result = walkCommand(command, { cwd: options.cwd ?? WS, root: WS, home: HOME, env: options.env ?? {}, readFile: undefined });
  return result.invocations;
}

/** The single (last) program the command runs, e.g. `terraform` in `sudo -E terraform apply`. */
export function invocation(command: string, options: { cwd?: string; env?: Record<string, string> } = {}): Invocation {
  const all = invocations(command, options);
  const last = all[all.length - 1];
  if (last === undefined) throw new Error(`no invocation in ${command}`);
  return last;
}
