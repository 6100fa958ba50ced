/**
 * Gemini CLI `BeforeTool` (settings.json `hooks.BeforeTool[{matcher, hooks:[{type:"command", command, timeout(ms)}]}]`).
 * Input: session_id, cwd, hook_event_name, timestamp, tool_name (`run_shell_command`, `write_file`, `replace`,
 * …), tool_input. Output: flat `decision` allow | deny | ask with `reason`; `systemMessage` is shown to the
 * person. `ask` forces Gemini's confirmation. A plain allow does not bypass Gemini's own policy.
 */
import { parsePreToolUse } from './claude';
import type { AgentAdapter, HookAnswer, HookOutput } from './types';

export const gemini: AgentAdapter = {
  id: 'gemini',
  defaultTimeoutSeconds: 60,
  projectDirEnv: ['GEMINI_PROJECT_DIR', 'CLAUDE_PROJECT_DIR'],
  parse(payload) {
    const parsed = parsePreToolUse(payload);
    return parsed.ok ? { ok: true, call: { ...parsed.call, askHonoured: true } } : parsed;
  },
  render(answer: HookAnswer): HookOutput {
    if (answer.kind === 'defer') return { stdout: '', exitCode: 0 };
    const body = answer.kind === 'allow'
      ? { decision: 'allow', reason: answer.reason }
      : { decision: answer.kind, reason: answer.reason, systemMessage: answer.reason };
    return { stdout: JSON.stringify(body), exitCode: 0 };
  },
};
