/**
 * Cline `PreToolUse`: an executable named `PreToolUse` in `.clinerules/hooks/` (workspace) or
 * `~/Documents/Cline/Hooks/` (global); the CLI also reads `.cline/hooks/` and `~/.cline/hooks/`. Input: clineVersion,
 * hookName, timestamp, taskId, workspaceRoots, userId, preToolUse {toolName, parameters} — parameters are strings
 * (the VS Code extension: `execute_command` {command}, `write_to_file` {path, content}, `replace_in_file`
 * {path, diff}; the CLI 3 JSON-encodes what is not a string, e.g. `run_commands` {commands: "[\"ls\"]"}). The
 * CLI 3 (hookName `tool_call`) also sends `tool_call` {id, name, input} with the arguments as the tool got them,
 * which is read first. Paths are relative to the first workspace root. Output: `{"cancel": bool, "errorMessage",
 * "contextModification"}`, honoured whatever the exit code; only `cancel:true` blocks, and it ends Cline's whole
 * task (the model is not told; the person sees the task stopped). Cline has no "ask".
 */
import { isObject, obj, str, strings } from './payload';
import type { AgentAdapter, HookAnswer, HookOutput, ParseResult } from './types';

function parse(payload: unknown): ParseResult {
  if (!isObject(payload)) return { ok: false, problem: 'the payload is not a JSON object' };
  const pre = obj(payload, 'preToolUse');
  const call = obj(payload, 'tool_call');
  const preTool = str(pre, 'toolName', 'tool');
  const callTool = str(call, 'name');
  // the tool's name and its arguments are read from the same place, so one cannot be judged with the other's
  const tool = callTool ?? preTool;
  if (!tool) return { ok: false, problem: 'the payload has no preToolUse.toolName' };
  if (preTool !== undefined && callTool !== undefined && preTool !== callTool) return { ok: false, problem: `tool_call.name "${callTool}" and preToolUse.toolName "${preTool}" disagree` };
  const params = obj(call, 'input') ?? obj(pre, 'parameters', 'params');
  const roots = strings(payload, 'workspaceRoots');
  return { ok: true, call: { tool, input: params, cwd: roots[0], roots, askHonoured: false, flavour: 'PreToolUse' } };
}

function render(answer: HookAnswer): HookOutput {
  if (answer.kind === 'defer' || answer.kind === 'allow') return { stdout: JSON.stringify({ cancel: false }), exitCode: 0 };
  return { stdout: JSON.stringify({ cancel: true, errorMessage: answer.reason, contextModification: answer.reason }), exitCode: 0 };
}

export const cline: AgentAdapter = {
  id: 'cline',
  // the VS Code extension's fixed 30 s (the CLI waits 120 s)
  defaultTimeoutSeconds: 30,
  parse,
  render,
};
