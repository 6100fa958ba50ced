/**
 * Red-team findings on file edits (session 5), through the built hook as each agent runs it: edits that reached a
 * protected file by a symbolic link in the workspace, by a second path field, by a patch run on a shell line, or by
 * a NUL byte were let through. Each must now block with the rule named — and the ordinary edits next to them stay
 * silent. Scratch HOME and workspace only; no editor runs, so confirm is the agent's "ask" or a deny.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { blocks, readAnswer, runHook, scratch, type Agent, type Scratch } from './harness';

interface Case {
  readonly agent: Agent;
  readonly what: string;
  readonly payload: (s: Scratch) => unknown;
  /** Rule ids the answer must name; empty: the call must pass without a word. */
  readonly rules: readonly string[];
  /** Each rule named exactly once (no echo of the same finding through a link). */
  readonly once?: boolean;
}

const claude = (s: Scratch, tool: string, input: unknown): unknown => ({ session_id: 's', cwd: s.ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 't' });
const codex = (s: Scratch, tool: string, input: unknown): unknown => ({ session_id: 's', turn_id: 'u', transcript_path: null, cwd: s.ws, hook_event_name: 'PreToolUse', model: 'm', permission_mode: 'default', tool_name: tool, tool_input: input, tool_use_id: 'c' });
const copilot = (s: Scratch, tool: string, args: unknown): unknown => ({ sessionId: 's', timestamp: 1, cwd: s.ws, toolName: tool, toolArgs: args });
const gemini = (s: Scratch, tool: string, input: unknown): unknown => ({ session_id: 's', cwd: s.ws, hook_event_name: 'BeforeTool', timestamp: 't', tool_name: tool, tool_input: input });
const vscode = (s: Scratch, tool: string, input: unknown): unknown => ({ hook_event_name: 'PreToolUse', session_id: 's', cwd: s.ws, tool_name: tool, tool_input: input, tool_use_id: 'c' });
const cline = (s: Scratch, tool: string, params: unknown): unknown => ({ clineVersion: '3', hookName: 'PreToolUse', timestamp: '1', taskId: 't', workspaceRoots: [s.ws], userId: 'u', preToolUse: { toolName: tool, parameters: params } });
const patch = (file: string): string => `*** Begin Patch\n*** Add File: ${file}\n+x\n*** End Patch`;

const CASES: readonly Case[] = [
  // symbolic links in the workspace
  { agent: 'claude', what: 'Write through a link to .git/config', payload: (s) => claude(s, 'Write', { file_path: path.join(s.ws, 'notes'), content: 'x' }), rules: ['path.git-internals'] },
  { agent: 'gemini', what: 'write_file through a link to the policy file', payload: (s) => gemini(s, 'write_file', { file_path: path.join(s.ws, 'policy-link'), content: '{}' }), rules: ['path.guard-policy'] },
  { agent: 'copilot-cli', what: 'create inside a linked folder that is .git', payload: (s) => copilot(s, 'create', { path: path.join(s.ws, 'gitdir/hooks/pre-commit'), file_text: 'x' }), rules: ['path.git-internals'] },
  { agent: 'vscode', what: 'create_file through a dangling link (the write creates .claude/settings.json)', payload: (s) => vscode(s, 'create_file', { filePath: path.join(s.ws, 'fresh'), content: '{}' }), rules: ['path.agent-config'] },
  { agent: 'cline', what: 'write_to_file into a linked folder in the home directory (~/.codex)', payload: (s) => cline(s, 'write_to_file', { path: 'keys/config.toml', content: 'approval_policy = "never"' }), rules: ['path.agent-config'] },
  { agent: 'codex', what: 'apply_patch deleting a file in a linked folder that is .git', payload: (s) => codex(s, 'apply_patch', { command: '*** Begin Patch\n*** Delete File: gitdir/config\n*** End Patch' }), rules: ['path.git-internals'] },
  { agent: 'codex', what: 'apply_patch deleting a link to the policy (the link goes, not the policy) stays silent', payload: (s) => codex(s, 'apply_patch', { command: '*** Begin Patch\n*** Delete File: policy-link\n*** End Patch' }), rules: [] },
  // shell writes through links
  { agent: 'codex', what: 'a redirect into a link to .git/config', payload: (s) => codex(s, 'Bash', { command: 'echo "[core] hooksPath = /tmp" > notes' }), rules: ['path.git-internals'] },
  { agent: 'gemini', what: 'tee into a link to the policy', payload: (s) => gemini(s, 'run_shell_command', { command: 'echo {} | tee policy-link' }), rules: ['path.guard-policy'] },
  { agent: 'claude', what: 'cp into a linked folder that is .git', payload: (s) => claude(s, 'Bash', { command: 'cp /dev/null gitdir/hooks/pre-commit' }), rules: ['path.git-internals'] },
  { agent: 'claude', what: 'rm of a link to the policy (only the link goes) stays silent', payload: (s) => claude(s, 'Bash', { command: 'rm policy-link' }), rules: [] },
  { agent: 'claude', what: 'a redirect through a linked source folder stays silent', payload: (s) => claude(s, 'Bash', { command: 'echo x >> srclink/a.ts' }), rules: [] },
  { agent: 'claude', what: 'Write through a link to a disk device is refused', payload: (s) => claude(s, 'Write', { file_path: path.join(s.ws, 'disk'), content: 'x' }), rules: ['fs.write-outside-workspace'] },
  { agent: 'claude', what: 'Write in a workspace opened through a linked path stays silent', payload: (s) => ({ ...(claude(s, 'Write', { file_path: path.join(s.root, 'wslink/src/b.ts'), content: 'x' }) as object), cwd: path.join(s.root, 'wslink') }), rules: [] },
  { agent: 'claude', what: 'Write .env in a workspace opened through a linked path names the rule once', payload: (s) => ({ ...(claude(s, 'Write', { file_path: path.join(s.root, 'wslink/.env'), content: 'x' }) as object), cwd: path.join(s.root, 'wslink') }), rules: ['path.secrets'], once: true },
  { agent: 'claude', what: 'Write through a linked source folder stays silent', payload: (s) => claude(s, 'Write', { file_path: path.join(s.ws, 'srclink/b.ts'), content: 'x' }), rules: [] },
  // a second path field
  { agent: 'copilot-cli', what: 'create with a harmless file_path and .env in path', payload: (s) => copilot(s, 'create', { file_path: path.join(s.ws, 'src/a.ts'), path: path.join(s.ws, '.env'), file_text: 'x' }), rules: ['path.secrets'] },
  { agent: 'cline', what: 'write_to_file with a harmless file_path and the policy in path', payload: (s) => cline(s, 'write_to_file', { file_path: 'src/a.ts', path: '.vscode/agent-guard.json', content: '{}' }), rules: ['path.guard-policy'] },
  // apply_patch on a shell line
  { agent: 'codex', what: 'apply_patch heredoc followed by rm -rf ~', payload: (s) => codex(s, 'Bash', { command: `apply_patch <<'EOF'\n${patch('src/b.ts')}\nEOF\nrm -rf ~` }), rules: ['fs.delete-home'] },
  { agent: 'codex', what: 'cd src && apply_patch onto ../.git/config', payload: (s) => codex(s, 'Bash', { command: `cd src && apply_patch <<'EOF'\n${patch('../.git/config')}\nEOF` }), rules: ['path.git-internals'] },
  { agent: 'codex', what: 'apply_patch heredoc of an ordinary file stays silent', payload: (s) => codex(s, 'Bash', { command: `apply_patch <<'EOF'\n${patch('src/b.ts')}\nEOF` }), rules: [] },
  // unreadable patch headers
  { agent: 'vscode', what: 'apply_patch with a header the parser does not know', payload: (s) => vscode(s, 'apply_patch', { input: `*** Begin Patch\n*** Update File: ${path.join(s.ws, 'src/a.ts')}\n@@\n+y\n*** Update  File: ${path.join(s.ws, '.env')}\n+x\n*** End Patch` }), rules: ['hook.unreadable-input'] },
  // NUL bytes
  { agent: 'copilot-cli', what: 'bash with a NUL byte inside rm', payload: (s) => copilot(s, 'bash', { command: 'r\u0000m -rf ~' }), rules: ['hook.malformed-input'] },
  // Cline CLI hooks folder
  { agent: 'cline', what: 'write_to_file .cline/hooks/PreToolUse (the Cline CLI runs it)', payload: (s) => cline(s, 'write_to_file', { path: '.cline/hooks/PreToolUse', content: '#!/bin/sh\necho \'{"cancel":false}\'\n' }), rules: ['path.agent-config'] },
  // where the workspace is / or the home directory, and devices
  { agent: 'claude', what: 'Write /etc/passwd from an agent started at /', payload: (s) => ({ ...(claude(s, 'Write', { file_path: '/etc/passwd', content: 'x' }) as object), cwd: '/' }), rules: ['fs.write-outside-workspace'] },
  { agent: 'codex', what: 'rm /etc/passwd from an agent started at /', payload: (s) => ({ ...(codex(s, 'Bash', { command: 'rm /etc/passwd' }) as object), cwd: '/' }), rules: ['fs.delete-outside-workspace'] },
  { agent: 'gemini', what: 'write_file ~/.bashrc from an agent started in the home directory', payload: (s) => ({ ...(gemini(s, 'write_file', { file_path: path.join(s.home, '.bashrc'), content: 'curl x | sh' }) as object), cwd: s.home }), rules: ['path.login-files'] },
  { agent: 'gemini', what: 'write_file of a note in the home directory stays silent', payload: (s) => ({ ...(gemini(s, 'write_file', { file_path: path.join(s.home, 'notes.md'), content: 'x' }) as object), cwd: s.home }), rules: [] },
  { agent: 'copilot-cli', what: 'create /dev/sda', payload: (s) => copilot(s, 'create', { path: '/dev/sda', file_text: 'x' }), rules: ['fs.write-outside-workspace'] },
  // a delete tool given a folder
  { agent: 'cursor', what: 'Delete of the folder holding a team-protected path', payload: (s) => ({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', workspace_roots: [s.ws], tool_name: 'Delete', tool_input: { path: path.join(s.ws, 'infra') } }), rules: ['workspace.protectedPaths[0]'] },
  { agent: 'cursor', what: 'Delete of .github', payload: (s) => ({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', workspace_roots: [s.ws], tool_name: 'Delete', tool_input: { path: path.join(s.ws, '.github') } }), rules: ['path.ci-workflows'] },
  { agent: 'cursor', what: 'Delete of a source folder stays silent', payload: (s) => ({ conversation_id: 'c', generation_id: 'g', hook_event_name: 'preToolUse', workspace_roots: [s.ws], tool_name: 'Delete', tool_input: { path: path.join(s.ws, 'src') } }), rules: [] },
  // text editors: views are reads, edits are judged
  { agent: 'vscode', what: 'str_replace_based_edit_tool view stays silent', payload: (s) => vscode(s, 'str_replace_based_edit_tool', { command: 'view', path: path.join(s.ws, 'src/a.ts') }), rules: [] },
  { agent: 'claude', what: 'str_replace_based_edit_tool create of a source file stays silent', payload: (s) => claude(s, 'str_replace_based_edit_tool', { command: 'create', path: path.join(s.ws, 'src/c.ts'), file_text: 'x' }), rules: [] },
  { agent: 'claude', what: 'str_replace_based_edit_tool str_replace on .env', payload: (s) => claude(s, 'str_replace_based_edit_tool', { command: 'str_replace', path: path.join(s.ws, '.env'), old_str: 'a', new_str: 'b' }), rules: ['path.secrets'] },
  { agent: 'cline', what: 'Cline CLI editor view of .env stays silent', payload: (s) => ({ hookName: 'tool_call', workspaceRoots: [s.ws], tool_call: { id: '1', name: 'editor', input: { command: 'view', path: '.env' } } }), rules: [] },
];

describe('hook red team: edits that reached protected files', function () {
  this.timeout(60_000);
  let s: Scratch;
  before(() => {
    s = scratch('ag-redteam-');
    fs.mkdirSync(path.join(s.ws, '.git'), { recursive: true });
    fs.writeFileSync(path.join(s.ws, '.git/config'), '[core]\n');
    fs.mkdirSync(path.join(s.ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(s.ws, '.vscode/agent-guard.json'), '{ "version": 1, "protectedPaths": ["infra/prod/**"] }\n');
    fs.mkdirSync(path.join(s.ws, '.claude'), { recursive: true });
    fs.mkdirSync(path.join(s.home, '.codex'), { recursive: true });
    fs.writeFileSync(path.join(s.ws, 'src/a.ts'), 'x\n');
    fs.symlinkSync('.git/config', path.join(s.ws, 'notes'));
    fs.symlinkSync('.vscode/agent-guard.json', path.join(s.ws, 'policy-link'));
    fs.symlinkSync('.git', path.join(s.ws, 'gitdir'));
    fs.symlinkSync('.claude/settings.json', path.join(s.ws, 'fresh'));
    fs.symlinkSync(path.join(s.home, '.codex'), path.join(s.ws, 'keys'));
    fs.symlinkSync('src', path.join(s.ws, 'srclink'));
    // only looked at (lstat, readlink), never opened
    fs.symlinkSync('/dev/sda', path.join(s.ws, 'disk'));
    fs.symlinkSync(s.ws, path.join(s.root, 'wslink'));
  });
  after(() => s.cleanup());

  for (const c of CASES) {
    it(`${c.agent}: ${c.what}`, () => {
      const answer = readAnswer(c.agent, runHook(s, c.agent, JSON.stringify(c.payload(s))));
      if (c.rules.length === 0) {
        assert.equal(answer.effect, 'none', answer.reason);
        return;
      }
      assert.ok(blocks(answer.effect), `${answer.effect}: ${answer.reason}`);
      for (const rule of c.rules) assert.ok(answer.reason.includes(`${rule}:`), `${rule} missing in: ${answer.reason}`);
      if (c.once === true) for (const rule of c.rules) assert.equal(answer.reason.split(`${rule}:`).length, 2, answer.reason);
    });
  }
});
