/**
 * The hook's report of a decision it made without a dialog (see "Reports" in src/shared/bridgeProtocol.ts):
 * best effort, within {@link REPORT_BUDGET_MS}. Finds the editor by scanning the runtime directory and makes its
 * id without `node:crypto`: loading crypto would cost a hook more than the report itself.
 */
import {
  BRIDGE_PROTOCOL_VERSION,
  REPORT_BUDGET_MS,
  type GuardedAction,
  type ReportedAnswer,
  type ReportRequest,
  type Verdict,
} from '../../shared/bridgeProtocol';
import { exchange } from './exchange';
import { scanForRuntimeFile } from './runtimeLookup';

export interface ReportArgs {
  readonly root: string;
  readonly agent: string;
  readonly tool: string;
  readonly actions: readonly GuardedAction[];
  readonly verdict: Verdict;
  readonly answer: ReportedAnswer;
  readonly detail?: string;
  /** Runtime directory override (tests). */
  readonly runtimeDir?: string;
  /** Give up after this many milliseconds ({@link REPORT_BUDGET_MS} by default). */
  readonly budgetMs?: number;
}

/** Why a report did not reach the editor's ledger, or `acknowledged`. Never throws. */
export type ReportResult = 'acknowledged' | 'no editor' | 'refused' | 'timeout' | 'failed';

/** Tells the editor of `root` about a decision the hook made without a dialog. */
export async function reportToEditor(args: ReportArgs): Promise<ReportResult> {
  const deadline = Date.now() + (args.budgetMs ?? REPORT_BUDGET_MS);
  const lookup = scanForRuntimeFile(args.root, ...(args.runtimeDir !== undefined ? [args.runtimeDir] : []));
  if (!lookup.file) return 'no editor';
  // only correlates the answer with the request; the token is what authenticates
  const id = `r${Date.now().toString(16)}${Math.random().toString(16).slice(2, 10)}`;
  const request: ReportRequest = {
    type: 'report',
    version: BRIDGE_PROTOCOL_VERSION,
    token: lookup.file.token,
    id,
    agent: args.agent,
    tool: args.tool,
    root: lookup.file.root,
    actions: args.actions,
    verdict: args.verdict,
    answer: args.answer,
    ...(args.detail !== undefined ? { detail: args.detail } : {}),
  };
  const result = await exchange(lookup.file.socket, request, deadline);
  if (result.kind !== 'response') return result.kind;
  return result.response.type === 'ack' && result.response.id === id ? 'acknowledged' : 'refused';
}
