/**
 * From the protection check's findings to what the editor says: the one-line `detail` of the ledger's
 * "unprotected" state, and which problems are new since the last check (one notification per new problem, never
 * a reminder for one the person has already been told about). No `vscode` import: unit-tested directly.
 */
import type { HookCheck } from '../../cli/install/protection';

const WHAT: Record<HookCheck['status'], string> = {
  ok: 'protected',
  'not-installed': 'not installed',
  removed: 'hook removed',
  changed: 'hook changed',
  unresolvable: 'hook program missing',
  skipped: 'hook skipped by the agent',
  unreadable: 'hook config unreadable',
};

/** Identity of a problem: the same agent, scope, file and kind of breakage. */
export function problemKey(c: HookCheck): string {
  return `${c.agent}\u0000${c.scope}\u0000${c.file}\u0000${c.status}`;
}

/** `Claude Code (workspace): hook removed`. */
export function describeCheck(c: HookCheck): string {
  return `${c.name} (${c.scope}): ${WHAT[c.status]}`;
}

/** The ledger's detail for a set of broken hooks (VS Code and Copilot CLI sharing a file count once). */
export function unprotectedDetail(broken: readonly HookCheck[]): string {
  const lines = [...new Set(broken.map(describeCheck))];
  return lines.length <= 2 ? lines.join('; ') : `${lines.slice(0, 2).join('; ')} and ${lines.length - 2} more`;
}

/**
 * Remembers which problems the person has been told about. `next` returns the broken checks not told yet and
 * forgets problems that went away, so one that comes back later is told again.
 */
export class ProblemMemory {
  private told = new Set<string>();

  next(broken: readonly HookCheck[]): HookCheck[] {
    const now = new Set(broken.map(problemKey));
    this.told = new Set([...this.told].filter((k) => now.has(k)));
    const fresh = broken.filter((c) => !this.told.has(problemKey(c)));
    for (const c of fresh) this.told.add(problemKey(c));
    return fresh;
  }
}
