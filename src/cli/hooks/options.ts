/**
 * Command-line options of `agent-guard hook <agent>` (written by `agent-guard install`):
 *   --timeout <seconds>   the hook timeout configured in the agent; the hook answers by itself shortly before it
 *   --auto-approve        answer "allow" (skip the agent's own prompt) when the policy allows; also
 *                         AGENT_GUARD_AUTO_APPROVE=1 in the environment. Off by default: allowed calls defer to
 *                         the agent's own approval flow.
 *   --trust-tool <name>   a tool Agent Guard does not know but the user trusts (exact name, or prefix ending in
 *                         `*`, e.g. `mcp__github__*`); repeatable. Unknown tools otherwise need a person.
 *   --skip-tool <name>    a tool another hook event of the same agent already judges (Cursor's preToolUse leaves
 *                         `Shell` and `MCP:*` to beforeShellExecution / beforeMCPExecution); answered "no
 *                         objection" without judging. Same pattern syntax; repeatable.
 * Unknown options are ignored so that an older CLI still answers for a newer installed hook line.
 */

export interface HookOptions {
  readonly timeoutSeconds: number | undefined;
  readonly autoApprove: boolean;
  readonly trustedTools: readonly string[];
  readonly skipTools: readonly string[];
  readonly ignored: readonly string[];
}

const TRUE = /^(1|true|yes|on)$/i;

export function parseHookOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HookOptions {
  let timeoutSeconds: number | undefined;
  let autoApprove = TRUE.test(env['AGENT_GUARD_AUTO_APPROVE'] ?? '');
  const trustedTools: string[] = [];
  const skipTools: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--timeout') {
      const n = Number(value());
      if (Number.isFinite(n) && n > 0) timeoutSeconds = n;
    } else if (flag === '--auto-approve') autoApprove = true;
    else if (flag === '--trust-tool') {
      const v = value();
      if (v) trustedTools.push(v);
    } else if (flag === '--skip-tool') {
      const v = value();
      if (v) skipTools.push(v);
    } else ignored.push(a);
  }
  return { timeoutSeconds, autoApprove, trustedTools, skipTools, ignored };
}

/** When the hook stops waiting and answers by itself: a margin before the agent's timeout. */
export function answerBudgetMs(timeoutSeconds: number): number {
  const total = timeoutSeconds * 1000;
  const margin = Math.min(10_000, Math.max(1_500, total * 0.1));
  return Math.max(500, total - margin);
}
