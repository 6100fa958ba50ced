/**
 * Agent configuration and the guard's own files are protected by default: every file class, by edit tools and by
 * every shell spelling that writes, deletes or renames (workspace /work/ws, home /home/dev).
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { EditOp } from '../../../src/core/policy/types';

const ROOT = '/work/ws';
const HOME = '/home/dev';
const guard = createGuard({ home: HOME });
/** A guard that was not told the home directory: the any-depth globs must still protect ~/.codex etc. */
const homeless = createGuard();

const ruleIds = (cmd: string, cwd = ROOT): string[] => guard.checkCommand(cmd, { cwd, root: ROOT, env: { HOME } }).reasons.map((r) => r.rule);

/** [path (workspace-relative or absolute), expected rule] */
const FILES: [string, string][] = [
  ['.vscode/settings.json', 'path.agent-config'],
  ['.vscode/tasks.json', 'path.agent-config'],
  ['.vscode/launch.json', 'path.agent-config'],
  ['app.code-workspace', 'path.agent-config'],
  ['packages/web/.vscode/settings.json', 'path.agent-config'],
  ['.claude/settings.json', 'path.agent-config'],
  ['.claude/settings.local.json', 'path.agent-config'],
  ['.github/hooks/agent-guard.json', 'path.agent-config'],
  ['.cursor/hooks.json', 'path.agent-config'],
  ['.codex/config.toml', 'path.agent-config'],
  ['.gemini/settings.json', 'path.agent-config'],
  ['.clinerules/hooks/PreToolUse', 'path.agent-config'],
  ['.cline/hooks/PreToolUse', 'path.agent-config'],
  [`${HOME}/.cline/hooks/PreToolUse`, 'path.agent-config'],
  [`${HOME}/.claude/settings.json`, 'path.agent-config'],
  [`${HOME}/.codex/config.toml`, 'path.agent-config'],
  [`${HOME}/.gemini/settings.json`, 'path.agent-config'],
  [`${HOME}/.cursor/hooks.json`, 'path.agent-config'],
  [`${HOME}/.copilot/config.json`, 'path.agent-config'],
  [`${HOME}/Documents/Cline/Hooks/PreToolUse`, 'path.agent-config'],
  [`${HOME}/.config/Code/User/settings.json`, 'path.agent-config'],
  [`${HOME}/.config/Code - Insiders/User/settings.json`, 'path.agent-config'],
  [`${HOME}/Library/Application Support/Code/User/settings.json`, 'path.agent-config'],
  [`${HOME}/.vscode-server/data/Machine/settings.json`, 'path.agent-config'],
  [`${HOME}/.config/agent-guard/policy.json`, 'path.guard-files'],
  [`${HOME}/.cache/agent-guard/run/123.json`, 'path.guard-files'],
  ['/run/user/1000/agent-guard/42.json', 'path.guard-files'],
];

/** Ordinary neighbours that stay allowed. */
const NOT_PROTECTED = ['.vscode/extensions.json', '.vscode/notes.md', '.claude/commands/review.md', '.github/workflows-docs.md', 'src/settings.json', 'docs/codex.md', '.cursor/rules/style.mdc'];

describe('agent configuration: edit tools', () => {
  for (const [file, rule] of FILES) {
    for (const op of ['write', 'delete', 'rename'] as EditOp[]) {
      it(`${op} ${file} → confirm ${rule}`, () => {
        const v = guard.checkEdit(file, op, { root: ROOT });
        assert.equal(v.decision, 'confirm', JSON.stringify(v.reasons));
        assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons));
      });
    }
    if (file.startsWith(HOME)) {
      it(`write ${file} is protected even when the guard does not know the home directory`, () => {
        const v = homeless.checkEdit(file, 'write', { root: ROOT });
        assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons));
      });
    }
  }
  for (const file of NOT_PROTECTED) {
    it(`write ${file} → allow`, () => assert.equal(guard.checkEdit(file, 'write', { root: ROOT }).decision, 'allow'));
  }
});

/** Every shell spelling of a write, delete or rename; `F` is replaced by the protected path. */
const SPELLINGS: string[] = [
  'echo x > F',
  'echo x >> F',
  'echo x >| F',
  'echo x &> F',
  'echo x 2> F',
  'cat > F <<EOF\n{}\nEOF',
  'echo x | tee F',
  'echo x | tee -a F',
  'echo x | sudo tee F',
  'dd if=/tmp/x of=F',
  'cp /tmp/x F',
  'cp -f /tmp/x F',
  'mv /tmp/x F',
  'install -m 644 /tmp/x F',
  "sed -i 's/a/b/' F",
  "sed -i.bak -e 's/a/b/' F",
  "perl -pi -e 's/a/b/' F",
  'truncate -s 0 F',
  'ln -sf /tmp/x F',
  'ln -s /tmp/x F',
  'git checkout -- F',
  'git checkout HEAD~3 -- F',
  'git restore F',
  'git restore --source=HEAD~1 F',
  'rm F',
  'rm -f F',
  'unlink F',
  'mv F /tmp/old',
  'touch F',
  "bash -c 'echo x > F'",
  'sudo sh -c "echo x > F"',
  "eval 'echo x > F'",
  'echo x | xargs -I{} cp {} F',
];

const TARGETS: [string, string][] = [
  ['.vscode/settings.json', 'path.agent-config'],
  ['.claude/settings.local.json', 'path.agent-config'],
  ['.github/hooks/hooks.json', 'path.agent-config'],
  ['~/.codex/config.toml', 'path.agent-config'],
  ['$HOME/.gemini/settings.json', 'path.agent-config'],
  ['/home/dev/.config/agent-guard/policy.json', 'path.guard-files'],
];

describe('agent configuration: shell spellings', () => {
  for (const [target, rule] of TARGETS) {
    for (const spelling of SPELLINGS) {
      const cmd = spelling.split('F').join(target);
      it(`${JSON.stringify(cmd)} → ${rule}`, () => {
        const v = guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env: { HOME } });
        assert.notEqual(v.decision, 'allow');
        assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons));
      });
    }
  }

  const OTHER: [string, string][] = [
    ['cd .vscode && echo x > settings.json', 'path.agent-config'],
    ['cp settings.json .vscode', 'path.agent-config'],
    ['cp settings.json .vscode/', 'path.agent-config'],
    ['cp -t .vscode settings.json', 'path.agent-config'],
    ['mv new-hooks.json .cursor/hooks.json', 'path.agent-config'],
    ['rm -rf .vscode', 'path.agent-config'],
    ['rm -r .claude', 'path.agent-config'],
    ['rm -rf .github', 'path.agent-config'],
    ['rm -rf ~/.codex', 'path.agent-config'],
    ['rm -rf .cache/agent-guard', 'path.guard-files'],
    ['mv .vscode .vscode.bak', 'path.agent-config'],
    ['rm -rf ~/.config/agent-guard', 'path.guard-files'],
  ];
  for (const [cmd, rule] of OTHER) {
    it(`${JSON.stringify(cmd)} → ${rule}`, () => assert.ok(ruleIds(cmd).includes(rule), JSON.stringify(ruleIds(cmd))));
  }

  // the guard's own folders live under home: a workspace cache folder of the same name is not them
  const SILENT = ['rm -rf node_modules/.cache', 'rm -rf .local/share/tmp', 'cat .vscode/settings.json', 'cp .vscode/settings.json /tmp/settings.json', 'git diff .vscode/settings.json', 'echo x > .vscode/notes.md', 'cp a.json b.json', 'rm -rf dist', 'ln -s ../shared lib', 'jq . .claude/settings.json', 'code --install-extension foo.bar'];
  for (const cmd of SILENT) {
    it(`${JSON.stringify(cmd)} → allow`, () => assert.equal(guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env: { HOME } }).decision, 'allow'));
  }
});

describe('agent settings content (checkEdit with content)', () => {
  const rows: [string, string, string | undefined][] = [
    ['.vscode/settings.json', '{\n  "editor.tabSize": 2,\n  "chat.tools.global.autoApprove": true\n}', 'agents.settings-auto-approve'],
    ['.vscode/settings.json', '{ "chat.tools.autoApprove": true }', 'agents.settings-auto-approve'],
    ['.vscode/settings.json', '{ "chat.tools.terminal.autoApprove": { "/.*/": true } }', 'agents.settings-auto-approve'],
    [`${HOME}/.config/Code/User/settings.json`, '{ "chat.tools.global.autoApprove": true }', 'agents.settings-auto-approve'],
    ['.vscode/tasks.json', '{ "tasks": [ { "label": "x", "command": "./x.sh", "runOptions": { "runOn": "folderOpen" } } ] }', 'agents.settings-task-on-open'],
    ['.claude/settings.json', '{ "permissions": { "defaultMode": "bypassPermissions" } }', 'agents.settings-bypass-permissions'],
    ['.claude/settings.local.json', '{ "disableAllHooks": true }', 'agents.settings-bypass-permissions'],
    ['.claude/settings.json', '{ "permissions": { "allow": ["Read", "Bash"] } }', 'agents.settings-bypass-permissions'],
    [`${HOME}/.codex/config.toml`, 'model = "o4"\napproval_policy = "never"\n', 'agents.settings-bypass-permissions'],
    [`${HOME}/.codex/config.toml`, 'sandbox_mode = "danger-full-access"\n', 'agents.settings-bypass-permissions'],
    ['.gemini/settings.json', '{ "general": { "defaultApprovalMode": "yolo" } }', 'agents.settings-bypass-permissions'],
    // ordinary settings: only the path finding
    ['.vscode/settings.json', '{ "chat.tools.global.autoApprove": false, "editor.formatOnSave": true }', undefined],
    ['.claude/settings.json', '{ "permissions": { "allow": ["Bash(npm test)"] } }', undefined],
    ['.vscode/tasks.json', '{ "tasks": [ { "label": "build", "command": "npm run build" } ] }', undefined],
    ['src/notes.json', '{ "chat.tools.global.autoApprove": true }', undefined],
  ];
  for (const [file, content, rule] of rows) {
    it(`${file} ${rule ?? '(ordinary content)'}`, () => {
      const v = guard.checkEdit(file, 'write', { root: ROOT, content });
      const hit = v.reasons.find((r) => r.rule.startsWith('agents.settings-'));
      if (rule === undefined) assert.equal(hit, undefined, JSON.stringify(v.reasons));
      else {
        assert.equal(hit?.rule, rule, JSON.stringify(v.reasons));
        assert.equal(v.decision, 'confirm');
        assert.equal(hit?.file, file);
        assert.ok((hit?.line ?? 0) >= 1);
      }
    });
  }
  it('the line of the setting is reported', () => {
    const v = guard.checkEdit('.vscode/settings.json', 'write', { root: ROOT, content: '{\n  "a": 1,\n  "chat.tools.global.autoApprove": true\n}' });
    assert.equal(v.reasons.find((r) => r.rule === 'agents.settings-auto-approve')?.line, 3);
  });
});
