/**
 * Plays an agent in E2E stories: runs the installed extension's own `dist/cli.js hook <agent>` with a tool-call
 * payload on stdin, in the environment the editor runs in (same scratch HOME and XDG folders, so the hook finds the
 * window's bridge), exactly as an agent's PreToolUse hook would.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runtimeDir } from '../../src/cli/bridge/runtimeDir';
import { runtimeFilePath } from '../../src/cli/bridge/runtimeFile';
import { waitFor } from './harness/code-server';
import type { Workbench } from './harness/workbench';

export interface HookRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of the editor's extension host (see serverEnv in harness/code-server.ts). */
export function editorEnv(session: Workbench): NodeJS.ProcessEnv {
  return { ...process.env, HOME: session.profile.home, XDG_DATA_HOME: session.profile.xdgData, XDG_CONFIG_HOME: session.profile.xdgConfig, SHELL: '/bin/bash' };
}

/** A Claude Code PreToolUse payload for a Bash command run in `cwd`. */
export function claudeBash(command: string, cwd: string): object {
  return { session_id: 'e2e', hook_event_name: 'PreToolUse', cwd, permission_mode: 'default', tool_name: 'Bash', tool_input: { command, description: 'e2e' }, tool_use_id: `toolu_e2e_${Date.now()}` };
}

/** Starts the hook in `cwd` (default: the main window's folder); resolves when it has answered and exited. */
export function runAgentHook(session: Workbench, agent: string, payload: object, cwd: string = session.workspace): Promise<HookRun> {
  const cli = path.join(session.installedExtensionPath(), 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, 'hook', agent], { cwd, env: editorEnv(session), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Waits until the window on `root` has published its bridge runtime file (hooks can reach it from then on). */
export async function waitForEditorBridge(session: Workbench, root: string = session.workspace, timeoutMs = 20_000): Promise<string> {
  const file = runtimeFilePath(root, runtimeDir(editorEnv(session)));
  return waitFor(() => (fs.existsSync(file) ? file : undefined), timeoutMs, `the extension to publish its bridge runtime file ${file} for ${root}`);
}
