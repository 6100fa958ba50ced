/**
 * "Removal is noticed" (issue #8): after `agent-guard install`, `doctor` (built CLI) and the in-process check
 * the extension uses (src/cli/install/protection.ts) tell a hook that was deleted, edited, points at a program
 * that is gone, or is skipped by an agent's own switch, from one never installed — and repair writes it back.
 * Scratch HOME and workspace; PATH holds only node, so no real agent on this machine counts as "found".
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkProtection, type HookCheck, type ProtectionOptions } from '../../../src/cli/install/protection';
import { repairHooks } from '../../../src/cli/install/repair';
import type { AgentId } from '../../../src/cli/hooks/types';
import { CLI, scratch, type Scratch } from './harness';

interface DoctorJson {
  ok: boolean;
  agents: { agent: string; status: string; scopes: { scope: string; status: string; recorded: boolean; repairable: boolean; problems: string[]; selfTest?: { ok: boolean } }[] }[];
}

function cli(s: Scratch, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: s.ws, encoding: 'utf8', env: { ...s.env, PATH: path.dirname(process.execPath) }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function install(s: Scratch, agents: string, scope: 'user' | 'workspace', extra: readonly string[] = []): void {
  const r = cli(s, ['install', '--agent', agents, '--scope', scope, '--workspace', s.ws, ...extra]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
}

function doctor(s: Scratch, agents?: string): { status: number | null; report: DoctorJson; stdout: string } {
  const r = cli(s, ['doctor', '--json', '--workspace', s.ws, ...(agents ? ['--agent', agents] : [])]);
  return { status: r.status, report: JSON.parse(r.stdout) as DoctorJson, stdout: r.stdout };
}

function scopeOf(report: DoctorJson, agent: string, scope: string): DoctorJson['agents'][number]['scopes'][number] {
  const found = report.agents.find((a) => a.agent === agent)?.scopes.find((x) => x.scope === scope);
  assert.ok(found, `${agent} ${scope} in the report`);
  return found;
}

function options(s: Scratch, extra: Partial<ProtectionOptions> = {}): ProtectionOptions {
  return { home: s.home, workspaces: [s.ws], env: { ...s.env, PATH: path.dirname(process.execPath) }, ...extra };
}

function check(s: Scratch, agent: AgentId, scope: 'user' | 'workspace', extra: Partial<ProtectionOptions> = {}): HookCheck {
  const found = checkProtection(options(s, { agents: [agent], scopes: [scope], ...extra })).checks[0];
  assert.ok(found);
  return found;
}

describe('removal is noticed: doctor and the in-process protection check', function () {
  this.timeout(300_000);
  let s: Scratch;
  beforeEach(() => {
    s = scratch('ag-protect-');
  });
  afterEach(() => s.cleanup());

  it('nothing installed: every agent "not installed", nothing broken, doctor exit 0', () => {
    const { status, report } = doctor(s);
    assert.equal(status, 0, JSON.stringify(report, null, 2));
    for (const a of report.agents) assert.equal(a.status, 'not installed', a.agent);
    assert.deepEqual(checkProtection(options(s)).broken, []);
  });

  it('Claude workspace hook: protected → file deleted → REMOVED, exit 1 → repair recreates it → protected', () => {
    install(s, 'claude', 'workspace');
    const file = path.join(s.ws, '.claude', 'settings.json');
    const original = fs.readFileSync(file, 'utf8');
    let d = doctor(s, 'claude');
    assert.equal(d.status, 0, d.stdout);
    assert.deepEqual(scopeOf(d.report, 'claude', 'workspace'), { ...scopeOf(d.report, 'claude', 'workspace'), status: 'ok', recorded: true, problems: [] });

    fs.rmSync(file);
    d = doctor(s, 'claude');
    assert.equal(d.status, 1);
    assert.equal(d.report.agents[0]?.status, 'unprotected');
    const ws = scopeOf(d.report, 'claude', 'workspace');
    assert.equal(ws.status, 'removed');
    assert.equal(ws.repairable, true);
    assert.match(ws.problems.join('\n'), /was deleted/);
    const text = cli(s, ['doctor', '--agent', 'claude', '--workspace', s.ws]);
    assert.match(text.stdout, /Claude Code \[claude\]: UNPROTECTED/);
    assert.match(text.stdout, /workspace .*settings\.json: REMOVED/);
    assert.match(text.stdout, /→ repair: agent-guard install --agent claude --scope workspace/);

    const broken = checkProtection(options(s)).broken;
    assert.deepEqual(broken.map((b) => `${b.agent}/${b.scope}/${b.status}`), ['claude/workspace/removed']);
    const results = repairHooks(broken, { home: s.home, env: s.env });
    assert.deepEqual(results.map((r) => r.ok), [true], JSON.stringify(results));
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the same hook, with the same command line, is back');
    assert.deepEqual(checkProtection(options(s)).broken, []);
    assert.equal(doctor(s, 'claude').status, 0);
  });

  it('our entry removed from a file that stays (the user\'s other settings kept) → removed; repair puts only ours back', () => {
    const file = path.join(s.ws, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{\n  // mine\n  "model": "opus"\n}\n');
    install(s, 'claude', 'workspace');
    fs.writeFileSync(file, '{\n  // mine\n  "model": "opus"\n}\n');
    const c = check(s, 'claude', 'workspace');
    assert.equal(c.status, 'removed');
    assert.match(c.problems.join(), /hook was removed from/);
    repairHooks([c], { home: s.home, env: s.env });
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /\/\/ mine/);
    assert.match(text, /hook claude/);
    assert.equal(check(s, 'claude', 'workspace').status, 'ok');
  });

  const edits: [string, AgentId, string, (t: string) => string, RegExp][] = [
    ['Claude: fail-closed switch flipped', 'claude', '.claude/settings.json', (t) => t.replace(/"onFailure":\s*"block"/, '"onFailure": "continue"'), /onFailure/],
    ['Claude: matcher narrowed to Bash', 'claude', '.claude/settings.json', (t) => t.replace('"matcher": "*"', '"matcher": "Bash"'), /matcher/],
    ['Claude: command lost its --timeout', 'claude', '.claude/settings.json', (t) => t.replace(/ --timeout 150/, ''), /hook command is .*agent-guard install writes/],
    ['Cursor: failClosed removed', 'cursor', '.cursor/hooks.json', (t) => t.replace(/,\s*"failClosed": true/, ''), /failClosed/],
    ['Gemini: timeout shortened', 'gemini', '.gemini/settings.json', (t) => t.replace(/"timeout": 150000/, '"timeout": 30'), /timeout/],
    ['VS Code/Copilot: timeout shortened', 'vscode', '.github/hooks/agent-guard.json', (t) => t.replace(/"timeout": 150/, '"timeout": 5').replace(/"timeoutSec": 150/, '"timeoutSec": 5'), /timeout/],
  ];
  for (const [what, agent, rel, edit, expect] of edits) {
    it(`changed: ${what} → "changed", repairable; repair restores what install wrote`, () => {
      install(s, agent, 'workspace');
      if (agent === 'gemini') fs.mkdirSync(path.join(s.home, '.gemini'), { recursive: true });
      if (agent === 'gemini') fs.writeFileSync(path.join(s.home, '.gemini/trustedFolders.json'), JSON.stringify({ [s.ws]: 'TRUST_FOLDER' }));
      const file = path.join(s.ws, rel);
      const original = fs.readFileSync(file, 'utf8');
      const edited = edit(original);
      assert.notEqual(edited, original, 'the edit applies');
      fs.writeFileSync(file, edited);
      const c = check(s, agent, 'workspace');
      assert.equal(c.status, 'changed', JSON.stringify(c));
      assert.ok(c.repairable);
      assert.match(c.problems.join('\n'), expect);
      assert.equal(doctor(s, agent).status, 1);
      repairHooks([c], { home: s.home, env: s.env });
      assert.equal(fs.readFileSync(file, 'utf8'), original);
      assert.equal(check(s, agent, 'workspace').status, 'ok');
    });
  }

  it('unresolvable: the hook\'s program is gone → "unresolvable"; repair rewrites it with a prefix that starts', () => {
    const fakeCli = path.join(s.root, 'old', 'dist', 'cli.js');
    fs.mkdirSync(path.dirname(fakeCli), { recursive: true });
    fs.copyFileSync(CLI, fakeCli);
    install(s, 'claude', 'user', ['--command', `${process.execPath} ${fakeCli}`]);
    assert.equal(check(s, 'claude', 'user').status, 'ok');
    fs.rmSync(path.join(s.root, 'old'), { recursive: true });
    const c = check(s, 'claude', 'user');
    assert.equal(c.status, 'unresolvable');
    assert.match(c.problems.join(), /cli\.js no longer exists/);
    const d = doctor(s, 'claude');
    assert.equal(d.status, 1);
    assert.equal(scopeOf(d.report, 'claude', 'user').selfTest?.ok, false, 'and the self-test agrees: it does not block');
    const [r] = repairHooks([c], { home: s.home, env: s.env, fallbackPrefix: `${process.execPath} ${CLI}` });
    assert.equal(r?.ok, true, r?.detail);
    assert.match(fs.readFileSync(path.join(s.home, '.claude/settings.json'), 'utf8'), new RegExp(CLI.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    assert.equal(check(s, 'claude', 'user').status, 'ok');
  });

  it('Cline: the hook script lost its executable bit → unresolvable', () => {
    install(s, 'cline', 'workspace');
    const file = path.join(s.ws, '.clinerules/hooks/PreToolUse');
    assert.equal(check(s, 'cline', 'workspace').status, 'ok');
    fs.chmodSync(file, 0o644);
    const c = check(s, 'cline', 'workspace');
    assert.equal(c.status, 'unresolvable');
    repairHooks([c], { home: s.home, env: s.env });
    assert.equal(check(s, 'cline', 'workspace').status, 'ok');
  });

  it('uninstall is not a problem: the record says it was removed on purpose', () => {
    install(s, 'claude,gemini', 'user');
    assert.equal(cli(s, ['uninstall', '--agent', 'claude', '--scope', 'user']).status, 0);
    assert.equal(check(s, 'claude', 'user').status, 'not-installed');
    assert.equal(check(s, 'gemini', 'user').status, 'ok');
    const record = JSON.parse(fs.readFileSync(path.join(s.home, '.config/agent-guard/installed-hooks.json'), 'utf8')) as { entries: { agent: string; removedAt?: string }[] };
    assert.ok(record.entries.find((e) => e.agent === 'claude')?.removedAt);
  });

  it('a hook wired without a record (installed before the record existed) still counts as installed', () => {
    install(s, 'claude', 'user');
    fs.rmSync(path.join(s.home, '.config/agent-guard/installed-hooks.json'));
    const file = path.join(s.home, '.claude/settings.json');
    assert.equal(check(s, 'claude', 'user').status, 'ok');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"onFailure":\s*"block"/, '"onFailure": "continue"'));
    assert.equal(check(s, 'claude', 'user').status, 'changed', 'compared with install for the options its own command line carries');
  });

  it('a hook the editor remembers (installed without a record) that disappears is removed; one the record says was uninstalled is not', () => {
    install(s, 'claude', 'workspace');
    const file = path.join(s.ws, '.claude/settings.json');
    fs.rmSync(path.join(s.home, '.config/agent-guard/installed-hooks.json'));
    fs.rmSync(file);
    assert.equal(check(s, 'claude', 'workspace').status, 'not-installed', 'nobody knows it was there');
    const known = [{ agent: 'claude' as const, file }];
    const c = check(s, 'claude', 'workspace', { known });
    assert.equal(c.status, 'removed');
    const [r] = repairHooks([c], { home: s.home, env: s.env, fallbackPrefix: `${process.execPath} ${CLI}` });
    assert.equal(r?.ok, true, r?.detail);
    assert.equal(check(s, 'claude', 'workspace', { known }).status, 'ok');
    assert.equal(cli(s, ['uninstall', '--agent', 'claude', '--scope', 'workspace', '--workspace', s.ws]).status, 0);
    assert.equal(check(s, 'claude', 'workspace', { known }).status, 'not-installed', 'uninstalled on purpose');
  });

  it('uninstall of a remembered hook that has no record entry and no file leaves a tombstone: no longer counted', () => {
    const file = path.join(s.home, '.claude/settings.json');
    const known = [{ agent: 'claude' as const, file }];
    assert.equal(check(s, 'claude', 'user', { known }).status, 'removed');
    assert.equal(cli(s, ['uninstall', '--agent', 'claude', '--scope', 'user']).status, 0);
    assert.equal(check(s, 'claude', 'user', { known }).status, 'not-installed');
  });

  describe('trust switches that make an agent skip a hook', () => {
    it('Claude: disableAllHooks in .claude/settings.local.json (another file than the hook\'s) or in the hook\'s own file → skipped, not repairable by install', () => {
      install(s, 'claude', 'user');
      const local = path.join(s.ws, '.claude/settings.local.json');
      fs.mkdirSync(path.dirname(local), { recursive: true });
      fs.writeFileSync(local, '{ "disableAllHooks": true }');
      const c = check(s, 'claude', 'user');
      assert.equal(c.status, 'skipped');
      assert.equal(c.repairable, false);
      assert.match(c.problems.join(), /disableAllHooks.*settings\.local\.json/);
      assert.equal(doctor(s, 'claude').status, 1);
      fs.writeFileSync(local, '{ "disableAllHooks": false }');
      assert.equal(check(s, 'claude', 'user').status, 'ok');
      const user = path.join(s.home, '.claude/settings.json');
      fs.writeFileSync(user, fs.readFileSync(user, 'utf8').replace('{', '{ "disableAllHooks": true,'));
      assert.equal(check(s, 'claude', 'user').status, 'skipped');
    });

    it('Gemini: a project hook in an untrusted folder is skipped; TRUST_FOLDER (or folder trust off) makes it count', () => {
      install(s, 'gemini', 'workspace');
      const c = check(s, 'gemini', 'workspace');
      assert.equal(c.status, 'skipped');
      assert.match(c.problems.join(), /only in a trusted folder/);
      fs.mkdirSync(path.join(s.home, '.gemini'), { recursive: true });
      fs.writeFileSync(path.join(s.home, '.gemini/trustedFolders.json'), JSON.stringify({ [s.ws]: 'TRUST_FOLDER' }));
      assert.equal(check(s, 'gemini', 'workspace').status, 'ok');
      fs.writeFileSync(path.join(s.home, '.gemini/trustedFolders.json'), JSON.stringify({ [path.join(s.ws, 'src')]: 'TRUST_PARENT', [s.ws + '/x']: 'DO_NOT_TRUST' }));
      assert.equal(check(s, 'gemini', 'workspace').status, 'ok', 'TRUST_PARENT of a child trusts its parent');
      fs.writeFileSync(path.join(s.home, '.gemini/trustedFolders.json'), JSON.stringify({ [s.ws]: 'DO_NOT_TRUST' }));
      assert.equal(check(s, 'gemini', 'workspace').status, 'skipped');
      fs.writeFileSync(path.join(s.home, '.gemini/settings.json'), '{ "security": { "folderTrust": { "enabled": false } } }');
      assert.equal(check(s, 'gemini', 'workspace').status, 'ok');
      fs.writeFileSync(path.join(s.home, '.gemini/settings.json'), '{ "hooksConfig": { "enabled": false }, "security": { "folderTrust": { "enabled": false } } }');
      assert.match(check(s, 'gemini', 'workspace').problems.join(), /hooksConfig\.enabled/);
    });

    it('Codex: an untrusted hook and an untrusted project are skipped; both trust entries make it count', () => {
      install(s, 'codex', 'workspace');
      const c = check(s, 'codex', 'workspace');
      assert.equal(c.status, 'skipped');
      assert.match(c.problems.join('\n'), /has not trusted this hook/);
      assert.match(c.problems.join('\n'), /trust_level = "trusted"/);
      const config = path.join(s.home, '.codex/config.toml');
      fs.mkdirSync(path.dirname(config), { recursive: true });
      const file = path.join(s.ws, '.codex/hooks.json');
      fs.writeFileSync(config, `model = "x"\n\n[projects."${s.ws}"]\ntrust_level = "trusted"\n\n[hooks.state."${file}:pre_tool_use:0:0"]\ntrusted_hash = "sha256:1"\n`);
      assert.equal(check(s, 'codex', 'workspace').status, 'ok');
      fs.appendFileSync(config, '\n[features]\nhooks = false\n');
      assert.match(check(s, 'codex', 'workspace').problems.join(), /\[features\] hooks = false/);
    });

    it('Copilot CLI: repository hooks need the folder in trustedFolders (VS Code, sharing the file, does not)', () => {
      install(s, 'copilot-cli', 'workspace');
      assert.equal(check(s, 'copilot-cli', 'workspace').status, 'skipped');
      assert.equal(check(s, 'vscode', 'workspace').status, 'ok');
      fs.mkdirSync(path.join(s.home, '.copilot'), { recursive: true });
      fs.writeFileSync(path.join(s.home, '.copilot/config.json'), JSON.stringify({ trustedFolders: [path.dirname(s.ws)] }));
      assert.equal(check(s, 'copilot-cli', 'workspace').status, 'ok');
    });

    it('VS Code: chat.useHooks false in the user settings file, or in the settings the editor passes → skipped', () => {
      install(s, 'vscode', 'workspace');
      assert.equal(check(s, 'vscode', 'workspace').status, 'ok');
      assert.equal(check(s, 'vscode', 'workspace', { editorSettings: { useHooks: false } }).status, 'skipped');
      assert.match(check(s, 'vscode', 'workspace', { editorSettings: { useHooks: true, hookFilesLocations: { '.github/hooks': false } } }).problems.join(), /hookFilesLocations/);
      const settings = path.join(s.home, '.config/Code/User/settings.json');
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, '{ "chat.useHooks": false }');
      const c = check(s, 'vscode', 'workspace');
      assert.equal(c.status, 'skipped');
      assert.match(c.problems.join(), /chat\.useHooks/);
    });
  });
});
