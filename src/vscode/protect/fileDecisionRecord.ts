/**
 * The ledger entries of the protected-file watch: a change seen (`observed`, by whoever made it), and the
 * person's answer (`restored` / `kept`). The verdict is the workspace guard's for that edit, so the audit log
 * names the same rule (`path.secrets`, `path.agent-config`, …) a hook would have named.
 */
import type { Verdict } from '../../core/verdict';
import type { DecisionOutcome, DecisionRecord } from '../session/decisionRecord';
import type { EditOp } from '../../core/policy/types';

export interface FileEvent {
  readonly path: string;
  readonly root: string;
  /** `write` for a change or a new file, `delete` for a removal. */
  readonly op: EditOp;
  readonly verdict: Verdict;
  readonly outcome: Extract<DecisionOutcome, 'observed' | 'restored' | 'kept'>;
  readonly time: Date;
}

export function fileDecisionRecord(event: FileEvent): DecisionRecord {
  const byPerson = event.outcome !== 'observed';
  return {
    time: event.time.toISOString(),
    source: 'file',
    // who changed the file is not known (an agent, a script, the person in another program)
    agent: byPerson ? 'person' : 'unknown',
    tool: event.op,
    subject: event.path,
    decision: event.verdict.decision,
    risk: event.verdict.risk,
    rules: event.verdict.reasons.map((r) => r.rule),
    outcome: event.outcome,
    ...(byPerson ? { confirmedBy: `person: ${event.outcome === 'restored' ? 'restore' : 'keep'}` } : {}),
    root: event.root,
  };
}
