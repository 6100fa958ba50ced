/**
 * Red-team finding (session 5): judging is synchronous, so an edit whose text made it slow kept the hook from
 * answering, and an agent that gives up on its hook lets the call through. Settings text built to make the
 * agent-settings patterns backtrack took 100+ s, and a patch of 200 000 added lines minutes (each line copied the
 * list). These inputs must be judged, with the same findings, like any other.
 */
import * as assert from 'node:assert/strict';
import { judgeAgentSettings } from '../../../src/core/agentSettings';
import { patchTargets } from '../../../src/cli/hooks/patch';

describe('large edits are judged, not stalled on', () => {
  it('settings text with thousands of unclosed autoApprove objects', () => {
    const text = ('"chat.tools.terminal.autoApprove": {' + ' '.repeat(200)).repeat(20_000);
    assert.deepEqual(judgeAgentSettings('.vscode/settings.json', text, 'write'), []);
  });

  it('Claude settings with thousands of unclosed allow lists', () => {
    const text = ('"allow": [' + '"x",'.repeat(50)).repeat(20_000);
    assert.deepEqual(judgeAgentSettings('.claude/settings.json', text, 'write'), []);
  });

  it('Codex settings with a million blank lines', () => {
    assert.deepEqual(judgeAgentSettings('.codex/config.toml', '\n'.repeat(1_000_000) + 'x = 1', 'write'), []);
  });

  it('a switch-off setting among ordinary text is still found', () => {
    const text = `{\n${'  "editor.fontSize": 14,\n'.repeat(1000)}  "chat.tools.terminal.autoApprove": { "npm": true, "/.*/": true }\n}`;
    assert.deepEqual(judgeAgentSettings('.vscode/settings.json', text, 'write').map((r) => [r.rule, r.line]), [['agents.settings-auto-approve', 1002]]);
  });

  it('a patch adding 200 000 lines to one file keeps every line', () => {
    const targets = patchTargets('*** Begin Patch\n*** Add File: src/x.ts\n' + '+line\n'.repeat(200_000) + '*** End Patch');
    assert.ok(Array.isArray(targets));
    assert.equal(targets.length, 1);
    assert.equal(targets[0]?.added?.split('\n').length, 200_000);
  });

  it('a unified diff adding 200 000 lines', () => {
    const targets = patchTargets('--- /dev/null\n+++ b/x\n@@ -0,0 +1,200000 @@\n' + '+l\n'.repeat(200_000));
    assert.ok(Array.isArray(targets));
    assert.equal(targets[0]?.added?.split('\n').length, 200_000);
  });
});
