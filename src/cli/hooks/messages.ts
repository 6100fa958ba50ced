/**
 * The words of every answer. Each names the rule ids and their messages, because the agent reads them to
 * choose a safer alternative (rather than retry) and the person reads them to decide.
 */
import type { Reason, Verdict } from '../../core/verdict';

const MAX_REASONS = 3;

function oneReason(r: Reason): string {
  const where = r.file !== undefined ? ` (${r.file}${r.line !== undefined ? `:${r.line}` : ''})` : r.line !== undefined ? ` (line ${r.line})` : '';
  const what = r.command ? ` [${r.command.length > 120 ? r.command.slice(0, 120) + '…' : r.command}]` : '';
  return `${r.rule}: ${r.message}${what}${where}`;
}

/** Ends a clause with exactly one full stop. */
function sentence(s: string): string {
  return /[.!?]$/.test(s.trimEnd()) ? s.trimEnd() : s.trimEnd() + '.';
}

/** The reasons that made the decision, strictest first, at most three, as one line. */
export function describeReasons(verdict: Verdict): string {
  const deciding = verdict.reasons.filter((r) => r.decision === verdict.decision);
  const shown = (deciding.length > 0 ? deciding : verdict.reasons).slice(0, MAX_REASONS);
  const more = verdict.reasons.length - shown.length;
  return shown.map(oneReason).join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

export function denyMessage(verdict: Verdict): string {
  return `Blocked by Agent Guard — ${sentence(describeReasons(verdict))} Do not retry this or work around it; choose a safer alternative or ask the user.`;
}

export function askMessage(verdict: Verdict, editorDetail: string | undefined): string {
  const why = editorDetail ? ` (no answer from the editor: ${editorDetail})` : '';
  return sentence(`Agent Guard asks for a person's approval${why} — ${describeReasons(verdict)}`);
}

/** For agents without a usable "ask": deny, and say how a person can approve. */
export function needsApprovalMessage(verdict: Verdict, editorDetail: string): string {
  return (
    `Blocked by Agent Guard until a person approves — ${sentence(describeReasons(verdict))} No approval was possible: ${sentence(editorDetail)} ` +
    'To approve, open this workspace in VS Code with the Agent Guard extension running and let the agent try again (a dialog will ask), ' +
    'or run the command yourself, or add an exception to .vscode/agent-guard.json. Agent: tell the user this needs their approval; do not work around it.'
  );
}

export function declinedMessage(verdict: Verdict, personMessage: string | undefined): string {
  const said = personMessage ? ` They said: "${personMessage.slice(0, 500)}".` : '';
  return `A person declined this in the editor (Agent Guard) — ${sentence(describeReasons(verdict))}${said} Do not retry it; ask the user how to proceed.`;
}

export function approvedMessage(verdict: Verdict): string {
  return `Approved by a person in the editor (Agent Guard: ${[...new Set(verdict.reasons.map((r) => r.rule))].join(', ')}).`;
}

export const AUTO_APPROVED_MESSAGE = 'Allowed by the Agent Guard policy (auto-approve is on).';
