/**
 * In-editor tests: they run inside the extension host and talk to VS Code only through the `vscode` API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Verdict } from '../../../src/core/verdict';

const EXTENSION_ID = 'agent-guard.agent-guard';

describe('Agent Guard inside VS Code', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers Explain Command…', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('agentGuard.explainCommand'), 'agentGuard.explainCommand is not registered');
  });

  it('explains terraform destroy -auto-approve as denied by an iac rule', async () => {
    const verdict = await vscode.commands.executeCommand<Verdict | undefined>('agentGuard.explainCommand', 'terraform destroy -auto-approve');
    assert.ok(verdict, 'the command returned no verdict');
    assert.equal(verdict.decision, 'deny');
    assert.ok(verdict.reasons.some((reason) => reason.rule.startsWith('iac.')), `no iac.* rule among ${verdict.reasons.map((r) => r.rule).join(', ')}`);
  });

  it('explains a harmless command as allowed', async () => {
    const verdict = await vscode.commands.executeCommand<Verdict | undefined>('agentGuard.explainCommand', 'ls -la');
    assert.ok(verdict, 'the command returned no verdict');
    assert.equal(verdict.decision, 'allow');
  });
});
