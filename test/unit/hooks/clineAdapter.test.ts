/**
 * The Cline adapter reads both generations of Cline's payload: the VS Code extension's `preToolUse.parameters`
 * (strings) and the CLI 3's `tool_call.input` (the arguments as the tool got them), which wins when present
 * because `parameters` JSON-encodes every value that is not a string.
 */
import * as assert from 'node:assert/strict';
import { cline } from '../../../src/cli/hooks/cline';

describe('hook adapter: Cline', () => {
  it('the CLI: tool_call.input is read, not the JSON-encoded parameters', () => {
    const parsed = cline.parse({
      hookName: 'tool_call',
      workspaceRoots: ['/w'],
      tool_call: { id: 't', name: 'run_commands', input: { commands: ['rm -r x'] } },
      preToolUse: { toolName: 'run_commands', parameters: { commands: '["rm -r x"]' } },
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.call.tool, 'run_commands');
    assert.deepEqual(parsed.call.input, { commands: ['rm -r x'] });
    assert.equal(parsed.call.cwd, '/w');
  });

  it('the extension: preToolUse.parameters', () => {
    const parsed = cline.parse({ hookName: 'PreToolUse', workspaceRoots: ['/w'], preToolUse: { toolName: 'execute_command', parameters: { command: 'ls' } } });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.call.input, { command: 'ls' });
  });

  it('a payload with only tool_call still names its tool', () => {
    const parsed = cline.parse({ workspaceRoots: ['/w'], tool_call: { name: 'editor', input: { path: '/w/a', new_text: 'x' } } });
    assert.ok(parsed.ok);
    assert.equal(parsed.call.tool, 'editor');
  });

  it('a block is cancel:true with the reason (the only answer Cline treats as a block); no objection is cancel:false', () => {
    assert.deepEqual(JSON.parse(cline.render({ kind: 'deny', reason: 'r' }, undefined).stdout), { cancel: true, errorMessage: 'r', contextModification: 'r' });
    assert.deepEqual(JSON.parse(cline.render({ kind: 'defer' }, undefined).stdout), { cancel: false });
  });
});
