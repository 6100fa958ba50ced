/**
 * Cline CLI 3's run_commands runs a list of commands in one call: every entry must reach the judgement, in each
 * spelling Cline sends (the list itself in `tool_call.input`, the list JSON-encoded as a string in
 * `preToolUse.parameters`, `{command, args}` entries run without a shell), and an entry the hook cannot read
 * makes the call malformed rather than silently dropped.
 */
import * as assert from 'node:assert/strict';
import { classifyTool, type Classification } from '../../../src/cli/hooks/catalogue';
import type { Json } from '../../../src/cli/hooks/payload';

function commandsOf(c: Classification): string[] | string {
  return c.kind === 'actions' ? c.commands.map((x) => x.command) : c.kind;
}

describe('hook catalogue: Cline run_commands', () => {
  const cases: Array<[string, Json, string[] | string]> = [
    ['one command', { commands: ['rm -r ../victim'] }, ['rm -r ../victim']],
    ['every entry of a list', { commands: ['git status', 'rm -rf /'] }, ['git status', 'rm -rf /']],
    ['the list JSON-encoded as Cline puts it in preToolUse.parameters', { commands: '["ls","rm -rf ~"]' }, ['ls', 'rm -rf ~']],
    ['a {command, args} entry (run without a shell) is quoted back into one line', { commands: [{ command: 'rm', args: ['-rf', 'my dir'] }] }, ["rm -rf 'my dir'"]],
    ['a {command} entry without args', { commands: [{ command: 'terraform destroy' }] }, ['terraform destroy']],
    ['a single command string instead of a list', { commands: 'echo hi' }, ['echo hi']],
    ['no commands at all', {}, 'malformed'],
    ['an empty list', { commands: [] }, 'malformed'],
    ['an entry that is not a command is not skipped', { commands: ['ls', 42] }, 'malformed'],
    ['an entry with non-string args', { commands: [{ command: 'rm', args: [1] }] }, 'malformed'],
    ['a JSON-looking string that does not parse', { commands: '["rm -rf /"' }, 'malformed'],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => assert.deepEqual(commandsOf(classifyTool('run_commands', input)), want));
  }

  it('its read-only companions stay silent (read_files, search_codebase, ask_question)', () => {
    for (const tool of ['read_files', 'search_codebase', 'ask_question']) assert.equal(classifyTool(tool, { files: [{ path: '/etc/passwd' }] }).kind, 'read-only', tool);
  });
});
