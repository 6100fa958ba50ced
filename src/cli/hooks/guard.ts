/**
 * The guard the hook judges with, created only when a call needs judging (reads and unknown tools do not):
 * the built-in rules plus the user and workspace policies found from the call's location. A broken policy
 * file does not fail open — the loader sets `loadError` and the core then asks before every write.
 */
import type { Guard } from '../../core/api';
import { createGuard } from '../../core/index';
import { loadPolicy } from '../policy/load';

export interface HookGuard {
  readonly guard: Guard;
  /** The workspace root the policy belongs to (the folder holding `.vscode/agent-guard.json` when one was found). */
  readonly root: string;
}

/** What the guard needs from the hook's process: its environment, home, working directory and stderr. */
export interface HookGuardIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly processCwd: string;
  readonly warn: (text: string) => void;
}

export function hookGuard(cwd: string, root: string, io: HookGuardIo): HookGuard {
  const home = io.home;
  const loaded = loadPolicy({
    cwd,
    root,
    env: io.env,
    home,
    displayBase: io.processCwd,
    // only errors, once per tool call, on stderr (which agents show to the person, not to the model)
    report: (line) => io.warn(line + '\n'),
    reportWarnings: false,
  });
  return { guard: createGuard({ policy: loaded.policy, home }), root: loaded.root };
}
