/**
 * Tells the editor about decisions the hook made without a dialog (the policy allowed or denied the call, or a
 * confirm went to the agent's own prompt because the editor could not be asked), so the person's ledger and audit
 * log see every judged action, not only the confirmed ones. Best effort and after the answer: it never changes
 * or delays the agent's answer, is skipped at the cost of one `stat` when no editor runs for this user, and gives
 * up after the bridge's report budget.
 */
import { existsSync } from 'node:fs';
import type { BridgeOutcome, ReportedAnswer } from '../../shared/bridgeProtocol';
import { runtimeDir, type RuntimeDirEnv } from '../bridge/runtimeDir';
import type { Judgement } from './judge';
import type { HookAnswer } from './types';

export interface PendingReport {
  readonly agent: string;
  readonly tool: string;
  readonly judgement: Judgement;
  readonly answer: ReportedAnswer;
  readonly detail?: string;
}

/**
 * What to tell the editor after answering, or undefined: nothing was judged (reads, trusted or skipped tools,
 * malformed calls), or the editor was asked about this very call and records its own answer (allow, deny,
 * timeout).
 */
export function reportFor(agent: string, tool: string, judgement: Judgement, answer: HookAnswer, editorOutcome: BridgeOutcome | undefined): PendingReport | undefined {
  if (judgement.actions.length === 0) return undefined;
  if (editorOutcome !== undefined && editorOutcome.kind !== 'absent') return undefined;
  const detail = editorOutcome?.kind === 'absent' ? editorOutcome.detail : undefined;
  return { agent, tool, judgement, answer: answer.kind, ...(detail !== undefined ? { detail } : {}) };
}

/** Sends the report if an editor may be listening; resolves within the report budget, never rejects. */
export async function sendReport(report: PendingReport, env: RuntimeDirEnv): Promise<void> {
  try {
    const dir = runtimeDir(env);
    // no editor with Agent Guard runs for this user: do not even load the bridge client
    if (!existsSync(dir)) return;
    const { reportToEditor } = await import('../bridge/reportClient.js');
    const { judgement } = report;
    await reportToEditor({
      root: judgement.root,
      agent: report.agent,
      tool: report.tool,
      actions: judgement.actions,
      verdict: judgement.verdict,
      answer: report.answer,
      ...(report.detail !== undefined ? { detail: report.detail } : {}),
      runtimeDir: dir,
    });
  } catch {
    /* best effort: the agent already has its answer */
  }
}
