/**
 * Shared by the hook integration tests: spawn the built CLI exactly as an agent does (payload on stdin, answer on
 * stdout, exit status), in a scratch HOME and workspace, and read the answer the way each agent reads it.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The built CLI (AGENT_GUARD_TEST_CLI points the tests at another build). */
export const CLI = process.env['AGENT_GUARD_TEST_CLI'] ?? path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'hooks');
/** The workspace path the fixtures are written with. */
export const FIXTURE_WS = '/home/dev/app';

export type Agent = 'vscode' | 'claude' | 'cursor' | 'gemini' | 'codex' | 'copilot-cli' | 'cline';
export const AGENTS: readonly Agent[] = ['vscode', 'claude', 'cursor', 'gemini', 'codex', 'copilot-cli', 'cline'];

export interface Scratch {
  readonly root: string;
  readonly home: string;
  readonly ws: string;
  readonly runtime: string;
  readonly env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A scratch HOME, workspace and XDG_RUNTIME_DIR; the runtime dir is not created (no editor). */
export function scratch(prefix = 'ag-hook-'): Scratch {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const home = path.join(root, 'home');
  const ws = path.join(root, 'ws');
  const runtime = path.join(root, 'run');
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') };
  for (const k of ['AGENT_GUARD_AUTO_APPROVE', 'CLAUDE_PROJECT_DIR', 'GEMINI_PROJECT_DIR', 'CURSOR_PROJECT_DIR', 'CODEX_HOME', 'COPILOT_HOME', 'CLAUDE_CONFIG_DIR']) delete env[k];
  return { root, home, ws, runtime, env, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A fixture's text with the fixture workspace replaced by `ws`. */
export function fixture(agent: Agent, name: string, ws: string): string {
  return fs.readFileSync(path.join(FIXTURES, agent, name), 'utf8').split(FIXTURE_WS).join(ws);
}

export function fixtureNames(agent: Agent): string[] {
  return fs.readdirSync(path.join(FIXTURES, agent)).filter((n) => n.endsWith('.json')).sort();
}

export function runHook(s: Scratch, agent: Agent, input: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, 'hook', agent, ...args], { input, cwd: s.ws, encoding: 'utf8', env: { ...s.env, ...env }, timeout: 60_000 });
}

/** Like runHook, but async (the test's bridge server must keep running while the hook waits). */
export function runHookAsync(s: Scratch, agent: Agent, input: string | undefined, args: readonly string[] = [], cwd: string = s.ws, closeStdin = true): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'hook', agent, ...args], { cwd, env: s.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
    // undefined input or closeStdin false: keep stdin open, as an agent that never closes it
    if (input !== undefined && closeStdin) child.stdin.end(input);
    else if (input !== undefined) child.stdin.write(input);
  });
}

/** What the agent makes of the hook's answer. `none`: the agent's own approval flow decides. */
export type Effect = 'none' | 'allow' | 'ask' | 'deny';

export interface Read {
  readonly effect: Effect;
  readonly reason: string;
}

function json(stdout: string): Record<string, unknown> | undefined {
  const t = stdout.trim();
  if (t === '') return undefined;
  const v: unknown = JSON.parse(t);
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `answer is not a JSON object: ${t}`);
  return v as Record<string, unknown>;
}

function s(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * Reads the answer as the agent would (agent-hooks.md): exit 2 and other statuses, the agent's own envelope.
 * Asserts the answer is well-formed for that agent (an answer an agent cannot read lets the call through).
 */
export function readAnswer(agent: Agent, r: { status: number | null; stdout: string; stderr: string }): Read {
  assert.equal(r.status, 0, `hook exit status ${String(r.status)} (stderr: ${r.stderr.slice(0, 300)})`);
  const a = json(r.stdout);
  switch (agent) {
    case 'claude':
    case 'codex':
    case 'vscode':
    case 'copilot-cli': {
      if (!a) return { effect: 'none', reason: '' };
      const h = a['hookSpecificOutput'] as Record<string, unknown> | undefined;
      const flat = s(a['permissionDecision']);
      const nested = s(h?.['permissionDecision']);
      if (agent === 'copilot-cli') assert.ok(flat, `Copilot CLI reads a flat permissionDecision: ${r.stdout}`);
      else assert.ok(nested && s(h?.['hookEventName']) === 'PreToolUse', `hookSpecificOutput with hookEventName PreToolUse expected: ${r.stdout}`);
      if (flat && nested) assert.equal(flat, nested, 'both envelopes must agree');
      const decision = agent === 'copilot-cli' ? flat : nested;
      const reason = agent === 'copilot-cli' ? s(a['permissionDecisionReason']) : s(h?.['permissionDecisionReason']);
      assert.ok(['allow', 'deny', 'ask'].includes(decision), `decision ${decision}`);
      if (agent === 'codex') assert.notEqual(decision, 'ask', 'Codex ignores ask');
      if (agent === 'codex') assert.notEqual(decision, 'allow', 'Codex ignores allow without updatedInput');
      if (decision !== 'allow') assert.ok(reason.trim().length > 0, 'a blocking answer needs a reason');
      return { effect: decision as Effect, reason };
    }
    case 'gemini': {
      if (!a) return { effect: 'none', reason: '' };
      const d = s(a['decision']);
      assert.ok(['allow', 'deny', 'ask'].includes(d), `decision ${d}`);
      return { effect: d as Effect, reason: s(a['reason']) };
    }
    case 'cursor': {
      assert.ok(a, 'Cursor with failClosed needs an explicit answer, even for allow');
      const p = s(a['permission']);
      assert.ok(['allow', 'deny', 'ask'].includes(p), `permission ${p}`);
      if (p !== 'allow') assert.ok(s(a['user_message']).length > 0 && s(a['agent_message']).length > 0, 'messages for the person and the agent');
      // Cursor's plain allow is how "no objection" is said (an empty answer blocks under failClosed)
      return { effect: p === 'allow' ? 'none' : (p as Effect), reason: s(a['user_message']) };
    }
    case 'cline': {
      assert.ok(a && typeof a['cancel'] === 'boolean', `Cline needs {cancel}: ${r.stdout}`);
      if (a['cancel'] === true) assert.ok(s(a['errorMessage']).length > 0, 'a cancel needs an errorMessage');
      return { effect: a['cancel'] === true ? 'deny' : 'none', reason: s(a['errorMessage']) };
    }
  }
}

/** Blocks without a person: deny, or ask where the agent asks. */
export function blocks(effect: Effect): boolean {
  return effect === 'deny' || effect === 'ask';
}
