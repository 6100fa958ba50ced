/**
 * VS Code agent hooks and GitHub Copilot CLI hooks read the same files (`.github/hooks/*.json`,
 * `~/.copilot/hooks/*.json`), so either adapter may be run by either agent, with one of three payloads:
 *  - Copilot CLI camelCase (`preToolUse`): sessionId, timestamp (ms), cwd, toolName, toolArgs (object or JSON string);
 *  - Copilot CLI PascalCase (`PreToolUse`): hook_event_name, session_id, cwd, tool_name, tool_input;
 *  - VS Code: hook_event_name (or hookEventName), session_id, cwd (when configured), tool_name, tool_input, tool_use_id.
 * The answer is written in both envelopes at once — flat `permissionDecision` (Copilot CLI) and
 * `hookSpecificOutput.permissionDecision` (VS Code) — so whichever agent reads it finds its own.
 * "ask" is honoured by VS Code only (Copilot CLI documents it inconsistently), so it is sent only when the
 * payload is recognisably VS Code's.
 */
import { isObject, str, type Json } from './payload';
import { hookSpecificOutput } from './claude';
import type { HookAnswer, HookOutput, ParseResult } from './types';

/** Tool names only VS Code's agent mode uses. */
const VSCODE_TOOLS = new Set([
  'run_in_terminal', 'create_file', 'replace_string_in_file', 'multi_replace_string_in_file', 'insert_edit_into_file',
  'edit_notebook_file', 'create_directory', 'run_task', 'create_and_run_task', 'run_notebook_cell', 'run_vscode_command',
  'install_extension', 'create_new_workspace', 'create_new_jupyter_notebook', 'runInTerminal', 'editFiles', 'runTerminalCommand',
  'read_file', 'list_dir', 'file_search', 'grep_search', 'semantic_search', 'get_errors', 'fetch_webpage', 'get_terminal_output',
]);

/** Tool names only Copilot CLI uses. */
const COPILOT_TOOLS = new Set(['bash', 'powershell', 'create', 'edit', 'view', 'str_replace_editor', 'write_bash', 'write_powershell', 'str_replace', 'insert']);

function argsOf(payload: Json, ...keys: string[]): Json | string | undefined {
  for (const k of keys) {
    const v = payload[k];
    if (isObject(v)) return v;
    if (typeof v === 'string') {
      try {
        const parsed: unknown = JSON.parse(v);
        if (isObject(parsed)) return parsed;
        if (typeof parsed === 'string') return parsed;
      } catch {
        return v; // a free-form patch sent as a bare string
      }
    }
  }
  return undefined;
}

export function parseGithubFamily(payload: unknown, defaultFlavour: 'vscode' | 'copilot'): ParseResult {
  if (!isObject(payload)) return { ok: false, problem: 'the payload is not a JSON object' };
  const camelTool = str(payload, 'toolName');
  const snakeTool = str(payload, 'tool_name');
  const tool = snakeTool ?? camelTool;
  if (!tool) return { ok: false, problem: 'the payload names no tool (tool_name / toolName)' };
  // both spellings at once, naming different tools: which one runs cannot be told
  if (snakeTool !== undefined && camelTool !== undefined && snakeTool !== camelTool) return { ok: false, problem: `tool_name "${snakeTool}" and toolName "${camelTool}" disagree` };
  const input = snakeTool ? argsOf(payload, 'tool_input', 'toolArgs') : argsOf(payload, 'toolArgs', 'tool_input');
  const flavour: 'vscode' | 'copilot' = !snakeTool || COPILOT_TOOLS.has(tool) ? 'copilot' : VSCODE_TOOLS.has(tool) ? 'vscode' : defaultFlavour;
  return {
    ok: true,
    call: { tool, input, cwd: str(payload, 'cwd'), roots: [], askHonoured: flavour === 'vscode', flavour },
  };
}

export function renderGithubFamily(answer: HookAnswer): HookOutput {
  if (answer.kind === 'defer') return { stdout: '', exitCode: 0 };
  const body: Json = {
    permissionDecision: answer.kind,
    permissionDecisionReason: answer.reason,
    hookSpecificOutput: hookSpecificOutput(answer.kind, answer.reason),
  };
  if (answer.kind === 'deny') body['systemMessage'] = answer.reason;
  return { stdout: JSON.stringify(body), exitCode: 0 };
}
