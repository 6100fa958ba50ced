/**
 * Issue #5: the hook hands the core the new text of an edit, where the agent's payload has it, so a change
 * that switches approvals off is explained (agents.settings-* rules). Table: tool → the content each edit carries.
 */
import * as assert from 'node:assert/strict';
import { classifyTool, type RawEdit } from '../../../src/cli/hooks/catalogue';
import type { Json } from '../../../src/cli/hooks/payload';
import { patchTargets } from '../../../src/cli/hooks/patch';

const AUTO = '"chat.tools.global.autoApprove": true';

function edits(tool: string, input: Json | string): RawEdit[] {
  const c = classifyTool(tool, input);
  assert.equal(c.kind, 'actions', JSON.stringify(c));
  return c.kind === 'actions' ? [...c.edits] : [];
}

describe('hook catalogue: the new content of an edit', () => {
  const cases: Array<[string, string, Json | string, RawEdit[]]> = [
    ['Claude Write', 'Write', { file_path: '/w/.vscode/settings.json', content: `{ ${AUTO} }` }, [{ path: '/w/.vscode/settings.json', op: 'write', content: `{ ${AUTO} }` }]],
    ['Claude Edit (new_string only)', 'Edit', { file_path: 'a.json', old_string: 'x', new_string: 'y' }, [{ path: 'a.json', op: 'write', content: 'y' }]],
    ['Claude MultiEdit (every new_string)', 'MultiEdit', { file_path: 'a.json', edits: [{ old_string: 'a', new_string: 'b' }, { old_string: 'c', new_string: 'd' }] }, [{ path: 'a.json', op: 'write', content: 'b\nd' }]],
    ['Claude NotebookEdit', 'NotebookEdit', { notebook_path: 'n.ipynb', new_source: 'print(1)' }, [{ path: 'n.ipynb', op: 'write', content: 'print(1)' }]],
    ['Gemini write_file', 'write_file', { file_path: 'f', content: 'c' }, [{ path: 'f', op: 'write', content: 'c' }]],
    ['Gemini replace', 'replace', { file_path: 'f', old_string: 'o', new_string: 'n', instruction: 'i' }, [{ path: 'f', op: 'write', content: 'n' }]],
    ['Copilot CLI create (file_text)', 'create', { path: 'f', file_text: 'body' }, [{ path: 'f', op: 'write', content: 'body' }]],
    ['Copilot CLI edit (new_str)', 'edit', { path: 'f', old_str: 'o', new_str: 'n' }, [{ path: 'f', op: 'write', content: 'n' }]],
    ['VS Code create_file', 'create_file', { filePath: 'f', content: 'c' }, [{ path: 'f', op: 'write', content: 'c' }]],
    ['VS Code replace_string_in_file', 'replace_string_in_file', { filePath: 'f', oldString: 'o', newString: 'n' }, [{ path: 'f', op: 'write', content: 'n' }]],
    ['VS Code insert_edit_into_file', 'insert_edit_into_file', { filePath: 'f', code: 'k', explanation: 'e' }, [{ path: 'f', op: 'write', content: 'k' }]],
    [
      'VS Code multi_replace_string_in_file (per file)',
      'multi_replace_string_in_file',
      { replacements: [{ filePath: 'a', oldString: '1', newString: '2' }, { filePath: 'b', oldString: '3', newString: '4' }, { filePath: 'a', oldString: '5', newString: '6' }] },
      [{ path: 'a', op: 'write', content: '2\n6' }, { path: 'b', op: 'write', content: '4' }],
    ],
    ['Cline write_to_file', 'write_to_file', { path: 'f', content: 'c' }, [{ path: 'f', op: 'write', content: 'c' }]],
    ['Cline replace_in_file (REPLACE halves only)', 'replace_in_file', { path: 'f', diff: '<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE' }, [{ path: 'f', op: 'write', content: 'new' }]],
    ['Cline CLI editor (new_text)', 'editor', { path: '/w/f', old_text: 'o', new_text: 'n' }, [{ path: '/w/f', op: 'write', content: 'n' }]],
    ['Cline CLI editor creating a file (no old_text)', 'editor', { path: '/w/f', old_text: null, new_text: 'n' }, [{ path: '/w/f', op: 'write', content: 'n' }]],
    ['a delete carries no content', 'delete_file', { path: 'f', content: 'x' }, [{ path: 'f', op: 'delete' }]],
    ['a write without text carries none', 'Write', { file_path: 'f' }, [{ path: 'f', op: 'write' }]],
  ];
  for (const [name, tool, input, want] of cases) {
    it(name, () => assert.deepEqual(edits(tool, input), want));
  }

  it('apply_patch: the added lines of each file, not the removed or context lines; deletes carry none', () => {
    const patch = [
      '*** Begin Patch',
      '*** Add File: .github/hooks/x.json',
      '+{ "hooks": {} }',
      '*** Update File: .vscode/settings.json',
      '@@',
      ' {',
      '-  "chat.tools.global.autoApprove": false',
      `+  ${AUTO}`,
      ' }',
      '*** Delete File: .codex/hooks.json',
      '*** End Patch',
    ].join('\n');
    assert.deepEqual(edits('apply_patch', { input: patch }), [
      { path: '.github/hooks/x.json', op: 'write', content: '{ "hooks": {} }' },
      { path: '.vscode/settings.json', op: 'write', content: `  ${AUTO}` },
      { path: '.codex/hooks.json', op: 'delete' },
    ]);
  });

  it('apply_patch with a move: the added lines belong to the new name', () => {
    const patch = '*** Begin Patch\n*** Update File: a.json\n*** Move to: .claude/settings.json\n@@\n-x\n+"disableAllHooks": true\n*** End Patch\n';
    assert.deepEqual(patchTargets(patch), [{ path: 'a.json', op: 'rename' }, { path: '.claude/settings.json', op: 'write', added: '"disableAllHooks": true' }]);
  });

  it('unified diff: added lines per file', () => {
    const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\ndiff --git a/y b/y\n--- /dev/null\n+++ b/y\n@@ -0,0 +1 @@\n+c\n';
    assert.deepEqual(patchTargets(diff), [{ path: 'x', op: 'write', added: 'b' }, { path: 'y', op: 'write', added: 'c' }]);
  });
});
