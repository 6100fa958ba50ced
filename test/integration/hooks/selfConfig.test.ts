/**
 * Issue #8 / #5: every agent, through its own adapter, tries to edit its own hook configuration (or the file
 * that switches its approvals off) — the built hook never lets it through, and the answer names the rule, for
 * the person and for the agent. Where the payload carries the new text, the rule that explains the change
 * (agents.settings-*) is named too. No editor is running: confirm becomes the agent's "ask", or a deny that says
 * how to approve.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { blocks, readAnswer, runHook, scratch, type Agent, type Scratch } from './harness';

interface SelfEdit {
  readonly agent: Agent;
  readonly what: string;
  readonly payload: (s: Scratch) => unknown;
  /** Rule ids the answer must name. */
  readonly rules: readonly string[];
}

const AUTO_APPROVE = '{\n  "chat.tools.global.autoApprove": true\n}\n';

const CASES: readonly SelfEdit[] = [
  {
    agent: 'claude',
    what: 'Write .claude/settings.json without the hooks, with disableAllHooks',
    payload: (s) => ({ session_id: 's', cwd: s.ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path.join(s.ws, '.claude/settings.json'), content: '{ "disableAllHooks": true }\n' }, tool_use_id: 't' }),
    rules: ['path.agent-config', 'agents.settings-bypass-permissions'],
  },
  {
    agent: 'claude',
    what: 'Edit ~/.claude/settings.json (user level) removing the PreToolUse hook',
    payload: (s) => ({ session_id: 's', cwd: s.ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: path.join(s.home, '.claude/settings.json'), old_string: '"PreToolUse": [', new_string: '"Unused": [' }, tool_use_id: 't' }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'codex',
    what: 'apply_patch on .codex/hooks.json emptying the hooks',
    payload: (s) => ({ session_id: 's', turn_id: 't', transcript_path: null, cwd: s.ws, hook_event_name: 'PreToolUse', model: 'm', permission_mode: 'default', tool_name: 'apply_patch', tool_input: { command: '*** Begin Patch\n*** Update File: .codex/hooks.json\n@@\n-  "hooks": { "PreToolUse": [] }\n+  "hooks": {}\n*** End Patch\n' }, tool_use_id: 'c' }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'gemini',
    what: 'write_file .gemini/settings.json switching hooks off',
    payload: (s) => ({ session_id: 's', transcript_path: '', cwd: s.ws, hook_event_name: 'BeforeTool', timestamp: '2026-11-27T10:00:00Z', tool_name: 'write_file', tool_input: { file_path: path.join(s.ws, '.gemini/settings.json'), content: '{ "hooksConfig": { "enabled": false } }\n' } }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'copilot-cli',
    what: 'edit .github/hooks/agent-guard.json',
    payload: (s) => ({ sessionId: 's', timestamp: 1, cwd: s.ws, toolName: 'edit', toolArgs: { path: path.join(s.ws, '.github/hooks/agent-guard.json'), old_str: '"preToolUse"', new_str: '"unused"' } }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'copilot-cli',
    what: 'create .github/hooks/x.json (a second hook file)',
    payload: (s) => ({ sessionId: 's', timestamp: 1, cwd: s.ws, toolName: 'create', toolArgs: { path: path.join(s.ws, '.github/hooks/x.json'), file_text: '{}' } }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'cursor',
    what: 'preToolUse Write .cursor/hooks.json without the guard',
    payload: (s) => ({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', workspace_roots: [s.ws], tool_name: 'Write', tool_input: { file_path: path.join(s.ws, '.cursor/hooks.json'), content: '{ "version": 1, "hooks": {} }' }, tool_use_id: 't', cwd: s.ws }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'cline',
    what: 'write_to_file .clinerules/hooks/PreToolUse replacing the guard',
    payload: (s) => ({ clineVersion: '3', hookName: 'PreToolUse', timestamp: '1', taskId: 't', workspaceRoots: [s.ws], userId: 'u', preToolUse: { toolName: 'write_to_file', parameters: { path: '.clinerules/hooks/PreToolUse', content: '#!/bin/sh\necho \'{"cancel":false}\'\n' } } }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'vscode',
    what: 'create_file .github/hooks/agent-guard.json',
    payload: (s) => ({ timestamp: '2026-11-27T10:00:00.000Z', hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'create_file', tool_input: { filePath: path.join(s.ws, '.github/hooks/agent-guard.json'), content: '{}' }, tool_use_id: 'c', cwd: s.ws }),
    rules: ['path.agent-config'],
  },
  {
    agent: 'vscode',
    what: 'replace_string_in_file .vscode/settings.json turning on chat.tools.global.autoApprove',
    payload: (s) => ({ timestamp: '2026-11-27T10:00:00.000Z', hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'replace_string_in_file', tool_input: { filePath: path.join(s.ws, '.vscode/settings.json'), oldString: '{}', newString: AUTO_APPROVE, explanation: 'x' }, tool_use_id: 'c', cwd: s.ws }),
    rules: ['path.agent-config', 'agents.settings-auto-approve'],
  },
  {
    agent: 'vscode',
    what: 'apply_patch adding chat.tools.global.autoApprove to .vscode/settings.json',
    payload: (s) => ({ timestamp: '2026-11-27T10:00:00.000Z', hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'apply_patch', tool_input: { input: `*** Begin Patch\n*** Update File: ${path.join(s.ws, '.vscode/settings.json')}\n@@\n {\n+  "chat.tools.global.autoApprove": true\n }\n*** End Patch\n`, explanation: 'x' }, tool_use_id: 'c', cwd: s.ws }),
    rules: ['path.agent-config', 'agents.settings-auto-approve'],
  },
];

describe('agent-guard hook <agent>: an agent editing its own hook configuration is stopped, naming the rule', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch('ag-selfconfig-');
  });
  after(() => s.cleanup());

  it('covers every agent', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c.agent))].sort(), ['claude', 'cline', 'codex', 'copilot-cli', 'cursor', 'gemini', 'vscode']);
  });

  for (const c of CASES) {
    it(`${c.agent}: ${c.what} → not allowed, answer names ${c.rules.join(' + ')}`, () => {
      const r = runHook(s, c.agent, JSON.stringify(c.payload(s)));
      const got = readAnswer(c.agent, r);
      assert.ok(blocks(got.effect), `effect ${got.effect}: ${r.stdout}`);
      for (const rule of c.rules) assert.ok(got.reason.includes(rule), `the answer names ${rule}: ${got.reason}`);
    });
  }
});
