/**
 * Cursor hooks (`.cursor/hooks.json` / `~/.cursor/hooks.json`, `{"version":1,"hooks":{event:[{command, timeout, failClosed}]}}`).
 * Events handled: `beforeShellExecution` (command, cwd — may be ""), `beforeMCPExecution` (tool_name,
 * tool_input as a JSON string), `beforeReadFile` (file_path; allow/deny only), and the newer `preToolUse`
 * (tool_name `Shell`/`Write`/`Edit`/`Delete`/`Read`/…, tool_input). Every payload carries workspace_roots.
 * Output: flat `permission` allow | deny | ask with `user_message` and `agent_message` (older builds read
 * camelCase `userMessage`/`agentMessage`; both are sent). The installer sets `failClosed: true`, under which
 * even an empty answer blocks, so this adapter always prints an explicit decision — "allow" when the policy has
 * no objection (Cursor then applies its own settings). `ask` is documented for shell and MCP events (observed
 * to act as deny in some builds, which still blocks) and not enforced for preToolUse, where a confirm without
 * an editor answer is sent as deny.
 */
import { isObject, objOrJson, str, strings, type Json } from './payload';
import type { AgentAdapter, HookAnswer, HookOutput, ParsedCall, ParseResult } from './types';

function parse(payload: unknown): ParseResult {
  if (!isObject(payload)) return { ok: false, problem: 'the payload is not a JSON object' };
  const event = str(payload, 'hook_event_name') ?? '';
  const roots = strings(payload, 'workspace_roots');
  const cwd = str(payload, 'cwd');
  const base = { roots, cwd, flavour: event };
  switch (event) {
    case 'beforeShellExecution': {
      const command = str(payload, 'command');
      if (!command) return { ok: false, problem: 'beforeShellExecution without a command' };
      const input: Json = cwd ? { command, cwd } : { command };
      return { ok: true, call: { ...base, tool: 'Shell', input, askHonoured: true } };
    }
    case 'beforeMCPExecution': {
      const tool = `MCP:${str(payload, 'tool_name') ?? 'unknown'}`;
      return { ok: true, call: { ...base, tool, input: objOrJson(payload, 'tool_input') ?? {}, askHonoured: true } };
    }
    case 'beforeReadFile':
      return { ok: true, call: { ...base, tool: 'Read', input: { file_path: str(payload, 'file_path') ?? '' }, askHonoured: false } };
    default: {
      const tool = str(payload, 'tool_name');
      if (!tool) return { ok: false, problem: `Cursor event "${event || '(none)'}" without a tool name` };
      const raw = payload['tool_input'];
      const input = isObject(raw) ? raw : typeof raw === 'string' ? (objOrJson(payload, 'tool_input') ?? raw) : undefined;
      return { ok: true, call: { ...base, tool, input, askHonoured: false } };
    }
  }
}

function render(answer: HookAnswer, call: ParsedCall | undefined): HookOutput {
  if (answer.kind === 'defer' || answer.kind === 'allow') return { stdout: JSON.stringify({ permission: 'allow' }), exitCode: 0 };
  const permission = answer.kind === 'ask' && call?.askHonoured ? 'ask' : 'deny';
  const body = { permission, user_message: answer.reason, agent_message: answer.reason, userMessage: answer.reason, agentMessage: answer.reason };
  return { stdout: JSON.stringify(body), exitCode: 0 };
}

export const cursor: AgentAdapter = {
  id: 'cursor',
  defaultTimeoutSeconds: 30,
  projectDirEnv: ['CURSOR_PROJECT_DIR'],
  parse,
  render,
};
