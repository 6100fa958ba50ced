/**
 * `agent-guard hook <agent>` for every agent and every recorded/documented payload, with no editor running:
 * the answer must be in the agent's own shape and mean what the core's verdict means for that agent —
 * deny stays deny, confirm becomes the agent's "ask" where it honours one and a deny saying how to approve
 * elsewhere, allow defers to the agent. The expected verdict is taken from `agent-guard check` for the same
 * command or file, so these tests pin the adapters, not the rule packs.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROTECTED_FILE, STEPS } from '../../agents/harness/steps';
import { AGENTS, CLI, blocks, fixture, fixtureNames, readAnswer, runHook, runHookAsync, scratch, type Agent, type Effect, type Scratch } from './harness';

type Action = { command: string } | { edit: string; op: 'write' | 'delete' | 'rename' };
interface Case {
  /** What the call does, as the hook should understand it; `read` for read-only tools, `unknown` for unknown tools. */
  readonly does: readonly Action[] | 'read' | 'unknown';
  /** Whether this agent honours "ask" for this payload. */
  readonly ask: boolean;
}

const W = (p: string): string => `{ws}/${p}`;

/**
 * Payloads recorded from the real agents by `npm run test:agents` (`<tool>.<step>.recorded.json`, see
 * test/agents/harness/steps.ts): what each call does is the step's script. When a new agent version sends a
 * shape the adapter misreads, these stop matching `agent-guard check`.
 */
function recordedByHarness(agent: Agent, ask: boolean): Record<string, Case> {
  const out: Record<string, Case> = {};
  for (const name of fixtureNames(agent)) {
    const m = /^(\w+)\.([a-z-]+)\.recorded\.json$/.exec(name);
    const step = STEPS.find((s) => s.id === m?.[2]);
    if (!m || !step) continue;
    const does: Case['does'] = step.kind === 'shell' ? [{ command: step.command ?? '' }] : m[1] === 'Read' ? 'read' : [{ edit: W(PROTECTED_FILE), op: 'write' }];
    out[name] = { does, ask };
  }
  return out;
}

const CASES: Record<Agent, Record<string, Case>> = {
  claude: {
    'Bash.recorded.json': { does: [{ command: 'rm -rf victim' }], ask: false }, // bypassPermissions: no prompt to ask in
    'Bash.terraform.documented.json': { does: [{ command: 'terraform destroy -auto-approve' }], ask: true },
    'Write.recorded.json': { does: [{ edit: W('.env'), op: 'write' }], ask: false },
    'Edit.documented.json': { does: [{ edit: W('.github/workflows/ci.yml'), op: 'write' }], ask: true },
    'MultiEdit.documented.json': { does: [{ edit: W('.env'), op: 'write' }], ask: true },
    'NotebookEdit.documented.json': { does: [{ edit: W('analysis.ipynb'), op: 'write' }], ask: true },
    'Read.documented.json': { does: 'read', ask: true },
    'mcp.documented.json': { does: 'unknown', ask: true },
    ...recordedByHarness('claude', false), // bypassPermissions: no prompt to ask in
  },
  codex: {
    'Bash.recorded.json': { does: [{ command: 'rm -r victim' }], ask: false },
    'Bash-dotenv.recorded.json': { does: [{ command: "printf 'SECRET=leaked\\n' > .env" }], ask: false },
    'apply_patch.recorded.json': { does: [{ edit: W('.env'), op: 'write' }], ask: false },
    'apply_patch-multi.documented.json': {
      does: [
        { edit: W('src/new.ts'), op: 'write' },
        { edit: W('src/app.ts'), op: 'write' },
        { edit: W('src/old.ts'), op: 'rename' },
        { edit: W('.github/workflows/deploy.yml'), op: 'write' },
        { edit: W('.env.production'), op: 'delete' },
      ],
      ask: false,
    },
    'mcp.documented.json': { does: 'unknown', ask: false },
    ...recordedByHarness('codex', false),
  },
  'copilot-cli': {
    'bash.recorded.json': { does: [{ command: 'rm -rf victim' }], ask: false },
    'bash-repohook.recorded.json': { does: [{ command: 'rm -rf victim' }], ask: false },
    'bash-string-args.documented.json': { does: [{ command: 'git push --force origin main' }], ask: false },
    'pascal-bash.documented.json': { does: [{ command: 'rm -rf /' }], ask: false },
    'create.recorded.json': { does: [{ edit: W('victim/file2.env'), op: 'write' }], ask: false },
    'edit.documented.json': { does: [{ edit: W('.env'), op: 'write' }], ask: false },
    'apply_patch.documented.json': { does: [{ edit: W('.git/config'), op: 'delete' }], ask: false },
    ...recordedByHarness('copilot-cli', false),
  },
  gemini: {
    'run_shell_command.recorded.json': { does: [{ command: 'rm -rf victim' }], ask: true },
    'write_file.recorded.json': { does: [{ edit: W('victim/file.txt'), op: 'write' }], ask: true },
    'replace.documented.json': { does: [{ edit: W('.github/workflows/ci.yml'), op: 'write' }], ask: true },
    'read_file.documented.json': { does: 'read', ask: true },
    ...recordedByHarness('gemini', true),
  },
  vscode: {
    'run_in_terminal.documented.json': { does: [{ command: 'rm -rf ~' }], ask: true },
    'create_file.documented.json': { does: [{ edit: W('.env'), op: 'write' }], ask: true },
    'replace_string_in_file.documented.json': { does: [{ edit: W('src/app.ts'), op: 'write' }], ask: true },
    'multi_replace_string_in_file.documented.json': { does: [{ edit: W('src/a.ts'), op: 'write' }, { edit: W('.vscode/agent-guard.json'), op: 'write' }], ask: true },
    'apply_patch.documented.json': { does: [{ edit: W('src/app.ts'), op: 'write' }, { edit: W('.github/workflows/x.yml'), op: 'write' }], ask: true },
    'edit_notebook_file.documented.json': { does: [{ edit: W('n.ipynb'), op: 'write' }], ask: true },
    'camelcase-docs.documented.json': { does: [{ command: 'git status' }], ask: true },
  },
  cursor: {
    'beforeShellExecution.documented.json': { does: [{ command: 'rm -rf /' }], ask: true },
    'beforeShellExecution-safe.documented.json': { does: [{ command: 'npm test' }], ask: true },
    'beforeMCPExecution.documented.json': { does: 'unknown', ask: true },
    'beforeReadFile.documented.json': { does: 'read', ask: false },
    'preToolUse-Write.documented.json': { does: [{ edit: W('.env'), op: 'write' }], ask: false },
    'preToolUse-Shell.documented.json': { does: [{ command: 'rm -rf /' }], ask: false },
  },
  cline: {
    'execute_command.documented.json': { does: [{ command: 'git push --force origin main' }], ask: false },
    'write_to_file.documented.json': { does: [{ edit: W('.env'), op: 'write' }], ask: false },
    'replace_in_file.documented.json': { does: [{ edit: W('src/app.ts'), op: 'write' }], ask: false },
    'read_file.documented.json': { does: 'read', ask: false },
    ...recordedByHarness('cline', false),
  },
};

interface Expected {
  readonly decision: 'allow' | 'confirm' | 'deny';
  readonly rules: readonly string[];
}

const RANK = { allow: 0, confirm: 1, deny: 2 } as const;

/** The core's verdict for what the call does, from `agent-guard check` (strictest over all actions). */
function expected(s: Scratch, c: Case): Expected {
  if (c.does === 'read') return { decision: 'allow', rules: [] };
  if (c.does === 'unknown') return { decision: 'confirm', rules: ['hook.unknown-tool'] };
  let decision: Expected['decision'] = 'allow';
  const rules: string[] = [];
  for (const a of c.does) {
    const args = 'command' in a ? ['check', '--json', '--cwd', s.ws, '--root', s.ws, '--', a.command] : ['check', '--edit', a.op, '--root', s.ws, '--json', a.edit.replace('{ws}', s.ws)];
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: s.ws, encoding: 'utf8', env: s.env });
    const v = JSON.parse(r.stdout) as { decision: Expected['decision']; reasons: { rule: string; decision: string }[] };
    if (RANK[v.decision] > RANK[decision]) decision = v.decision;
    rules.push(...v.reasons.map((x) => x.rule));
  }
  return { decision, rules };
}

function effectFor(agent: Agent, e: Expected, ask: boolean): Effect {
  if (e.decision === 'deny') return 'deny';
  if (e.decision === 'allow') return 'none';
  return ask ? 'ask' : 'deny';
}

describe('agent-guard hook <agent>: recorded and documented payloads, no editor', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch();
  });
  after(() => s.cleanup());

  it('every fixture in test/fixtures/hooks has a case here (and every case a fixture)', () => {
    for (const agent of AGENTS) assert.deepEqual(fixtureNames(agent), Object.keys(CASES[agent]).sort(), agent);
  });

  it('the fixtures cover dangerous, protected-path, safe and read-only calls for every agent', () => {
    for (const agent of AGENTS) {
      const exp = Object.values(CASES[agent]).map((c) => expected(s, c).decision);
      assert.ok(exp.includes('deny') || exp.includes('confirm'), `${agent}: nothing blocked`);
      assert.ok(exp.includes('allow'), `${agent}: nothing allowed`);
    }
  });

  for (const agent of AGENTS) {
    describe(agent, () => {
      for (const [name, c] of Object.entries(CASES[agent])) {
        it(name, () => {
          const want = expected(s, c);
          const r = runHook(s, agent, fixture(agent, name, s.ws));
          const got = readAnswer(agent, r);
          assert.equal(got.effect, effectFor(agent, want, c.ask), `verdict ${want.decision} (${want.rules.join(', ')}); answer ${r.stdout}`);
          if (blocks(got.effect)) {
            assert.ok(want.rules.some((rule) => got.reason.includes(rule)), `the reason names the rule: ${got.reason}`);
            if (got.effect === 'deny' && want.decision === 'confirm') assert.match(got.reason, /To approve/, 'a deny standing in for a confirm says how to approve');
          }
        });
      }
    });
  }
});

describe('agent-guard hook <agent>: input it cannot trust fails closed', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch();
  });
  after(() => s.cleanup());

  const garbage: [string, string][] = [
    ['not JSON', '{"this is": not json'],
    ['empty stdin', ''],
    ['a JSON array', '[1,2]'],
    ['null', 'null'],
    ['an object without a tool', '{"session_id":"x","cwd":"/tmp"}'],
  ];
  for (const agent of AGENTS) {
    for (const [what, input] of garbage) {
      it(`${agent}: ${what} → deny naming hook.malformed-input`, () => {
        const got = readAnswer(agent, runHook(s, agent, input));
        assert.equal(got.effect, 'deny');
        assert.match(got.reason, /hook\.malformed-input/);
      });
    }
  }

  it('a known shell tool without a command is denied, not allowed', () => {
    const payload = { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} };
    const got = readAnswer('claude', runHook(s, 'claude', JSON.stringify(payload)));
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /hook\.malformed-input/);
  });

  it('an edit tool without a path is denied (VS Code multi_replace with a replacement naming no file)', () => {
    const payload = { hook_event_name: 'PreToolUse', session_id: 's', cwd: s.ws, tool_name: 'multi_replace_string_in_file', tool_input: { replacements: [{ filePath: `${s.ws}/a.ts` }, { oldString: 'x' }] }, tool_use_id: 'c' };
    assert.equal(readAnswer('vscode', runHook(s, 'vscode', JSON.stringify(payload))).effect, 'deny');
  });

  it('an apply_patch whose paths cannot be read is not allowed', () => {
    const payload = { session_id: 's', turn_id: 't', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: 'something that is not a patch' }, tool_use_id: 'c' };
    assert.equal(readAnswer('codex', runHook(s, 'codex', JSON.stringify(payload))).effect, 'deny');
  });

  for (const agent of ['claude', 'codex', 'cline'] as const) {
    it(`${agent}: an unknown tool that could write or execute is never silently allowed`, () => {
      const payload =
        agent === 'cline'
          ? { hookName: 'PreToolUse', workspaceRoots: [s.ws], preToolUse: { toolName: 'fancy_writer', parameters: { target: 'x' } } }
          : { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'FancyWriter', tool_input: { target: 'x' }, tool_use_id: 'c' };
      const got = readAnswer(agent, runHook(s, agent, JSON.stringify(payload)));
      assert.ok(blocks(got.effect), `effect ${got.effect}`);
      assert.match(got.reason, /hook\.unknown-tool/);
    });
  }

  it('--trust-tool lets a named unknown tool through to the agent\'s own approval (prefix patterns too)', () => {
    const payload = { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'mcp__github__create_issue', tool_input: {}, tool_use_id: 'c' };
    assert.equal(readAnswer('claude', runHook(s, 'claude', JSON.stringify(payload), ['--trust-tool', 'mcp__github__*'])).effect, 'none');
    assert.equal(readAnswer('claude', runHook(s, 'claude', JSON.stringify(payload), ['--trust-tool', 'mcp__jira__*'])).effect, 'ask');
  });

  it('--trust-tool never downgrades a judged shell command', () => {
    const payload = { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf /' }, tool_use_id: 'c' };
    assert.equal(readAnswer('claude', runHook(s, 'claude', JSON.stringify(payload), ['--trust-tool', 'Bash'])).effect, 'deny');
  });

  it('Cursor preToolUse leaves --skip-tool tools to their own event (explicit allow, no judgement)', () => {
    const text = fixture('cursor', 'preToolUse-Shell.documented.json', s.ws);
    assert.equal(readAnswer('cursor', runHook(s, 'cursor', text, ['--skip-tool', 'Shell', '--skip-tool', 'MCP:*'])).effect, 'none');
    assert.equal(readAnswer('cursor', runHook(s, 'cursor', text)).effect, 'deny');
  });

  it('a payload written whole but stdin never closed is judged at once, not left to the watchdog', async () => {
    const payload = { session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'echo "}{" && rm -rf /' }, tool_use_id: 'c' };
    const r = await runHookAsync(s, 'claude', JSON.stringify(payload, null, 2), ['--timeout', '30'], s.ws, false);
    const got = readAnswer('claude', r);
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /fs\.delete-system/);
    assert.doesNotMatch(got.reason, /hook\.timeout/);
  });

  for (const agent of ['claude', 'codex', 'cline'] as const) {
    it(`${agent}: stdin never closed → the hook answers deny by itself before the agent's timeout`, async () => {
      const r = await runHookAsync(s, agent, undefined, ['--timeout', '2']);
      const got = readAnswer(agent, r);
      assert.equal(got.effect, 'deny');
      assert.match(got.reason, /hook\.timeout/);
    });
  }
});

describe('agent-guard hook <agent>: allow, auto-approve and policies', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch();
  });
  after(() => s.cleanup());

  const shell = (agent: Agent, command: string): string => {
    switch (agent) {
      case 'claude':
      case 'codex':
      case 'gemini':
        return JSON.stringify({ session_id: 's', cwd: s.ws, hook_event_name: agent === 'gemini' ? 'BeforeTool' : 'PreToolUse', permission_mode: 'default', tool_name: agent === 'gemini' ? 'run_shell_command' : 'Bash', tool_input: { command }, tool_use_id: 'c' });
      case 'vscode':
        return JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', cwd: s.ws, tool_name: 'run_in_terminal', tool_input: { command, explanation: 'x', isBackground: false }, tool_use_id: 'c' });
      case 'copilot-cli':
        return JSON.stringify({ sessionId: 's', timestamp: 1, cwd: s.ws, toolName: 'bash', toolArgs: { command } });
      case 'cursor':
        return JSON.stringify({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'beforeShellExecution', workspace_roots: [s.ws], command, cwd: s.ws });
      case 'cline':
        return JSON.stringify({ hookName: 'PreToolUse', workspaceRoots: [s.ws], preToolUse: { toolName: 'execute_command', parameters: { command } } });
    }
  };

  for (const agent of AGENTS) {
    it(`${agent}: a safe command defers to the agent's own approval by default`, () => {
      assert.equal(readAnswer(agent, runHook(s, agent, shell(agent, 'git status'))).effect, 'none');
    });
  }

  const canAllow: Record<Agent, Effect> = { claude: 'allow', vscode: 'allow', gemini: 'allow', 'copilot-cli': 'allow', cursor: 'none', cline: 'none', codex: 'none' };
  for (const agent of AGENTS) {
    it(`${agent}: with auto-approve a safe command is ${canAllow[agent] === 'allow' ? 'allowed explicitly' : 'still "no objection" (the agent has no plain allow)'}; deny stays deny`, () => {
      assert.equal(readAnswer(agent, runHook(s, agent, shell(agent, 'git status'), ['--auto-approve'])).effect, canAllow[agent]);
      assert.equal(readAnswer(agent, runHook(s, agent, shell(agent, 'git status'), [], { AGENT_GUARD_AUTO_APPROVE: '1' })).effect, canAllow[agent]);
      assert.equal(readAnswer(agent, runHook(s, agent, shell(agent, 'rm -rf /'), ['--auto-approve'])).effect, 'deny');
    });
  }

  it('the workspace policy applies (a team-protected path needs a person)', () => {
    const ws = path.join(s.root, 'team');
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.vscode', 'agent-guard.json'), '{ "version": 1, "protectedPaths": ["infra/prod/**"] }\n');
    const write = (p: string): string => JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', permission_mode: 'default', tool_name: 'Write', tool_input: { file_path: path.join(ws, p), content: 'x' }, tool_use_id: 'c' });
    assert.equal(readAnswer('claude', runHook(s, 'claude', write('infra/prod/main.tf'))).effect, 'ask');
    assert.equal(readAnswer('claude', runHook(s, 'claude', write('src/main.ts'))).effect, 'none');
  });

  it('a broken policy file fails closed: writes need a person', () => {
    const ws = path.join(s.root, 'broken');
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.vscode', 'agent-guard.json'), '{ "version": 1, "protectedPaths": [ }');
    const payload = JSON.stringify({ session_id: 's', turn_id: 't', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: '*** Begin Patch\n*** Add File: src/a.ts\n+x\n*** End Patch\n' }, tool_use_id: 'c' });
    assert.equal(readAnswer('codex', runHook(s, 'codex', payload)).effect, 'deny');
  });

  it('Cline paths are relative to the first workspace root, whatever the hook\'s own cwd', () => {
    const payload = JSON.stringify({ hookName: 'PreToolUse', workspaceRoots: [s.ws], preToolUse: { toolName: 'write_to_file', parameters: { path: '.git/config', content: 'x' } } });
    const got = readAnswer('cline', runHook(s, 'cline', payload));
    assert.equal(got.effect, 'deny');
    assert.match(got.reason, /path\.git-internals/);
  });
});
