/**
 * An agent's pre-tool-use hook next to the running VS Code: spawns the built `dist/cli.js hook <agent>` with a
 * payload on stdin, in the same home and runtime directory as code-server (so the hook finds the extension's
 * bridge), and reads the answer the way the agent does. Asynchronous, so a test can answer the dialog in the
 * workbench while the hook waits.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { hookEnv, type ScratchProfile } from './code-server';
import { onTeardown } from './teardown';

export interface HookAnswer {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Claude Code's reading: `none` = no objection (its own approval flow decides). */
  readonly decision: 'allow' | 'deny' | 'ask' | 'none';
  readonly reason: string;
}

/** A Claude Code PreToolUse payload for a Bash command, shaped like test/fixtures/hooks/claude/Bash.recorded.json. */
export function claudeBash(cwd: string, command: string): object {
  return {
    session_id: 'e2e-session',
    transcript_path: path.join(cwd, '.claude-transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'e2e' },
    tool_use_id: `toolu_e2e_${Math.random().toString(16).slice(2)}`,
  };
}

function readClaude(stdout: string): Pick<HookAnswer, 'decision' | 'reason'> {
  const text = stdout.trim();
  if (text === '') return { decision: 'none', reason: '' };
  const parsed = JSON.parse(text) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } };
  const d = parsed.hookSpecificOutput?.permissionDecision;
  if (d !== 'allow' && d !== 'deny' && d !== 'ask') throw new Error(`not a Claude Code hook answer: ${text}`);
  return { decision: d, reason: parsed.hookSpecificOutput?.permissionDecisionReason ?? '' };
}

/** Runs `agent-guard hook claude` as Claude Code would; resolves with its answer. */
export function runClaudeHook(cli: string, profile: ScratchProfile, payload: object, args: readonly string[] = ['--timeout', '90']): Promise<HookAnswer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'hook', 'claude', ...args], { env: hookEnv(profile), stdio: ['pipe', 'pipe', 'pipe'] });
    const unregister = onTeardown(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      unregister();
      reject(e);
    });
    child.on('close', (status) => {
      unregister();
      try {
        resolve({ status, stdout, stderr, ...readClaude(stdout) });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stdin.end(JSON.stringify(payload));
  });
}
