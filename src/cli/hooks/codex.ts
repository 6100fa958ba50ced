/**
 * OpenAI Codex CLI `PreToolUse` (hooks.json, Claude-shaped). Input: session_id, turn_id, cwd, model,
 * permission_mode, tool_name (`Bash` for shell tools, `apply_patch` for edits, `mcp__…`), tool_input
 * (`{command}` for both Bash and apply_patch), tool_use_id.
 * Codex blocks only on `permissionDecision:"deny"` WITH a non-empty reason (or exit 2 with stderr). It treats
 * `ask`, a reason-less deny and a plain `allow` as invalid output and lets the call through, so: confirm without
 * an editor answer becomes deny with how to approve, and allow is never sent (Codex wants `updatedInput` with
 * it) — an allowed call defers to Codex's own approval even with auto-approve on.
 */
import { hookSpecificOutput, parsePreToolUse } from './claude';
import type { AgentAdapter, HookAnswer, HookOutput } from './types';

export const codex: AgentAdapter = {
  id: 'codex',
  defaultTimeoutSeconds: 600,
  parse(payload) {
    const parsed = parsePreToolUse(payload);
    return parsed.ok ? { ok: true, call: { ...parsed.call, askHonoured: false } } : parsed;
  },
  render(answer: HookAnswer): HookOutput {
    if (answer.kind !== 'deny' && answer.kind !== 'ask') return { stdout: '', exitCode: 0 };
    const reason = answer.reason.trim() || 'Blocked by Agent Guard.';
    return { stdout: JSON.stringify({ hookSpecificOutput: hookSpecificOutput('deny', reason) }), exitCode: 0 };
  },
};
