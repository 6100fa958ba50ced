/**
 * From a verdict to the answer the agent gets. `deny` stays deny. `confirm` goes to a person through the editor;
 * without an answer it becomes the agent's own "ask" where honoured, else a deny that says how to approve.
 * `allow` defers to the agent's own approval flow unless the user opted in to auto-approve.
 */
import type { BridgeOutcome } from '../../shared/bridgeProtocol';
import type { Verdict } from '../../core/verdict';
import { approvedMessage, askMessage, AUTO_APPROVED_MESSAGE, declinedMessage, denyMessage, needsApprovalMessage } from './messages';
import type { HookAnswer } from './types';

export interface DecideContext {
  readonly autoApprove: boolean;
  readonly askHonoured: boolean;
  /** Asks the person in the editor; resolves by the hook's deadline. */
  readonly askEditor: () => Promise<BridgeOutcome>;
}

/** What to answer when nobody in the editor could answer a confirm. */
export function fallbackForConfirm(verdict: Verdict, askHonoured: boolean, detail: string): HookAnswer {
  return askHonoured ? { kind: 'ask', reason: askMessage(verdict, detail) } : { kind: 'deny', reason: needsApprovalMessage(verdict, detail) };
}

export function outcomeDetail(outcome: BridgeOutcome): string {
  if (outcome.kind === 'timeout') return 'nobody answered the Agent Guard dialog in the editor in time';
  if (outcome.kind === 'absent') return outcome.detail;
  return '';
}

export async function decide(verdict: Verdict, ctx: DecideContext): Promise<HookAnswer> {
  if (verdict.decision === 'deny') return { kind: 'deny', reason: denyMessage(verdict) };
  if (verdict.decision === 'allow') return ctx.autoApprove ? { kind: 'allow', reason: AUTO_APPROVED_MESSAGE } : { kind: 'defer' };
  const outcome = await ctx.askEditor();
  if (outcome.kind === 'allow') return { kind: 'allow', reason: approvedMessage(verdict) };
  if (outcome.kind === 'deny') return { kind: 'deny', reason: declinedMessage(verdict, outcome.message) };
  return fallbackForConfirm(verdict, ctx.askHonoured, outcomeDetail(outcome));
}
