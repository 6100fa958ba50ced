/**
 * What arrives over the bridge is checked before a person sees it: a dialog built from a malformed request would
 * ask the person to approve something it cannot show. The server checks the envelope (token, type, id); this
 * checks the parts the dialog and the ledger read. No `vscode` import.
 */
import type { GuardedAction, Verdict } from '../../shared/bridgeProtocol';

const DECISIONS: ReadonlySet<unknown> = new Set(['allow', 'confirm', 'deny']);
const RISKS: ReadonlySet<unknown> = new Set(['none', 'low', 'medium', 'high', 'critical']);
const OPS: ReadonlySet<unknown> = new Set(['write', 'delete', 'rename']);

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isAction(v: unknown): v is GuardedAction {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  switch (a['kind']) {
    case 'command':
      return isString(a['command']) && isString(a['cwd']);
    case 'edit':
      return isString(a['path']) && OPS.has(a['op']);
    case 'tool':
      return isString(a['tool']) && isString(a['summary']);
    default:
      return false;
  }
}

function isVerdict(v: unknown): v is Verdict {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (!DECISIONS.has(o['decision']) || !RISKS.has(o['risk']) || !Array.isArray(o['reasons'])) return false;
  if (o['typedConfirmation'] !== undefined && !isString(o['typedConfirmation'])) return false;
  return o['reasons'].every((r: unknown) => {
    if (typeof r !== 'object' || r === null) return false;
    const x = r as Record<string, unknown>;
    return isString(x['rule']) && isString(x['message']) && isString(x['command']) && DECISIONS.has(x['decision']) && RISKS.has(x['risk']) &&
      (x['target'] === undefined || isString(x['target']));
  });
}

/** Why a request from a hook cannot be shown or recorded, or undefined when it is well-formed. */
export function malformedRequest(request: { readonly agent?: unknown; readonly tool?: unknown; readonly root?: unknown; readonly actions?: unknown; readonly verdict?: unknown }): string | undefined {
  if (!isString(request.agent) || !isString(request.tool) || !isString(request.root)) return 'agent, tool or root missing';
  if (!Array.isArray(request.actions) || !request.actions.every(isAction)) return 'actions malformed';
  if (!isVerdict(request.verdict)) return 'verdict malformed';
  return undefined;
}
