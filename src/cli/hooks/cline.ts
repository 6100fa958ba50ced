/**
 * Cline `PreToolUse`: an executable named exactly `PreToolUse` in `.clinerules/hooks/` (workspace) or
 * `~/Documents/Cline/Hooks/` (global). Input: clineVersion, hookName, timestamp, taskId, workspaceRoots,
 * userId, preToolUse {toolName, parameters} — parameters are strings (`execute_command` {command},
 * `write_to_file` {path, content}, `replace_in_file` {path, diff}, `apply_patch` {input}); paths are relative to
 * the first workspace root. Output: `{"cancel": bool, "errorMessage", "contextModification"}`; JSON is
 * honoured whatever the exit code, and only `cancel:true` blocks. Cline has no "ask" and a fixed 30 s timeout.
 */
import { isObject, obj, str, strings } from './payload';
import type { AgentAdapter, HookAnswer, HookOutput, ParseResult } from './types';

function parse(payload: unknown): ParseResult {
  if (!isObject(payload)) return { ok: false, problem: 'the payload is not a JSON object' };
  const pre = obj(payload, 'preToolUse');
  const tool = str(pre, 'toolName', 'tool');
  if (!pre || !tool) return { ok: false, problem: 'the payload has no preToolUse.toolName' };
  const params = obj(pre, 'parameters', 'params');
  const roots = strings(payload, 'workspaceRoots');
  return { ok: true, call: { tool, input: params, cwd: roots[0], roots, askHonoured: false, flavour: 'PreToolUse' } };
}

function render(answer: HookAnswer): HookOutput {
  if (answer.kind === 'defer' || answer.kind === 'allow') return { stdout: JSON.stringify({ cancel: false }), exitCode: 0 };
  return { stdout: JSON.stringify({ cancel: true, errorMessage: answer.reason, contextModification: answer.reason }), exitCode: 0 };
}

export const cline: AgentAdapter = {
  id: 'cline',
  defaultTimeoutSeconds: 30,
  parse,
  render,
};
