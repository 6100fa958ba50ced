/**
 * One judged action as the extension records it: the unit of the audit log, the status bar's counts and the
 * audit view. Every entry point (hook requests over the bridge, integrated terminals, protected-file watch,
 * Explain) produces these; nothing else is recorded. An Explain is recorded too, though nothing ran: outcome
 * `explained`, which the session's counts leave out.
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
 * - `restored` / `kept`: a protected file's change was undone / accepted by the person;
 * - `explained`: nothing ran — someone asked Explain what the guard would decide (source `explain`).
 */
export type DecisionOutcome = 'allowed' | 'denied' | 'held' | 'observed' | 'restored' | 'kept' | 'explained';

export interface DecisionRecord {
  /** ISO 8601 time the decision was made. */
  readonly time: string;
  readonly source: DecisionSource;
  /**
   * Who acted or asked: the agent id (`claude`, `codex`, …), `terminal` for integrated terminals; for Explain
   * `person` (asked in the editor's own UI) or `command caller` (the command was called with a command line).
   */
  readonly agent: string;
  /** The agent's tool (`Bash`, `run_in_terminal`, `write`…), the terminal's name, or where Explain was asked (`Explain (terminal)`). */
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
