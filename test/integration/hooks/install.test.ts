/**
 * `agent-guard install` / `uninstall` / `doctor` on a scratch HOME and workspace, through the built CLI.
 * Existing configs carry comments and other people's hooks: they must survive, byte for byte after uninstall.
 * The installed command lines are then run through a shell exactly as the agents run them.
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENTS, CLI, scratch, type Agent, type Scratch } from './harness';
import { TestEditor } from './testEditor';

const EXISTING: Record<string, string> = {
  '.claude/settings.json': `{
  // personal settings, keep this comment
  "model": "opus",
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "my-linter --strict" } ] }, // mine
    ],
    "Stop": [ { "hooks": [ { "type": "command", "command": "notify-send done" } ] } ]
  }
}
`,
  '.gemini/settings.json': `{
  "security": { "auth": { "selectedType": "gemini-api-key" } }, /* keep */
  "hooks": { "AfterTool": [ { "matcher": ".*", "hooks": [ { "name": "log", "type": "command", "command": "log-tool" } ] } ] }
}
`,
  '.cursor/hooks.json': `{
  "version": 1,
  "hooks": {
    // a formatter someone installed
    "afterFileEdit": [ { "command": "./format.sh" } ],
    "beforeShellExecution": [ { "command": "./audit.sh" } ]
  }
}
`,
  '.codex/hooks.json': `{
  "hooks": {
    "PreToolUse": [ { "matcher": "^Bash$", "hooks": [ { "type": "command", "command": "codex-audit", "timeout": 5 } ] } ]
  }
}
`,
  '.copilot/hooks/team.json': `{ "version": 1, "hooks": { "sessionStart": [ { "type": "command", "bash": "echo hi" } ] } }
`,
};

const USER_FILES: Record<Agent, string> = {
  claude: '.claude/settings.json',
  gemini: '.gemini/settings.json',
  cursor: '.cursor/hooks.json',
  codex: '.codex/hooks.json',
  vscode: '.copilot/hooks/agent-guard.json',
  'copilot-cli': '.copilot/hooks/agent-guard.json',
  cline: 'Documents/Cline/Hooks/PreToolUse',
};

function cli(s: Scratch, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: s.ws, encoding: 'utf8', env: { ...s.env, ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function seed(s: Scratch): void {
  for (const [rel, text] of Object.entries(EXISTING)) {
    fs.mkdirSync(path.dirname(path.join(s.home, rel)), { recursive: true });
    fs.writeFileSync(path.join(s.home, rel), text);
  }
}

function backups(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.includes('.agent-guard-backup-')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function snapshot(s: Scratch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of new Set(Object.values(USER_FILES))) {
    const p = path.join(s.home, rel);
    if (fs.existsSync(p)) out[rel] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

/** The command line installed for an agent, read back from its config. */
function installedCommand(s: Scratch, agent: Agent): string {
  const file = path.join(s.home, USER_FILES[agent]);
  const text = fs.readFileSync(file, 'utf8');
  if (agent === 'cline') return `'${file}'`;
  const key = agent === 'copilot-cli' ? 'bash' : 'command';
  const re = new RegExp(`"${key}":\\s*"([^"]*hook ${agent}[^"]*)"`);
  const m = re.exec(text);
  assert.ok(m?.[1], `no ${key} for ${agent} in ${text}`);
  return JSON.parse(`"${m[1]}"`) as string;
}

function dangerous(agent: Agent, ws: string): string {
  const c = 'rm -rf /';
  switch (agent) {
    case 'claude': return JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: c } });
    case 'codex': return JSON.stringify({ session_id: 's', turn_id: 't', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: c } });
    case 'gemini': return JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: c } });
    case 'vscode': return JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'run_in_terminal', tool_input: { command: c }, tool_use_id: 't', cwd: ws });
    case 'copilot-cli': return JSON.stringify({ sessionId: 's', timestamp: 1, cwd: ws, toolName: 'bash', toolArgs: { command: c } });
    case 'cursor': return JSON.stringify({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'beforeShellExecution', workspace_roots: [ws], command: c, cwd: ws });
    case 'cline': return JSON.stringify({ hookName: 'PreToolUse', workspaceRoots: [ws], preToolUse: { toolName: 'execute_command', parameters: { command: c } } });
  }
}

/** What trusting our hook in Codex's /hooks records (Codex 0.171.0; the hash is Codex's own, any sha256 here). */
function trustCodexHook(s: Scratch): void {
  const hooksFile = path.join(s.home, '.codex', 'hooks.json');
  const doc = JSON.parse(fs.readFileSync(hooksFile, 'utf8')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
  const group = doc.hooks.PreToolUse.findIndex((g) => g.hooks.some((h) => / hook codex /.test(h.command)));
  const key = `${hooksFile}:pre_tool_use:${group}:0`;
  fs.appendFileSync(path.join(s.home, '.codex', 'config.toml'), `\n[hooks.state.${JSON.stringify(key)}]\ntrusted_hash = "sha256:${'0'.repeat(64)}"\n`);
}

describe('agent-guard install / uninstall (user scope, existing configs)', function () {
  this.timeout(300_000);
  let s: Scratch;
  let original: Record<string, string>;
  before(() => {
    s = scratch('ag-install-');
    seed(s);
    original = snapshot(s);
  });
  after(() => s.cleanup());

  it('--dry-run writes nothing and says what it would do', () => {
    const r = cli(s, ['install', '--all', '--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /would update .*settings\.json/);
    assert.match(r.stdout, /would create .*PreToolUse/);
    assert.deepEqual(snapshot(s), original);
    assert.deepEqual(backups(s.home), []);
  });

  it('installs every agent, keeping comments and other hooks, with a backup of each file it changed', () => {
    const r = cli(s, ['install', '--all']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const now = snapshot(s);
    // the user's content is still there
    assert.match(now['.claude/settings.json']!, /\/\/ personal settings, keep this comment/);
    assert.match(now['.claude/settings.json']!, /my-linter --strict/);
    assert.match(now['.claude/settings.json']!, /notify-send done/);
    assert.match(now['.gemini/settings.json']!, /\/\* keep \*\//);
    assert.match(now['.gemini/settings.json']!, /log-tool/);
    assert.match(now['.cursor/hooks.json']!, /\/\/ a formatter someone installed/);
    assert.match(now['.cursor/hooks.json']!, /\.\/audit\.sh/);
    assert.match(now['.codex/hooks.json']!, /codex-audit/);
    assert.equal(fs.readFileSync(path.join(s.home, '.copilot/hooks/team.json'), 'utf8'), EXISTING['.copilot/hooks/team.json']);
    // the fail-closed switches and a timeout long enough for a person
    assert.match(now['.claude/settings.json']!, /"onFailure":\s*"block"/);
    assert.match(now['.claude/settings.json']!, /"timeout":\s*150/);
    assert.match(now['.gemini/settings.json']!, /"timeout":\s*150000/);
    assert.equal((now['.cursor/hooks.json']!.match(/"failClosed":\s*true/g) ?? []).length, 3);
    assert.match(now['.copilot/hooks/agent-guard.json']!, /"timeoutSec":\s*150/);
    assert.equal((now['.copilot/hooks/agent-guard.json']!.match(/"preToolUse"/g) ?? []).length, 1, 'one shared entry for VS Code and Copilot CLI');
    const cline = path.join(s.home, USER_FILES.cline);
    assert.ok((fs.statSync(cline).mode & 0o111) !== 0, 'Cline hook is executable');
    // a backup of every pre-existing file that changed, holding the original
    const saved = backups(s.home);
    assert.equal(saved.length, 4, saved.join('\n'));
    for (const b of saved) {
      const rel = path.relative(s.home, b).replace(/\.agent-guard-backup-.*$/, '');
      assert.equal(fs.readFileSync(b, 'utf8'), original[rel], rel);
    }
  });

  it('is idempotent: a second install changes nothing and makes no backup', () => {
    const before = snapshot(s);
    const count = backups(s.home).length;
    const r = cli(s, ['install', '--all']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /already installed/);
    assert.deepEqual(snapshot(s), before);
    assert.equal(backups(s.home).length, count);
  });

  for (const agent of AGENTS) {
    it(`${agent}: the installed command, run through a shell as the agent runs it, blocks "rm -rf /"`, () => {
      const r = spawnSync('/bin/sh', ['-c', installedCommand(s, agent)], { input: dangerous(agent, s.ws), cwd: s.ws, encoding: 'utf8', env: s.env, timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /fs\.delete-system/);
      assert.match(r.stdout, /"deny"|"cancel":true/);
    });
  }

  it('doctor: Codex skips a hook nobody trusted yet — a problem, exit 1', () => {
    const r = cli(s, ['doctor', '--agent', 'codex', '--json']);
    const report = JSON.parse(r.stdout) as { agents: { scopes: { scope: string; problems: string[] }[] }[] };
    assert.equal(r.status, 1, r.stdout);
    const user = report.agents[0]!.scopes.find((x) => x.scope === 'user')!;
    assert.ok(user.problems.some((p) => /Codex has not trusted this hook/.test(p)), JSON.stringify(user.problems));
  });

  it('doctor: every agent wired and self-tested, no editor; exit 0', () => {
    trustCodexHook(s);
    const r = cli(s, ['doctor', '--json']);
    const report = JSON.parse(r.stdout) as { ok: boolean; agents: { agent: string; scopes: { scope: string; wired: boolean; problems: string[]; selfTest?: { ok: boolean } }[] }[]; bridge: { editor: string } };
    assert.equal(r.status, 0, r.stdout);
    assert.equal(report.ok, true);
    for (const a of report.agents) {
      const user = a.scopes.find((x) => x.scope === 'user')!;
      assert.equal(user.wired, true, a.agent);
      assert.deepEqual(user.problems, [], a.agent);
      assert.equal(user.selfTest?.ok, true, a.agent);
    }
    assert.equal(report.bridge.editor, 'absent');
  });

  it('doctor: sees an editor that answers', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes');
    await editor.start();
    try {
      // asynchronously: the test editor lives in this process and must keep answering
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [CLI, 'doctor', '--agent', 'claude'], { cwd: s.ws, encoding: 'utf8', env: s.env }, (err, out) => (err && err.code !== 1 ? reject(new Error(err.message)) : resolve(out)));
      });
      assert.match(stdout, /Editor bridge .*: answers/);
      assert.equal(editor.received[0]?.['type'], 'ping');
    } finally {
      await editor.stop();
    }
  });

  it('doctor: reports a hook that lost its fail-closed switch, exit 1', () => {
    const file = path.join(s.home, USER_FILES.claude);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/"onFailure":\s*"block"/, '"onFailure": "continue"'));
    try {
      const r = cli(s, ['doctor', '--agent', 'claude']);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /problem: .*onFailure/);
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('doctor: reports settings that switch hooks off (Claude disableAllHooks, Gemini hooksConfig)', () => {
    const claude = path.join(s.home, USER_FILES.claude);
    const gemini = path.join(s.home, USER_FILES.gemini);
    const [c, g] = [fs.readFileSync(claude, 'utf8'), fs.readFileSync(gemini, 'utf8')];
    fs.writeFileSync(claude, c.replace('"model": "opus",', '"model": "opus", "disableAllHooks": true,'));
    fs.writeFileSync(gemini, g.replace('"security":', '"hooksConfig": { "enabled": false }, "security":'));
    try {
      const r = cli(s, ['doctor', '--agent', 'claude,gemini']);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /disableAllHooks/);
      assert.match(r.stdout, /hooksConfig\.enabled/);
    } finally {
      fs.writeFileSync(claude, c);
      fs.writeFileSync(gemini, g);
    }
  });

  it('uninstall restores every file byte for byte and removes the files it created', () => {
    const r = cli(s, ['uninstall', '--all']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(snapshot(s), original);
    assert.ok(!fs.existsSync(path.join(s.home, USER_FILES.cline)));
    assert.ok(!fs.existsSync(path.join(s.home, USER_FILES.vscode)));
    assert.equal(fs.readFileSync(path.join(s.home, '.copilot/hooks/team.json'), 'utf8'), EXISTING['.copilot/hooks/team.json']);
    const again = cli(s, ['uninstall', '--all']);
    assert.equal(again.status, 0);
    assert.deepEqual(snapshot(s), original);
  });
});

describe('agent-guard install: workspace scope, detection, files it must not touch', function () {
  this.timeout(300_000);
  let s: Scratch;
  beforeEach(() => {
    s = scratch('ag-install-ws-');
  });
  afterEach(() => s.cleanup());

  it('--scope workspace writes the project files (one shared .github/hooks entry for VS Code + Copilot CLI)', () => {
    const r = cli(s, ['install', '--agent', 'claude,vscode,copilot-cli,cline,cursor,gemini,codex', '--scope', 'workspace', '--workspace', s.ws]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    for (const rel of ['.claude/settings.json', '.github/hooks/agent-guard.json', '.clinerules/hooks/PreToolUse', '.cursor/hooks.json', '.gemini/settings.json', '.codex/hooks.json']) {
      assert.ok(fs.existsSync(path.join(s.ws, rel)), rel);
    }
    const shared = fs.readFileSync(path.join(s.ws, '.github/hooks/agent-guard.json'), 'utf8');
    assert.match(shared, /hook vscode/);
    assert.match(shared, /hook copilot-cli/);
    assert.match(r.stdout, /VS Code .* \+ GitHub Copilot CLI/);
    assert.deepEqual(fs.readdirSync(s.home).filter((n) => n !== '.cache' && n !== '.config' && !n.startsWith('.npm')), [], 'no agent config written to the home folder');
    assert.deepEqual(fs.readdirSync(path.join(s.home, '.config')), ['agent-guard'], 'only Agent Guard\'s install record under ~/.config');
    const un = cli(s, ['uninstall', '--scope', 'workspace', '--workspace', s.ws]);
    assert.equal(un.status, 0);
    for (const rel of ['.claude/settings.json', '.github/hooks/agent-guard.json', '.clinerules/hooks/PreToolUse', '.cursor/hooks.json', '.gemini/settings.json', '.codex/hooks.json']) {
      assert.ok(!fs.existsSync(path.join(s.ws, rel)), `${rel} removed (it held only our hook)`);
    }
  });

  it('without --agent, installs only for the agents found on this machine', () => {
    fs.mkdirSync(path.join(s.home, '.gemini'));
    const r = cli(s, ['install'], { PATH: path.dirname(process.execPath) });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(fs.existsSync(path.join(s.home, '.gemini/settings.json')));
    assert.ok(!fs.existsSync(path.join(s.home, '.claude')));
  });

  it('without --agent, the Cline CLI on PATH counts as Cline found (before it ever made ~/.cline)', () => {
    const bin = path.join(s.root, 'cline-bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'cline'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const r = cli(s, ['install'], { PATH: [bin, path.dirname(process.execPath)].join(path.delimiter) });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(fs.existsSync(path.join(s.home, USER_FILES.cline)), r.stdout);
    assert.ok(!fs.existsSync(path.join(s.home, '.claude')));
  });

  it('a config that is not valid JSON is left untouched and reported; the others are still installed', () => {
    const bad = path.join(s.home, '.claude/settings.json');
    fs.mkdirSync(path.dirname(bad), { recursive: true });
    fs.writeFileSync(bad, '{ "hooks": [ oops');
    const r = cli(s, ['install', '--agent', 'claude,gemini']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /not valid JSON/);
    assert.equal(fs.readFileSync(bad, 'utf8'), '{ "hooks": [ oops');
    assert.ok(fs.existsSync(path.join(s.home, '.gemini/settings.json')));
  });

  it('someone else\'s Cline PreToolUse hook is left alone', () => {
    const file = path.join(s.home, USER_FILES.cline);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\necho \'{"cancel":false}\'\n', { mode: 0o755 });
    const r = cli(s, ['install', '--agent', 'cline']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /not written by Agent Guard/);
    assert.equal(fs.readFileSync(file, 'utf8'), '#!/bin/sh\necho \'{"cancel":false}\'\n');
    assert.equal(cli(s, ['uninstall', '--agent', 'cline']).status, 0);
    assert.ok(fs.existsSync(file));
  });

  it('--auto-approve and --trust-tool are written into the hook command line', () => {
    const r = cli(s, ['install', '--agent', 'claude', '--auto-approve', '--trust-tool', 'mcp__github__*']);
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(path.join(s.home, '.claude/settings.json'), 'utf8');
    assert.match(text, /hook claude --timeout 150 --auto-approve --trust-tool 'mcp__github__\*'/);
  });

  it('rejects an unknown agent or scope with a usage message', () => {
    assert.equal(cli(s, ['install', '--agent', 'windsurf']).status, 2);
    assert.equal(cli(s, ['install', '--scope', 'global']).status, 2);
  });
});
