/**
 * The guard the hook judges with, created only when a call needs judging (reads and unknown tools do not):
 * the built-in rules plus the user and workspace policies found from the call's location. A broken policy
 * file does not fail open — the loader sets `loadError` and the core then asks before every write.
 */
import { homeDirectory } from '../homeDirectory';
import type { Guard } from '../../core/api';
import { createGuard } from '../../core/index';
import { loadPolicy } from '../policy/load';

export interface HookGuard {
  readonly guard: Guard;
  /** The workspace root the policy belongs to (the folder holding `.vscode/agent-guard.json` when one was found). */
  readonly root: string;
}

export function hookGuard(cwd: string, root: string, env: Readonly<Record<string, string | undefined>>): HookGuard {
  const home = homeDirectory();
  const loaded = loadPolicy({
    cwd,
    root,
    env,
    home,
    // only errors, once per tool call, on stderr (which agents show to the person, not to the model)
    reportWarnings: false,
  });
  return { guard: createGuard({ policy: loaded.policy, home }), root: loaded.root };
}
