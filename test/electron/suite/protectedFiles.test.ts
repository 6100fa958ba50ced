/**
 * In-editor tests of the protected-file watch for edits made through the `vscode` API — the way an agent running
 * inside VS Code creates, saves and deletes files (WorkspaceEdit, TextDocument.save): a copy is taken before the
 * change reaches disk, so "Agent Guard: Restore Protected File…" can undo it byte for byte.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const RESTORE = 'agentGuard.restoreProtectedFile';
/** Not valid UTF-8 (0xff 0xfe, a lone 0x80) and a NUL. */
const BINARY = new Uint8Array([0x4b, 0x45, 0x59, 0x3d, 0xff, 0xfe, 0x80, 0x00, 0x0a]);

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the in-editor suite needs a workspace folder');
  return first.uri;
}

async function apply(edit: vscode.WorkspaceEdit): Promise<void> {
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the workspace edit was not applied');
}

describe('Protected files: edits made through the VS Code API', () => {
  before(async () => {
    await vscode.extensions.getExtension('agent-guard.agent-guard')?.activate();
  });

  it('a WorkspaceEdit deleting a protected file is copied first; Restore Protected File brings it back byte for byte', async () => {
    const target = vscode.Uri.joinPath(folder(), 'in-editor-delete', '.env.test');
    const create = new vscode.WorkspaceEdit();
    create.createFile(target, { overwrite: true, contents: BINARY });
    await apply(create);

    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(target, { ignoreIfNotExists: false });
    await apply(remove);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'the file should be gone');

    assert.equal(await vscode.commands.executeCommand<boolean>(RESTORE, target.fsPath), true, 'nothing was restored');
    assert.deepEqual([...(await vscode.workspace.fs.readFile(target))], [...BINARY]);
  });

  it('an editor save of a protected file is copied first; Restore Protected File puts the content before the save back', async () => {
    const target = vscode.Uri.joinPath(folder(), 'in-editor-save', '.env.test');
    const create = new vscode.WorkspaceEdit();
    create.createFile(target, { overwrite: true, contents: new TextEncoder().encode('TOKEN=before\n') });
    await apply(create);

    const document = await vscode.workspace.openTextDocument(target);
    const change = new vscode.WorkspaceEdit();
    change.replace(target, new vscode.Range(0, 0, document.lineCount, 0), 'TOKEN=after-an-agent-edit\n');
    await apply(change);
    assert.equal(await document.save(), true, 'the document was not saved');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'TOKEN=after-an-agent-edit\n');

    assert.equal(await vscode.commands.executeCommand<boolean>(RESTORE, target.fsPath), true, 'nothing was restored');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'TOKEN=before\n');
  });

  it('with agentGuard.protectedFiles.watch off, nothing is copied, so there is nothing to restore', async () => {
    const config = vscode.workspace.getConfiguration('agentGuard');
    await config.update('protectedFiles.watch', false, vscode.ConfigurationTarget.Global);
    try {
      const target = vscode.Uri.joinPath(folder(), 'in-editor-off', '.env.test');
      const create = new vscode.WorkspaceEdit();
      create.createFile(target, { overwrite: true, contents: BINARY });
      await apply(create);
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(target);
      await apply(remove);
      assert.equal(await vscode.commands.executeCommand<boolean>(RESTORE, target.fsPath), false, 'a copy was taken although the watch is off');
    } finally {
      await config.update('protectedFiles.watch', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
