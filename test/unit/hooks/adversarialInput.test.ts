/**
 * Red-team findings on the hook's reading of tool calls (session 5): payloads that named a harmless file or command
 * to the judgement while the tool would act on another. Each row is what the classification must contain (or be)
 * so that the judgement sees everything the tool can do.
 */
import * as assert from 'node:assert/strict';
import { classifyTool, type Classification } from '../../../src/cli/hooks/catalogue';
import { claude } from '../../../src/cli/hooks/claude';
import { cline } from '../../../src/cli/hooks/cline';
import { gemini } from '../../../src/cli/hooks/gemini';
import type { Json } from '../../../src/cli/hooks/payload';
import { patchTargets } from '../../../src/cli/hooks/patch';
import { vscode } from '../../../src/cli/hooks/vscode';

function paths(c: Classification): string[] | string {
  return c.kind === 'actions' ? c.edits.map((e) => `${e.op} ${e.path}`) : c.kind;
}

function commands(c: Classification): string[] | string {
  return c.kind === 'actions' ? c.commands.map((x) => x.command) : c.kind;
}

describe('hook catalogue: every file a call may write is judged', () => {
  const cases: Array<[string, string, Json, string[] | string]> = [
    ['Copilot CLI create writes `path`, also when a `file_path` names another file', 'create', { file_path: 'src/a.ts', path: '.env', file_text: 'x' }, ['write src/a.ts', 'write .env']],
    ['Cline write_to_file writes `path`', 'write_to_file', { file_path: 'src/a.ts', path: '.env', content: 'x' }, ['write src/a.ts', 'write .env']],
    ['VS Code create_file writes `filePath`', 'create_file', { file_path: 'src/a.ts', filePath: '.env', content: 'x' }, ['write src/a.ts', 'write .env']],
    ['the same path in two fields is one edit', 'Write', { file_path: 'a', path: 'a', content: 'x' }, ['write a']],
    ['the API text editor (str_replace_based_edit_tool) writes', 'str_replace_based_edit_tool', { command: 'str_replace', path: '.env', old_str: 'a', new_str: 'b' }, ['write .env']],
    ['Cline CLI editor without a command writes', 'editor', { path: '/w/f', old_text: 'o', new_text: 'n' }, ['write /w/f']],
    ['a "view" that carries new text is not a view', 'editor', { command: 'view', path: '.env', new_text: 'x' }, ['write .env']],
    ['a "view" that carries an insert line is not a view', 'str_replace_editor', { command: 'view', path: '.env', insert_line: 1 }, ['write .env']],
    ['undo_edit writes', 'str_replace_editor', { command: 'undo_edit', path: '.env' }, ['write .env']],
  ];
  for (const [name, tool, input, want] of cases) {
    it(name, () => assert.deepEqual(paths(classifyTool(tool, input)), want));
  }

  it('a plain view of the text editors is a read (no question for reading a file)', () => {
    for (const tool of ['str_replace_editor', 'str_replace_based_edit_tool', 'editor']) {
      assert.equal(classifyTool(tool, { command: 'view', path: '/w/src/a.ts', view_range: [1, 5] }).kind, 'read-only', tool);
    }
  });
});

describe('hook catalogue: NUL bytes', () => {
  it('a command with a NUL byte is malformed (bash drops it: r\\0m runs rm)', () => {
    assert.equal(classifyTool('bash', { command: 'r\u0000m -rf ~' }).kind, 'malformed');
    assert.equal(classifyTool('Bash', { command: 'ls', cwd: '/w\u0000/x' }).kind, 'malformed');
  });
  it('a path with a NUL byte is malformed', () => {
    assert.equal(classifyTool('Write', { file_path: '/w/src/a.ts\u0000/../../.env', content: 'x' }).kind, 'malformed');
  });
});

describe('hook catalogue: apply_patch on a shell line', () => {
  const patch = (file: string): string => `*** Begin Patch\n*** Add File: ${file}\n+x\n*** End Patch`;

  it('the rest of the line is judged too, not only the patch', () => {
    const c = classifyTool('Bash', { command: `apply_patch <<'EOF'\n${patch('src/b.ts')}\nEOF\nrm -rf ~` });
    assert.deepEqual(paths(c), ['write src/b.ts']);
    assert.equal((commands(c) as string[]).length, 1);
    assert.match((commands(c) as string[])[0] ?? '', /rm -rf ~/);
  });

  it('after `cd DIR &&` the relative paths are taken from DIR as well', () => {
    const c = classifyTool('Bash', { command: `cd src && apply_patch <<'EOF'\n${patch('../.git/config')}\nEOF` });
    assert.deepEqual(paths(c), ['write ../.git/config', 'write src/../.git/config']);
  });

  it('successive cds add up', () => {
    const c = classifyTool('Bash', { command: `cd a; cd b && apply_patch <<'EOF'\n${patch('x')}\nEOF` });
    assert.deepEqual(paths(c), ['write x', 'write a/x', 'write b/x', 'write a/b/x']);
  });

  it('a cd to a place only known when the line runs makes the patch unreadable (a person looks)', () => {
    assert.equal(classifyTool('Bash', { command: `cd "$D" && apply_patch <<'EOF'\n${patch('x')}\nEOF` }).kind, 'unreadable');
  });

  it('a patch merely mentioned (not run by apply_patch) is only a command', () => {
    const c = classifyTool('Bash', { command: `cat > notes.txt <<'EOF'\n${patch('.env')}\nEOF` });
    assert.deepEqual(paths(c), []);
    assert.equal((commands(c) as string[]).length, 1);
  });
});

describe('hook patches: headers that name files', () => {
  it('a `***` header the parser does not know makes the patch unreadable', () => {
    for (const header of ['*** Update  File: .env', '*** add file: .env', '*** Add File: ', '*** Rename File: .env']) {
      assert.equal(patchTargets(`*** Begin Patch\n*** Update File: src/a.ts\n@@\n+y\n${header}\n+x\n*** End Patch`), 'unreadable', header);
    }
  });
  it('the format\'s own markers are not headers', () => {
    assert.deepEqual(patchTargets('*** Begin Patch\n*** Update File: a\n@@\n-x\n+y\n*** End of File\n*** End Patch\n'), [{ path: 'a', op: 'write', added: 'y' }]);
  });
  it('a git diff without ---/+++ lines still names its file (empty new file, mode change)', () => {
    assert.deepEqual(patchTargets('diff --git a/.git/hooks/pre-commit b/.git/hooks/pre-commit\nold mode 100644\nnew mode 100755\n'), [{ path: '.git/hooks/pre-commit', op: 'write' }]);
    assert.deepEqual(patchTargets('diff --git a/.env b/.env\nnew file mode 100644\nindex 0000000..e69de29\n'), [{ path: '.env', op: 'write' }]);
  });
  it('a git diff with spaces in the path', () => {
    assert.deepEqual(patchTargets('diff --git a/my dir/.env b/my dir/.env\nnew file mode 100644\n'), [{ path: 'my dir/.env', op: 'write' }]);
  });
  it('a git copy writes its destination', () => {
    assert.deepEqual(patchTargets('diff --git a/src/a.ts b/.github/workflows/ci.yml\nsimilarity index 100%\ncopy from src/a.ts\ncopy to .github/workflows/ci.yml\n'), [{ path: '.github/workflows/ci.yml', op: 'write' }]);
  });
  it('a git delete without hunks deletes', () => {
    assert.deepEqual(patchTargets('diff --git a/.vscode/agent-guard.json b/.vscode/agent-guard.json\ndeleted file mode 100644\nindex e69de29..0000000\n'), [{ path: '.vscode/agent-guard.json', op: 'delete' }]);
  });
});

describe('hook adapters: two names for the tool', () => {
  it('Cline: tool_call and preToolUse naming different tools is malformed', () => {
    const parsed = cline.parse({ hookName: 'PreToolUse', workspaceRoots: ['/w'], preToolUse: { toolName: 'write_to_file', parameters: { path: '.env' } }, tool_call: { id: '1', name: 'read_files', input: { path: 'a' } } });
    assert.equal(parsed.ok, false);
  });
  it('VS Code / Copilot CLI: tool_name and toolName naming different tools is malformed', () => {
    const parsed = vscode.parse({ cwd: '/w', toolName: 'create', toolArgs: { path: '/w/.env' }, tool_name: 'view', tool_input: { path: '/w/a' } });
    assert.equal(parsed.ok, false);
  });
  it('the same name in both places is fine', () => {
    assert.ok(vscode.parse({ cwd: '/w', toolName: 'create', tool_name: 'create', tool_input: { path: '/w/a' } }).ok);
  });
});

describe('hook adapters: MCP tools under a built-in name', () => {
  it('Gemini: a tool with mcp_context is an MCP tool, not the built-in read_file', () => {
    const parsed = gemini.parse({ session_id: 's', cwd: '/w', hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { path: 'x' }, mcp_context: { server_name: 'files' } });
    assert.ok(parsed.ok);
    assert.equal(parsed.call.tool, 'mcp__files__read_file');
    assert.equal(classifyTool(parsed.call.tool, parsed.call.input).kind, 'unknown');
  });
  it('Claude: mcp_server marks the tool too; an mcp__ name is kept', () => {
    const bare = claude.parse({ cwd: '/w', tool_name: 'Glob', tool_input: {}, mcp_server: 'srv' });
    assert.ok(bare.ok);
    assert.equal(bare.call.tool, 'mcp__srv__Glob');
    const named = claude.parse({ cwd: '/w', tool_name: 'mcp__srv__x', tool_input: {}, mcp_server: 'srv' });
    assert.ok(named.ok);
    assert.equal(named.call.tool, 'mcp__srv__x');
  });
  it('built-in tools without MCP metadata keep their names', () => {
    const parsed = gemini.parse({ cwd: '/w', tool_name: 'read_file', tool_input: { path: 'x' } });
    assert.ok(parsed.ok);
    assert.equal(parsed.call.tool, 'read_file');
  });
});
