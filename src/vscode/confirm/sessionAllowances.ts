/**
 * "Allow for This Session": the person's permission for one agent to do the same thing again in the same folder
 * without asking, until the window closes. "The same thing" is deliberately narrow — the same agent, the same
 * commands (with their working directories) or paths, and the same rules firing — so an allowance never covers
 * a different command that happens to trip the same rule. Never offered for critical actions or production
 * targets. No `vscode` import: unit-tested directly.
 */
import type { GuardedAction, Verdict } from '../../shared/bridgeProtocol';

/** What identifies a request for an allowance (a subset of the bridge's ConfirmRequest). */
export interface AllowanceSubject {
  readonly root: string;
  readonly agent: string;
  readonly actions: readonly GuardedAction[];
  readonly verdict: Verdict;
}

/** Whether "Allow for This Session" may be offered: nothing critical, no production (typed) target. */
export function sessionAllowanceOffered(verdict: Verdict): boolean {
  if (verdict.typedConfirmation !== undefined || verdict.risk === 'critical') return false;
  return verdict.reasons.every((r) => r.risk !== 'critical' && r.target === undefined);
}

function actionKey(a: GuardedAction): string {
  switch (a.kind) {
    case 'command':
      return `command\u0000${a.cwd}\u0000${a.command}`;
    case 'edit':
      return `edit\u0000${a.op}\u0000${a.path}`;
    case 'tool':
      return `tool\u0000${a.tool}\u0000${a.summary}`;
  }
}

export function allowanceKey(s: AllowanceSubject): string {
  const rules = [...new Set(s.verdict.reasons.map((r) => r.rule))].sort();
  return JSON.stringify([s.root, s.agent, s.actions.map(actionKey), rules]);
}

export class SessionAllowances {
  private readonly keys = new Set<string>();

  /** Adds an allowance; refused (false) for what may not be allowed for a session. */
  add(s: AllowanceSubject): boolean {
    if (!sessionAllowanceOffered(s.verdict)) return false;
    this.keys.add(allowanceKey(s));
    return true;
  }

  covers(s: AllowanceSubject): boolean {
    return sessionAllowanceOffered(s.verdict) && this.keys.has(allowanceKey(s));
  }

  get size(): number {
    return this.keys.size;
  }

  clear(): void {
    this.keys.clear();
  }
}
