/**
 * `doctor`'s proof that a wired hook really blocks: run the installed command line through a shell, exactly
 * as the agent would, with that agent's payload for `rm -rf /`, and check the answer blocks in the agent's
 * own terms (the same conditions the agents apply).
 */
import { spawnSync } from 'node:child_process';
import type { AgentId } from '../hooks/types';

const DANGER = 'rm -rf /';

export function dangerousPayload(agent: AgentId, cwd: string): unknown {
  switch (agent) {
    case 'vscode':
      return { timestamp: new Date().toISOString(), hook_event_name: 'PreToolUse', session_id: 'doctor', tool_name: 'run_in_terminal', tool_input: { command: DANGER, explanation: 'doctor', goal: 'doctor', isBackground: false }, tool_use_id: 'doctor', cwd };
    case 'claude':
      return { session_id: 'doctor', transcript_path: '', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: DANGER }, tool_use_id: 'doctor' };
    case 'cursor':
      return { conversation_id: 'doctor', generation_id: 'doctor', hook_event_name: 'beforeShellExecution', workspace_roots: [cwd], command: DANGER, cwd };
    case 'gemini':
      return { session_id: 'doctor', transcript_path: '', cwd, hook_event_name: 'BeforeTool', timestamp: new Date().toISOString(), tool_name: 'run_shell_command', tool_input: { command: DANGER } };
    case 'codex':
      return { session_id: 'doctor', turn_id: 'doctor', transcript_path: null, cwd, hook_event_name: 'PreToolUse', model: 'doctor', permission_mode: 'default', tool_name: 'Bash', tool_input: { command: DANGER }, tool_use_id: 'doctor' };
    case 'copilot-cli':
      return { sessionId: 'doctor', timestamp: Date.now(), cwd, toolName: 'bash', toolArgs: { command: DANGER } };
    case 'cline':
      return { clineVersion: 'doctor', hookName: 'PreToolUse', timestamp: String(Date.now()), taskId: 'doctor', workspaceRoots: [cwd], userId: 'doctor', preToolUse: { toolName: 'execute_command', parameters: { command: DANGER } } };
  }
}

function parse(stdout: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(stdout.trim() || 'null');
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the agent would stop the call, given the hook's exit status and output. */
export function blocksFor(agent: AgentId, status: number | null, stdout: string, stderr: string): boolean {
  const a = parse(stdout);
  const hso = a && typeof a['hookSpecificOutput'] === 'object' && a['hookSpecificOutput'] !== null ? (a['hookSpecificOutput'] as Record<string, unknown>) : undefined;
  switch (agent) {
    case 'vscode':
    case 'claude':
      return status === 2 || (status === 0 && (hso?.['permissionDecision'] === 'deny' || hso?.['permissionDecision'] === 'ask'));
    case 'codex':
      return (status === 2 && stderr.trim() !== '') || (status === 0 && hso?.['permissionDecision'] === 'deny' && typeof hso['permissionDecisionReason'] === 'string' && hso['permissionDecisionReason'] !== '');
    case 'gemini':
      return status === 2 || (status === 0 && ['deny', 'block', 'ask'].includes(String(a?.['decision'])));
    case 'cursor':
      return status === 2 || a?.['permission'] === 'deny' || a?.['permission'] === 'ask';
    case 'copilot-cli':
      return a?.['permissionDecision'] === 'deny';
    case 'cline':
      return a?.['cancel'] === true;
  }
}

export interface SelfTestResult {
  readonly ok: boolean;
  readonly detail: string;
}

export function selfTest(agent: AgentId, commandLine: string, cwd: string, env: NodeJS.ProcessEnv): SelfTestResult {
  const input = JSON.stringify(dangerousPayload(agent, cwd));
  const started = Date.now();
  const r = process.platform === 'win32'
    ? spawnSync(commandLine, { shell: true, input, cwd, env, encoding: 'utf8', timeout: 15_000 })
    : spawnSync('/bin/sh', ['-c', commandLine], { input, cwd, env, encoding: 'utf8', timeout: 15_000 });
  const ms = Date.now() - started;
  if (r.error) return { ok: false, detail: `could not run the hook: ${r.error.message}` };
  if (blocksFor(agent, r.status, r.stdout, r.stderr)) return { ok: true, detail: `blocks "${DANGER}" (${ms} ms)` };
  return { ok: false, detail: `did NOT block "${DANGER}": exit ${String(r.status)}, output ${JSON.stringify((r.stdout || r.stderr).slice(0, 160))}` };
}
