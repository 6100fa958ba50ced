/**
 * One judged action as the extension records it: the unit of the audit log, the status bar's counts and the
 * audit view. Every entry point (hook requests over the bridge, integrated terminals, protected-file watch,
 * Explain) produces these; nothing else is recorded.
 */
import type { Decision, Risk } from '../../core/verdict';

/** Where the action was seen. */
export type DecisionSource = 'hook' | 'terminal' | 'file' | 'explain';

/**
 * What finally happened:
 * - `allowed`: the guard let it through without asking (or the person allowed it, see `confirmedBy`);
 * - `denied`: refused by the policy, by the person, by a timeout or by the circuit breaker (see `confirmedBy`);
 * - `held`: waiting for, or handed to, the agent's own approval (the hook fell back to the agent's "ask");
 * - `observed`: already happened (terminal command, file change) — recorded, not stopped;
 * - `restored` / `kept`: a protected file's change was undone / accepted by the person.
 */
export type DecisionOutcome = 'allowed' | 'denied' | 'held' | 'observed' | 'restored' | 'kept';

export interface DecisionRecord {
  /** ISO 8601 time the decision was made. */
  readonly time: string;
  readonly source: DecisionSource;
  /** Agent id (`claude`, `codex`, …), `terminal` for integrated terminals, `person` for Explain. */
  readonly agent: string;
  /** The agent's tool (`Bash`, `run_in_terminal`, `write`…) or the terminal's name. */
  readonly tool: string;
  /** The command line or the path. */
  readonly subject: string;
  readonly cwd?: string;
  /** The guard's verdict. */
  readonly decision: Decision;
  readonly risk: Risk;
  /** Ids of the rules that fired, strictest first. */
  readonly rules: readonly string[];
  readonly outcome: DecisionOutcome;
  /**
   * Who or what settled a confirmation: `person: allow once`, `person: allow for session`, `session allowance`,
   * `person: deny`, `timeout`, `circuit breaker`, `no editor answer`…
   */
  readonly confirmedBy?: string;
  /** Workspace root the action belongs to. */
  readonly root?: string;
}
