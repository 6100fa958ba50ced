/**
 * The guard the hook judges with: created only when a call needs judging (reads and unknown tools do not),
 * with the policy for the workspace root.
 */
import * as os from 'node:os';
import type { Guard } from '../../core/api';
import { createGuard } from '../../core/index';

export function hookGuard(_root: string): Guard {
  return createGuard({ home: os.homedir() });
}
