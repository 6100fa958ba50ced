/**
 * Claude Code `PreToolUse` (settings.json `hooks.PreToolUse[{matcher, hooks:[{type:"command", …}]}]`).
 * Input: session_id, cwd, permission_mode, hook_event_name, tool_name, tool_input, tool_use_id.
 * Output on exit 0: `hookSpecificOutput.permissionDecision` allow | deny | ask with a reason; `systemMessage` is
 * shown to the person. Exit codes other than 0 and 2 let the call through, so the hook always exits 0 with JSON.
 * VS Code also runs these hooks (`chat.useClaudeHooks`) and sends its own tool names; the catalogue knows them.
 */
import { isObject, obj, str, type Json } from './payload';
import type { AgentAdapter, HookAnswer, HookOutput, ParsedCall, ParseResult } from './types';

/** In these modes Claude does not stop to ask: an "ask" answer would not reach a person. */
const NO_PROMPT_MODES = new Set(['bypassPermissions', 'dontAsk']);

/**
 * An MCP server's tool under the name the catalogue and `--trust-tool` patterns know MCP tools by. Gemini CLI can
 * give an MCP tool its bare name (a server's own `read_file` or `glob`) and says so only in `mcp_context`; Claude
 * Code adds `mcp_server`. Read as a built-in name, such a tool would pass as a read.
 */
function mcpName(payload: Json, tool: string): string {
  const context = obj(payload, 'mcp_context');
  const server = str(context, 'server_name', 'serverName', 'server') ?? str(payload, 'mcp_server');
  if (context === undefined && server === undefined) return tool;
  if (tool.startsWith('mcp__') || tool.startsWith('mcp_')) return tool;
  return `mcp__${server ?? 'unknown'}__${tool}`;
}

export function parsePreToolUse(payload: unknown): ParseResult {
  if (!isObject(payload)) return { ok: false, problem: 'the payload is not a JSON object' };
  const named = str(payload, 'tool_name', 'toolName');
  if (!named) return { ok: false, problem: 'the payload names no tool (tool_name)' };
  const tool = mcpName(payload, named);
  const rawInput = payload['tool_input'] ?? payload['toolInput'] ?? payload['toolArgs'];
  const input: Json | string | undefined = isObject(rawInput) || typeof rawInput === 'string' ? rawInput : undefined;
  const mode = str(payload, 'permission_mode') ?? '';
  const event = str(payload, 'hook_event_name', 'hookEventName') ?? 'PreToolUse';
  const call: ParsedCall = {
    tool,
    input,
    cwd: str(payload, 'cwd'),
    roots: [],
    askHonoured: !NO_PROMPT_MODES.has(mode),
    flavour: event,
  };
  return { ok: true, call };
}

/** The `hookSpecificOutput` envelope shared by Claude Code, VS Code and Codex. */
export function hookSpecificOutput(decision: 'allow' | 'deny' | 'ask', reason: string): Json {
  return { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason };
}

export const claude: AgentAdapter = {
  id: 'claude',
  defaultTimeoutSeconds: 600,
  projectDirEnv: ['CLAUDE_PROJECT_DIR'],
  parse: parsePreToolUse,
  render(answer: HookAnswer): HookOutput {
    if (answer.kind === 'defer') return { stdout: '', exitCode: 0 };
    const body: Json = { hookSpecificOutput: hookSpecificOutput(answer.kind, answer.reason) };
    if (answer.kind === 'deny') body['systemMessage'] = answer.reason;
    return { stdout: JSON.stringify(body), exitCode: 0 };
  },
};
