import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPolicy } from '../../../../src/cli/policy/load';
import { homeConfigCandidates, homeConfigFiles, tildePath } from '../../../../src/vscode/protect/homeConfigFiles';

describe('protected-file watch: agent config files outside the workspace', () => {
  const home = '/home/dev';
  const cases: Array<{ name: string; env: Record<string, string>; includes: string[]; excludes: string[] }> = [
    {
      name: 'defaults: every agent\'s user-level hook file, Codex and Copilot approvals, the user policy',
      env: {},
      includes: ['/home/dev/.claude/settings.json', '/home/dev/.codex/hooks.json', '/home/dev/.codex/config.toml', '/home/dev/.gemini/settings.json', '/home/dev/.cursor/hooks.json', '/home/dev/.copilot/hooks/agent-guard.json', '/home/dev/.copilot/config.json', '/home/dev/Documents/Cline/Hooks/PreToolUse', '/home/dev/.config/agent-guard/policy.json'],
      excludes: ['/home/dev/.claude.json'],
    },
    {
      name: 'the agents\' own relocation variables are followed',
      env: { CLAUDE_CONFIG_DIR: '/cfg/claude', CODEX_HOME: '/cfg/codex', COPILOT_HOME: '/cfg/copilot', XDG_CONFIG_HOME: '/cfg/xdg' },
      includes: ['/cfg/claude/settings.json', '/cfg/codex/hooks.json', '/cfg/codex/config.toml', '/cfg/copilot/config.json', '/cfg/copilot/hooks/agent-guard.json', '/cfg/xdg/agent-guard/policy.json'],
      excludes: ['/home/dev/.claude/settings.json', '/home/dev/.codex/config.toml', '/home/dev/.config/agent-guard/policy.json'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const files = homeConfigCandidates({ home, env: c.env, platform: 'linux' });
      for (const f of c.includes) assert.ok(files.includes(f), `missing ${f} in ${files.join(', ')}`);
      for (const f of c.excludes) assert.ok(!files.includes(f), `unexpected ${f}`);
      assert.equal(new Set(files).size, files.length);
    });
  }

  it('keeps exactly the candidates a real loaded policy protects', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-configs-'));
    try {
      const root = path.join(scratch, 'ws');
      const scratchHome = path.join(scratch, 'home');
      fs.mkdirSync(root);
      fs.mkdirSync(scratchHome);
      const env = { HOME: scratchHome, XDG_CONFIG_HOME: path.join(scratch, 'xdg') };
      const { policy } = loadPolicy({ root, cwd: root, home: scratchHome, env, includeUser: true, workspaceTrusted: true, report: undefined });
      const context = { home: scratchHome, env, platform: 'linux' as const };
      // every candidate is an agent config or the guard's own policy, so the built-in policy protects them all
      assert.deepEqual(homeConfigFiles(policy, context), homeConfigCandidates(context));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  const tildes: Array<[string, string]> = [
    ['/home/dev/.claude/settings.json', '~/.claude/settings.json'],
    ['/home/dev', '/home/dev'],
    ['/home/developer/x', '/home/developer/x'],
    ['/etc/passwd', '/etc/passwd'],
  ];
  for (const [abs, shown] of tildes) {
    it(`tildePath(${abs}) → ${shown}`, () => assert.equal(tildePath(abs, home), shown));
  }
});
