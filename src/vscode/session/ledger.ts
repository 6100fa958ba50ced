/**
 * The session's memory of judged actions: what the status bar shows (risk, counts, last decisions, whether the
 * guard is protecting at all) and what the audit log persists. Every feature records into the one ledger;
 * readers subscribe. No `vscode` import, so it is unit-tested directly.
 */
import { higherRisk, type Risk } from '../../core/verdict';
import type { DecisionRecord } from './decisionRecord';

/**
 * Whether agents are actually stopped right now:
 * - `protected`: hooks wired, nothing paused;
 * - `paused`: the circuit breaker tripped; risky actions are denied until the person resumes;
 * - `unprotected`: a hook was removed or changed, its binary no longer resolves, or a trust switch makes an
 *   agent skip it (`detail` says which; repair is offered).
 */
export type ProtectionState =
  | { readonly kind: 'protected' }
  | { readonly kind: 'paused'; readonly detail: string }
  | { readonly kind: 'unprotected'; readonly detail: string };

export interface LedgerSnapshot {
  /** Highest risk among actions the guard did not simply allow this session (`none` when there were none). */
  readonly risk: Risk;
  /** Actions held for a confirmation (by the person or the agent's own prompt) this session. */
  readonly held: number;
  readonly denied: number;
  /** Newest first, at most {@link RECENT_LIMIT}. */
  readonly recent: readonly DecisionRecord[];
  readonly protection: ProtectionState;
}

export const RECENT_LIMIT = 10;

type Listener<T> = (value: T) => void;

export class Ledger {
  private risk: Risk = 'none';
  private held = 0;
  private denied = 0;
  private recent: DecisionRecord[] = [];
  private protection: ProtectionState = { kind: 'protected' };
  private readonly recordListeners = new Set<Listener<DecisionRecord>>();
  private readonly changeListeners = new Set<Listener<LedgerSnapshot>>();

  record(entry: DecisionRecord): void {
    if (entry.outcome === 'explained') {
      // asked about, not done: logged for the audit, but no part of the session's risk, counts or last decisions
      for (const listener of this.recordListeners) listener(entry);
      return;
    }
    if (entry.decision !== 'allow') this.risk = higherRisk(this.risk, entry.risk);
    if (entry.outcome === 'denied') this.denied++;
    else if (entry.decision === 'confirm' && entry.source === 'hook') this.held++;
    this.recent = [entry, ...this.recent].slice(0, RECENT_LIMIT);
    for (const listener of this.recordListeners) listener(entry);
    this.changed();
  }

  setProtection(state: ProtectionState): void {
    if (JSON.stringify(state) === JSON.stringify(this.protection)) return;
    this.protection = state;
    this.changed();
  }

  snapshot(): LedgerSnapshot {
    return { risk: this.risk, held: this.held, denied: this.denied, recent: this.recent, protection: this.protection };
  }

  /** Called for every recorded entry, in order (the audit log writes them). */
  onDidRecord(listener: Listener<DecisionRecord>): { dispose(): void } {
    this.recordListeners.add(listener);
    return { dispose: () => this.recordListeners.delete(listener) };
  }

  /** Called with the new state after every change (the status bar redraws). */
  onDidChange(listener: Listener<LedgerSnapshot>): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  private changed(): void {
    const now = this.snapshot();
    for (const listener of this.changeListeners) listener(now);
  }
}
