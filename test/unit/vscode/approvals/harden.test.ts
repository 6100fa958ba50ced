/**
 * Harden Built-in Approvals: what it writes into VS Code's auto-approve settings, and which settings make the
 * extension warn. Pure parts; VS Code's matching rules are mimicked by `terminalKeyRegex`.
 */
import * as assert from 'node:assert/strict';
import { createGuard } from '../../../../src/core/index';
import { findRule } from '../../../../src/core/rules/registry';
import { DESTRUCTIVE_PATTERNS } from '../../../../src/vscode/approvals/destructivePatterns';
import { describePlan, planPreview, planSetting, teamRuleKey, wantedEditEntries, wantedTerminalEntries } from '../../../../src/vscode/approvals/hardenPlan';
import { commandLineRegex, editGlobs } from '../../../../src/vscode/approvals/pathPatterns';
import { autoApproveFindings } from '../../../../src/vscode/approvals/autoApproveFindings';
import { agentBypassFindings, agentSettingsFiles } from '../../../../src/vscode/approvals/agentBypassFiles';
import { terminalKeyRegex } from '../../../../src/vscode/approvals/settingShapes';
import { setInSettingsText } from '../../../../src/vscode/approvals/settingsWriterText';

describe('destructive terminal patterns', () => {
  const guard = createGuard({ home: '/home/dev' });
  for (const p of DESTRUCTIVE_PATTERNS) {
    it(`${p.key} asks before \`${p.example}\` (${p.rule})`, () => {
      assert.ok(findRule(p.rule), `no built-in rule ${p.rule}`);
      assert.ok(terminalKeyRegex(p.key)?.test(p.example), 'the key does not match its example');
      const verdict = guard.checkCommand(p.example, { cwd: '/work/app', root: '/work/app' });
      assert.ok(verdict.reasons.some((r) => r.rule === p.rule && r.decision !== 'allow'), `${p.rule} did not fire: ${verdict.reasons.map((r) => r.rule).join(', ')}`);
    });
  }
  it('none of them asks before everyday read-only commands', () => {
    for (const c of ['ls -la', 'git status', 'git log --oneline', 'terraform plan', 'kubectl get pods', 'npm test', 'cat README.md']) {
      const hit = DESTRUCTIVE_PATTERNS.find((p) => terminalKeyRegex(p.key)?.test(c));
      assert.equal(hit, undefined, `${c} matched ${hit?.key}`);
    }
  });
});

describe('protected paths as approval patterns', () => {
  const edits: Array<[string, string[]]> = [
    ['infra/prod/**', ['infra/prod/**']],
    ['*.tfstate', ['**/*.tfstate']],
    ['docs/adr', ['docs/adr', 'docs/adr/**']],
    ['**/credentials', ['**/credentials', '**/credentials/**']],
    ['**/.env', ['**/.env']],
    ['~/.config/agent-guard/**', []],
    ['/etc/hosts', []],
  ];
  for (const [glob, want] of edits) it(`edits: ${glob} → ${JSON.stringify(want)}`, () => assert.deepEqual(editGlobs(glob), want));

  const mentions: Array<[string, string[], string[]]> = [
    ['**/.env', ['rm .env', 'cat ./.env', 'cp x "config/.env"', 'echo A=1 >> .env'], ['cat .envrc', 'ls env', 'printenv']],
    ['infra/prod/**', ['rm -rf infra/prod', 'sed -i s/a/b/ infra/prod/main.tf', 'cd /work/app/infra/prod && ls'], ['ls infra/production-notes', 'ls infra']],
    ['**/*.pem', ['rm server.pem', 'cat certs/key.pem'], ['cat pem.txt']],
    ['.github/workflows/**', ['rm .github/workflows/ci.yml'], ['ls .github']],
  ];
  for (const [glob, yes, no] of mentions) {
    it(`terminal: ${glob} is found in command lines that name it`, () => {
      const key = commandLineRegex(glob);
      assert.ok(key !== undefined);
      const re = terminalKeyRegex(key);
      for (const c of yes) assert.ok(re?.test(c), `${key} misses: ${c}`);
      for (const c of no) assert.ok(!re?.test(c), `${key} wrongly matches: ${c}`);
    });
  }
  it('a glob with nothing specific in it gives no terminal pattern', () => {
    assert.equal(commandLineRegex('**'), undefined);
    assert.equal(commandLineRegex('**/*'), undefined);
  });
});

describe('team rules as terminal patterns', () => {
  const cases: Array<{ rule: Parameters<typeof teamRuleKey>[0]; yes: string[]; no: string[] }> = [
    { rule: { program: ['terraform', 'tofu'], subcommand: [['apply'], ['workspace', 'select']], regex: undefined, id: 't', path: 'commands[0]' }, yes: ['terraform apply', 'tofu -chdir=x apply', '/usr/bin/terraform workspace select prod'], no: ['terraform plan', 'terraformer apply'] },
    { rule: { program: ['psql'], subcommand: undefined, regex: undefined, id: undefined, path: 'commands[1]' }, yes: ['psql -h db'], no: ['pg_dump'] },
    { rule: { program: undefined, subcommand: undefined, regex: '^psql .*DROP ', id: undefined, path: 'commands[2]' }, yes: ['psql -c DROP TABLE x'], no: ['psql -l'] },
  ];
  for (const c of cases) {
    it(`${c.rule.path} → ${teamRuleKey(c.rule)}`, () => {
      const re = terminalKeyRegex(teamRuleKey(c.rule) ?? '');
      for (const y of c.yes) assert.ok(re?.test(y), y);
      for (const n of c.no) assert.ok(!re?.test(n), n);
    });
  }
});

describe('merging into the person\'s settings', () => {
  const sources = {
    protectedPaths: [{ glob: '**/.env', id: 'path.secrets' }, { glob: 'infra/prod/**', id: 'workspace.protectedPaths[0]' }],
    commandRules: [{ program: ['make'], subcommand: [['deploy']], regex: undefined, id: 'team.deploy', path: 'commands[0]' }],
  };

  it('keeps their entries and order, adds ours after them', () => {
    const plan = planSetting('chat.tools.edits.autoApprove', { '**/*.md': true, 'src/**': true }, wantedEditEntries(sources), false);
    assert.deepEqual(Object.keys(plan.next), ['**/*.md', 'src/**', '**/.env', 'infra/prod/**']);
    assert.equal(plan.added.length, 2);
    assert.deepEqual(plan.conflicts, []);
  });

  const tightenedPlan = () => planSetting('chat.tools.edits.autoApprove', { 'infra/prod/**': true }, wantedEditEntries(sources), true);

  it('the dialog summarises additions by kind, naming the team\'s own rules and paths first; the preview lists every entry', () => {
    const plan = planSetting('chat.tools.terminal.autoApprove', { ls: true }, wantedTerminalEntries(sources), false);
    const lines = describePlan(plan, 3);
    assert.equal(lines[0], '+ 1 for your team rules: team.deploy');
    assert.match(lines[1] ?? '', /^\+ \d+ for destructive command families: fs\.delete-home, fs\.delete-outside-workspace, system\.format-disk, … \(\d+ more\)$/);
    assert.equal(lines[2], '+ 2 for protected paths: **/.env, infra/prod/**');
    const preview = JSON.parse(planPreview([plan])) as Record<string, Record<string, unknown>>;
    assert.equal(Object.keys(preview['chat.tools.terminal.autoApprove'] ?? {}).length, plan.added.length);
    assert.equal(preview['chat.tools.terminal.autoApprove']?.['ls'], undefined, 'their entry is not part of the change');
  });

  it('an entry of theirs that approves a protected path is kept and reported, or tightened and moved last when asked', () => {
    const current = { 'infra/prod/**': true, 'docs/**': true };
    const kept = planSetting('chat.tools.edits.autoApprove', current, wantedEditEntries(sources), false);
    assert.equal(kept.next['infra/prod/**'], true);
    assert.deepEqual(kept.conflicts.map((c) => c.key), ['infra/prod/**']);
    assert.match(describePlan(kept).join('\n'), /! kept yours: "infra\/prod\/\*\*": true/);
    assert.match(describePlan(tightenedPlan()).join('\n'), /~ "infra\/prod\/\*\*": true → false/);
    const tightened = planSetting('chat.tools.edits.autoApprove', current, wantedEditEntries(sources), true);
    assert.equal(tightened.next['infra/prod/**'], false);
    assert.equal(Object.keys(tightened.next).at(-1), 'infra/prod/**');
    assert.deepEqual(tightened.tightened.map((c) => c.key), ['infra/prod/**']);
  });

  it('an entry of theirs that already asks is left as it is', () => {
    const plan = planSetting('chat.tools.terminal.autoApprove', { rm: { approve: false, matchCommandLine: true } }, wantedTerminalEntries(sources), false);
    assert.deepEqual(plan.next['rm'], { approve: false, matchCommandLine: true });
    assert.ok(!plan.added.some((a) => a.key === 'rm'));
  });

  it('terminal entries: destructive families, team rules, protected paths (whole command line)', () => {
    const entries = wantedTerminalEntries(sources);
    assert.ok(entries.some((e) => e.key === 'rm' && e.value === false));
    assert.ok(entries.some((e) => e.why === 'team.deploy' && e.value === false));
    const env = entries.find((e) => e.why.startsWith('path.secrets'));
    assert.deepEqual(env?.value, { approve: false, matchCommandLine: true });
  });

  it('running it twice changes nothing the second time', () => {
    const first = planSetting('chat.tools.terminal.autoApprove', undefined, wantedTerminalEntries(sources), false);
    const second = planSetting('chat.tools.terminal.autoApprove', first.next, wantedTerminalEntries(sources), false);
    assert.equal(second.added.length, 0);
    assert.deepEqual(second.next, first.next);
  });

  it('writes into a settings file with comments without losing them', () => {
    const text = '{\n  // mine\n  "editor.fontSize": 14,\n}\n';
    const out = setInSettingsText(text, 'chat.tools.edits.autoApprove', { '**/.env': false });
    assert.match(out, /\/\/ mine/);
    assert.match(out, /"editor.fontSize": 14/);
    assert.match(out, /"chat.tools.edits.autoApprove": \{\s*"\*\*\/\.env": false\s*\}/);
    assert.match(setInSettingsText('', 'a.b', true), /"a.b": true/);
  });
});

describe('warning about auto-approve and bypass modes', () => {
  const cases: Array<{ name: string; settings: Record<string, unknown>; ids: string[] }> = [
    { name: 'nothing set: no warning', settings: {}, ids: [] },
    { name: 'global auto-approve (YOLO)', settings: { 'chat.tools.global.autoApprove': true }, ids: ['chat.tools.global.autoApprove'] },
    { name: 'the legacy global setting', settings: { 'chat.tools.autoApprove': true }, ids: ['chat.tools.autoApprove'] },
    { name: 'Bypass Approvals as the default permission level', settings: { 'chat.permissions.default': 'autoApprove' }, ids: ['chat.permissions.default=autoApprove'] },
    { name: 'Autopilot as the default permission level', settings: { 'chat.permissions.default': 'autopilot' }, ids: ['chat.permissions.default=autopilot'] },
    { name: 'Default Approvals is fine', settings: { 'chat.permissions.default': 'default', 'chat.tools.global.autoApprove': false }, ids: [] },
    { name: 'a terminal rule approving everything', settings: { 'chat.tools.terminal.autoApprove': { '/.*/': true, rm: false } }, ids: ['chat.tools.terminal.autoApprove:/.*/'] },
    { name: 'a catch-all in object form', settings: { 'chat.tools.terminal.autoApprove': { '/^/': { approve: true, matchCommandLine: true } } }, ids: ['chat.tools.terminal.autoApprove:/^/'] },
    { name: 'narrow terminal rules are fine', settings: { 'chat.tools.terminal.autoApprove': { '/^git (status|log)\\b/': true, npm: true } }, ids: [] },
    { name: 'Claude Code bypass mode', settings: { 'claudeCode.initialPermissionMode': 'bypassPermissions' }, ids: ['claudeCode.initialPermissionMode'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(autoApproveFindings((k) => c.settings[k]).map((f) => f.id), c.ids));
  }
});

describe('agents\' own bypass modes', () => {
  const files = agentSettingsFiles('/home/dev', {}, ['/work/app']);
  it('looks at the user and workspace settings of Claude Code, Codex and Gemini CLI', () => {
    assert.ok(files.includes('/home/dev/.claude/settings.json'));
    assert.ok(files.includes('/home/dev/.codex/config.toml'));
    assert.ok(files.includes('/work/app/.claude/settings.local.json'));
    assert.ok(agentSettingsFiles('/home/dev', { CLAUDE_CONFIG_DIR: '/cfg/claude' }, []).includes('/cfg/claude/settings.json'));
  });
  const cases: Array<{ name: string; file: string; text: string | undefined; found: RegExp | undefined }> = [
    { name: 'Claude Code bypassPermissions', file: '/home/dev/.claude/settings.json', text: '{\n  "permissions": {\n    "defaultMode": "bypassPermissions"\n  }\n}', found: /Claude Code's permission prompts .*line 3/ },
    { name: 'Codex approval_policy never', file: '/home/dev/.codex/config.toml', text: 'model = "o3"\napproval_policy = "never"\n', found: /Codex run commands without approval/ },
    { name: 'Gemini CLI YOLO', file: '/home/dev/.gemini/settings.json', text: '{ "defaultApprovalMode": "yolo" }', found: /YOLO mode/ },
    { name: 'an ordinary Claude settings file', file: '/home/dev/.claude/settings.json', text: '{ "permissions": { "defaultMode": "default" } }', found: undefined },
    { name: 'a missing file', file: '/home/dev/.codex/config.toml', text: undefined, found: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const findings = agentBypassFindings([{ file: c.file, text: c.text }]);
      if (c.found === undefined) assert.deepEqual(findings, []);
      else assert.match(findings.map((f) => f.message).join('\n'), c.found);
    });
  }
});
