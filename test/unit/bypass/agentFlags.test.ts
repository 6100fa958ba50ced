/**
 * Agents started with their approvals switched off, in every spelling the walker unwraps.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string, env: Record<string, string> = {}) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env });

const FLAGGED: [string, string][] = [
  ['claude --dangerously-skip-permissions -p "fix it"', 'agents.claude-skip-permissions'],
  ['claude -p "fix it" --permission-mode bypassPermissions', 'agents.claude-skip-permissions'],
  ['npx @anthropic-ai/claude-code --dangerously-skip-permissions', 'agents.claude-skip-permissions'],
  ['sudo -E claude --dangerously-skip-permissions', 'agents.claude-skip-permissions'],
  ["bash -c 'claude --dangerously-skip-permissions -p x'", 'agents.claude-skip-permissions'],
  ['codex --dangerously-bypass-approvals-and-sandbox "x"', 'agents.codex-bypass'],
  ['codex --yolo', 'agents.codex-bypass'],
  ['codex exec --sandbox danger-full-access "x"', 'agents.codex-bypass'],
  ['nohup codex --yolo exec "x" &', 'agents.codex-bypass'],
  ['gemini --yolo', 'agents.gemini-yolo'],
  ['gemini -y -p x', 'agents.gemini-yolo'],
  ['gemini --approval-mode yolo', 'agents.gemini-yolo'],
  ['copilot --allow-all-tools -p x', 'agents.copilot-allow-all'],
  ['copilot --allow-all-paths -p x', 'agents.copilot-allow-all'],
  ['copilot --allow-all', 'agents.copilot-allow-all'],
  ['COPILOT_ALLOW_ALL=true copilot -p x', 'agents.copilot-allow-all'],
  ['export COPILOT_ALLOW_ALL=1; copilot -p x', 'agents.copilot-allow-all'],
  ['env COPILOT_ALLOW_ALL=true copilot -p x', 'agents.copilot-allow-all'],
  ['cursor-agent --force -p x', 'agents.cursor-force'],
];

const SILENT = ['claude -p "explain"', 'claude mcp list', 'codex "fix the tests"', 'codex --full-auto "x"', 'gemini -p "summarise"', 'copilot -p "explain"', "copilot --allow-tool 'shell(npm test)' -p x", 'cursor-agent -p x', 'echo --dangerously-skip-permissions', 'grep -r -- --yolo docs/'];

describe('agents pack: approval-disabling flags', () => {
  for (const [cmd, rule] of FLAGGED) {
    it(`${JSON.stringify(cmd)} → ${rule}`, () => {
      const v = check(cmd);
      assert.equal(v.decision, 'confirm', JSON.stringify(v.reasons));
      const r = v.reasons.find((x) => x.rule === rule);
      assert.ok(r, JSON.stringify(v.reasons));
      assert.ok(r.message.length > 40);
    });
  }
  it('COPILOT_ALLOW_ALL from the request environment counts', () => {
    assert.ok(check('copilot -p x', { COPILOT_ALLOW_ALL: 'true' }).reasons.some((r) => r.rule === 'agents.copilot-allow-all'));
  });
  for (const cmd of SILENT) {
    it(`${JSON.stringify(cmd)} → allow`, () => assert.equal(check(cmd).decision, 'allow', JSON.stringify(check(cmd).reasons)));
  }
});
