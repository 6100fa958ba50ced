/**
 * What the audit log keeps of an Explain: who asked (and from where), the command explained, and the verdict
 * with its rule ids, as a {@link DecisionRecord} of source `explain` and outcome `explained` — nothing ran, so
 * it counts toward no session risk. Pure (no `vscode`): unit-tested directly.
 */
import type { Verdict } from '../../core/verdict';
import type { DecisionRecord } from '../session/decisionRecord';

/**
 * Where Explain was asked from. The first three are a person's gestures; `command argument` is anyone calling
 * the command with a command line (another extension, a keybinding with arguments, an agent's editor-command
 * tool): who that was is not known. `terminal` and `policy lens` are as the caller claims: VS Code does not say
 * who runs a command, so another extension passing the same word is recorded the same way.
 */
export type ExplainOrigin = 'input box' | 'terminal' | 'policy lens' | 'command argument';

const PERSON_ORIGINS: readonly ExplainOrigin[] = ['input box', 'terminal', 'policy lens'];
/** Origins the extension's own callers pass along with a command line (the input box is the command's own). */
const PASSED_ORIGINS: readonly ExplainOrigin[] = ['terminal', 'policy lens'];

/** The origin named in the command's second argument by the extension's own callers; anything else is `command argument`. */
export function explainOrigin(argument: unknown): ExplainOrigin {
  return PASSED_ORIGINS.find((origin) => origin === argument) ?? 'command argument';
}

export interface ExplainRequest {
  readonly command: string;
  readonly origin: ExplainOrigin;
  /** The folder the command was judged in (the first workspace root). */
  readonly root: string;
  readonly time: Date;
}

export function explainDecisionRecord(request: ExplainRequest, verdict: Verdict): DecisionRecord {
  return {
    time: request.time.toISOString(),
    source: 'explain',
    agent: PERSON_ORIGINS.includes(request.origin) ? 'person' : 'command caller',
    tool: `Explain (${request.origin})`,
    subject: request.command,
    cwd: request.root,
    decision: verdict.decision,
    risk: verdict.risk,
    rules: verdict.reasons.map((reason) => reason.rule),
    outcome: 'explained',
    root: request.root,
  };
}
