/**
 * The editor bridge end to end: a test "editor" written here from the protocol description alone
 * (src/shared/bridgeProtocol.ts — runtime file location and name, 0700/0600, token, one JSON line each way)
 * answers yes, no, or never; the built hook, spawned as each agent runs it, must turn that into the agent's
 * answer. Also: what happens when the runtime file is unsafe, stale or has the wrong token.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { startBridgeServer } from '../../../src/cli/bridge/server';
import { BRIDGE_PROTOCOL_VERSION, type ConfirmRequest } from '../../../src/shared/bridgeProtocol';
import { AGENTS, FIXTURES, FIXTURE_WS, readAnswer, runHookAsync, scratch, type Agent, type Effect, type Scratch } from './harness';
import { TestEditor } from './testEditor';

/** A call each agent makes that the built-in policy sends to a person: writing .env. */
function writeEnv(agent: Agent, ws: string, cwd = ws): string {
  const file = path.join(ws, '.env');
  switch (agent) {
    case 'claude':
      return JSON.stringify({ session_id: 's', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: file, content: 'K=1' }, tool_use_id: 't' });
    case 'vscode':
      return JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', cwd, tool_name: 'create_file', tool_input: { filePath: file, content: 'K=1' }, tool_use_id: 't' });
    case 'gemini':
      return JSON.stringify({ session_id: 's', cwd, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: file, content: 'K=1' } });
    case 'codex':
      return JSON.stringify({ session_id: 's', turn_id: 'u', cwd, hook_event_name: 'PreToolUse', permission_mode: 'default', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Add File: ${file}\n+K=1\n*** End Patch\n` }, tool_use_id: 't' });
    case 'copilot-cli':
      return JSON.stringify({ sessionId: 's', timestamp: 1, cwd, toolName: 'create', toolArgs: { path: file, file_text: 'K=1' } });
    case 'cursor':
      return JSON.stringify({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', workspace_roots: [ws], tool_name: 'Write', tool_input: { file_path: file, content: 'K=1' }, tool_use_id: 't', cwd });
    case 'cline':
      return JSON.stringify({ hookName: 'PreToolUse', workspaceRoots: [ws], preToolUse: { toolName: 'write_to_file', parameters: { path: '.env', content: 'K=1' } } });
  }
}

/** After a person said yes: agents with a plain allow get it; the others get "no objection". */
const APPROVED: Record<Agent, Effect> = { claude: 'allow', vscode: 'allow', gemini: 'allow', 'copilot-cli': 'allow', cursor: 'none', cline: 'none', codex: 'none' };
/** Nobody answered: the agent's own ask where it honours one for this payload, else deny. */
const UNANSWERED: Record<Agent, Effect> = { claude: 'ask', vscode: 'ask', gemini: 'ask', 'copilot-cli': 'deny', cursor: 'deny', cline: 'deny', codex: 'deny' };

describe('editor bridge: a person answers in the editor', function () {
  this.timeout(180_000);
  let s: Scratch;
  let editor: TestEditor;
  before(async () => {
    s = scratch('ag-bridge-');
    editor = new TestEditor(s.runtime, s.ws, 'yes');
    await editor.start();
  });
  after(async () => {
    await editor.stop();
    s.cleanup();
  });
  beforeEach(() => {
    editor.received.length = 0;
  });

  it('sends an authenticated confirm request that says what the agent is about to do and why', async () => {
    editor.mode = 'yes';
    const before = Date.now();
    const got = readAnswer('claude', await runHookAsync(s, 'claude', writeEnv('claude', s.ws)));
    assert.equal(got.effect, 'allow');
    assert.match(got.reason, /Approved by a person/);
    assert.equal(editor.received.length, 1);
    const req = editor.received[0] as unknown as ConfirmRequest;
    assert.equal(req.type, 'confirm');
    assert.equal(req.version, BRIDGE_PROTOCOL_VERSION);
    assert.equal(req.token, editor.token);
    assert.equal(req.agent, 'claude');
    assert.equal(req.tool, 'Write');
    assert.equal(req.root, s.ws);
    assert.deepEqual(req.actions, [{ kind: 'edit', path: path.join(s.ws, '.env'), op: 'write' }]);
    assert.equal(req.verdict.decision, 'confirm');
    assert.ok(req.verdict.reasons.some((r) => r.rule === 'path.secrets'));
    assert.ok(typeof req.id === 'string' && req.id.length > 0);
    assert.ok(req.deadline > before, 'a deadline in the future');
  });

  for (const agent of AGENTS) {
    it(`${agent}: yes → ${APPROVED[agent] === 'allow' ? 'allow' : 'no objection (the agent has no plain allow)'}`, async () => {
      editor.mode = 'yes';
      assert.equal(readAnswer(agent, await runHookAsync(s, agent, writeEnv(agent, s.ws))).effect, APPROVED[agent]);
      assert.equal(editor.received.length, 1);
      assert.equal(editor.received[0]?.['agent'], agent);
    });

    it(`${agent}: no → deny, naming the rule and what the person said`, async () => {
      editor.mode = 'no';
      const got = readAnswer(agent, await runHookAsync(s, agent, writeEnv(agent, s.ws)));
      assert.equal(got.effect, 'deny');
      assert.match(got.reason, /declined/);
      assert.match(got.reason, /path\.secrets/);
      assert.match(got.reason, /not on a Friday/);
    });

    it(`${agent}: never answers → ${UNANSWERED[agent]} shortly before the agent's timeout`, async () => {
      editor.mode = 'never';
      const got = readAnswer(agent, await runHookAsync(s, agent, writeEnv(agent, s.ws), ['--timeout', '3']));
      assert.equal(got.effect, UNANSWERED[agent]);
      assert.match(got.reason, /path\.secrets/);
      if (got.effect === 'deny') assert.match(got.reason, /To approve/);
      assert.equal(editor.received.length, 1, 'the editor was asked');
    });
  }

  it('a deny verdict is never sent to the editor and never downgraded, even by an editor that says yes', async () => {
    editor.mode = 'yes';
    const payload = JSON.stringify({ session_id: 's', cwd: s.ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' }, tool_use_id: 't' });
    assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', payload)).effect, 'deny');
    assert.equal(editor.received.length, 0);
  });

  it('an allowed call does not bother the person', async () => {
    editor.mode = 'no';
    const payload = JSON.stringify({ session_id: 's', cwd: s.ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'git status' }, tool_use_id: 't' });
    assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', payload)).effect, 'none');
    assert.equal(editor.received.length, 0);
  });

  it('an agent working in a sub-folder reaches the editor of the enclosing workspace', async () => {
    editor.mode = 'yes';
    const sub = path.join(s.ws, 'src');
    assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', writeEnv('claude', s.ws, sub))).effect, 'allow');
    assert.equal(editor.received.length, 1);
  });

  it('VS Code without a hook cwd (started in the home folder): the running editor that holds the file is asked', async () => {
    editor.mode = 'yes';
    const payload = JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'create_file', tool_input: { filePath: path.join(s.ws, '.env'), content: 'K=1' }, tool_use_id: 't' });
    assert.equal(readAnswer('vscode', await runHookAsync(s, 'vscode', payload, [], s.home)).effect, 'allow');
    assert.equal(editor.received.length, 1);
    assert.equal(editor.received[0]?.['root'], s.ws);
  });

  it('a multi-file patch shows the person every path it touches, with what it does to each', async () => {
    editor.mode = 'no';
    const text = fs.readFileSync(path.join(FIXTURES, 'codex', 'apply_patch-multi.documented.json'), 'utf8').split(FIXTURE_WS).join(s.ws);
    assert.equal(readAnswer('codex', await runHookAsync(s, 'codex', text)).effect, 'deny');
    const req = editor.received[0] as unknown as ConfirmRequest;
    assert.deepEqual(req.actions, [
      { kind: 'edit', path: path.join(s.ws, 'src/new.ts'), op: 'write' },
      { kind: 'edit', path: path.join(s.ws, 'src/app.ts'), op: 'write' },
      { kind: 'edit', path: path.join(s.ws, 'src/old.ts'), op: 'rename' },
      { kind: 'edit', path: path.join(s.ws, '.github/workflows/deploy.yml'), op: 'write' },
      { kind: 'edit', path: path.join(s.ws, '.env.production'), op: 'delete' },
    ]);
  });

  it('a unified diff (Copilot CLI git_apply_patch) is read the same way: added, deleted and renamed files', async () => {
    editor.mode = 'no';
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1 +1 @@', '-a', '+b',
      'diff --git a/.env b/.env', 'deleted file mode 100644', '--- a/.env', '+++ /dev/null', '@@ -1 +0,0 @@', '-K=1',
      'diff --git a/docs/x.md b/docs/y.md', 'rename from docs/x.md', 'rename to docs/y.md',
    ].join('\n');
    const payload = JSON.stringify({ sessionId: 's', timestamp: 1, cwd: s.ws, toolName: 'git_apply_patch', toolArgs: { input: diff } });
    assert.equal(readAnswer('copilot-cli', await runHookAsync(s, 'copilot-cli', payload)).effect, 'deny');
    const req = editor.received[0] as unknown as ConfirmRequest;
    assert.deepEqual(req.actions, [
      { kind: 'edit', path: path.join(s.ws, 'src/a.ts'), op: 'write' },
      { kind: 'edit', path: path.join(s.ws, '.env'), op: 'delete' },
      { kind: 'edit', path: path.join(s.ws, 'docs/x.md'), op: 'rename' },
      { kind: 'edit', path: path.join(s.ws, 'docs/y.md'), op: 'write' },
    ]);
  });

  it('unknown tools are confirmed by the person too', async () => {
    editor.mode = 'yes';
    const payload = JSON.stringify({ session_id: 's', turn_id: 'u', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'mcp__db__query', tool_input: { sql: 'select 1' }, tool_use_id: 't' });
    assert.equal(readAnswer('codex', await runHookAsync(s, 'codex', payload)).effect, 'none');
    assert.deepEqual((editor.received[0] as unknown as ConfirmRequest).actions.map((a) => a.kind), ['tool']);
  });
});

describe('editor bridge: runtime files that must not be trusted', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch('ag-bridge-bad-');
  });
  after(() => s.cleanup());

  it('no editor at all → the agent\'s own ask (Claude) / deny saying how to approve (Codex)', async () => {
    assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', writeEnv('claude', s.ws))).effect, 'ask');
    const codex = readAnswer('codex', await runHookAsync(s, 'codex', writeEnv('codex', s.ws)));
    assert.equal(codex.effect, 'deny');
    assert.match(codex.reason, /To approve/);
  });

  it('a runtime file readable by others is ignored (nobody is asked)', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes');
    await editor.start(0o644);
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', writeEnv('claude', s.ws))).effect, 'ask');
      assert.equal(editor.received.length, 0);
    } finally {
      await editor.stop();
    }
  });

  it('an editor that rejects the token does not approve anything', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes', 'another-token');
    await editor.start();
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', writeEnv('claude', s.ws))).effect, 'ask');
      assert.equal(editor.received.length, 1);
    } finally {
      await editor.stop();
    }
  });

  it('a stale runtime file (socket gone) falls back at once', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes');
    await editor.start(0o600, path.join(s.runtime, 'agent-guard', 'gone.sock'));
    try {
      const got = readAnswer('copilot-cli', await runHookAsync(s, 'copilot-cli', writeEnv('copilot-cli', s.ws)));
      assert.equal(got.effect, 'deny');
      assert.match(got.reason, /To approve/);
      assert.equal(editor.received.length, 0);
    } finally {
      await editor.stop();
    }
  });
});

describe('editor bridge: the reusable server (src/cli/bridge/server.ts) with the real hook', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch('ag-bridge-server-');
  });
  after(() => s.cleanup());

  it('publishes a private runtime file, answers a confirm, and is gone after close', async () => {
    const seen: ConfirmRequest[] = [];
    const server = await startBridgeServer({
      root: s.ws,
      runtimeDir: path.join(s.runtime, 'agent-guard'),
      editor: 'test',
      onConfirm: (req) => {
        seen.push(req);
        return Promise.resolve({ answer: 'allow' });
      },
    });
    try {
      assert.equal(fs.statSync(server.runtimeFile).mode & 0o777, 0o600);
      assert.equal(fs.statSync(path.dirname(server.runtimeFile)).mode & 0o777, 0o700);
      assert.equal(readAnswer('gemini', await runHookAsync(s, 'gemini', writeEnv('gemini', s.ws))).effect, 'allow');
      assert.equal(seen.length, 1);
      assert.equal(seen[0]?.agent, 'gemini');
    } finally {
      await server.close();
    }
    assert.ok(!fs.existsSync(server.runtimeFile));
    assert.equal(readAnswer('gemini', await runHookAsync(s, 'gemini', writeEnv('gemini', s.ws))).effect, 'ask');
  });

  it('tells the dialog to close (abort signal) when the hook stops waiting', async () => {
    let aborted: Promise<void> | undefined;
    const server = await startBridgeServer({
      root: s.ws,
      runtimeDir: path.join(s.runtime, 'agent-guard'),
      onConfirm: (_req, signal) => {
        aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
        return new Promise(() => undefined); // the person never answers
      },
    });
    try {
      assert.equal(readAnswer('codex', await runHookAsync(s, 'codex', writeEnv('codex', s.ws), ['--timeout', '3'])).effect, 'deny');
      assert.ok(aborted, 'the dialog was opened');
      await aborted;
    } finally {
      await server.close();
    }
  });

  it('refuses a request with the wrong token', async () => {
    const server = await startBridgeServer({ root: s.ws, runtimeDir: path.join(s.runtime, 'agent-guard'), onConfirm: () => Promise.resolve({ answer: 'allow' }) });
    try {
      const file = JSON.parse(fs.readFileSync(server.runtimeFile, 'utf8')) as { socket: string };
      const answer = await new Promise<string>((resolve, reject) => {
        const c = net.createConnection(file.socket, () => c.write(JSON.stringify({ type: 'confirm', version: 1, token: 'x'.repeat(64), id: 'i', actions: [], verdict: {}, deadline: Date.now() + 5000 }) + '\n'));
        let out = '';
        c.setEncoding('utf8').on('data', (d: string) => (out += d)).on('end', () => resolve(out)).on('error', reject);
      });
      assert.deepEqual(JSON.parse(answer), { type: 'error', id: 'i', error: 'bad token' });
    } finally {
      await server.close();
    }
  });
});
