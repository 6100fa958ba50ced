/**
 * Story: a person wants to know what Agent Guard would do if an agent ran a command → Command Palette →
 * "Agent Guard: Explain Command…" → types the command → a modal shows the decision, the risk and each rule with
 * its message → they close it.
 */
import * as assert from 'node:assert/strict';
import { workbench } from '../suite';
import { answerInputBox, clickDialogButton, readDialog, runCommand } from '../vscode-dom';

const COMMAND_TITLE = 'Agent Guard: Explain Command…';
const INPUT_TITLE = 'Agent Guard: Explain Command';

describe('Explain Command…', () => {
  it('terraform destroy -auto-approve → the modal says deny and names the iac rule → Cancel closes it', async () => {
    const session = workbench();
    await runCommand(session.page, COMMAND_TITLE);
    const input = await answerInputBox(session.page, INPUT_TITLE, 'terraform destroy -auto-approve');
    assert.match(input.message, /shell command/i);

    const dialog = await readDialog(session.page);
    await session.screenshot('explain-terraform-destroy-modal');
    assert.match(dialog.message, /decision: deny/);
    assert.match(dialog.message, /risk: (high|critical)/);
    assert.equal(dialog.severity, 'Warning');
    assert.match(dialog.detail, /^terraform destroy -auto-approve/);
    assert.match(dialog.detail, /^iac\.[a-z0-9.-]+ \(deny, (high|critical)\): \S.+$/m, 'no iac.* rule with a message in the modal');
    assert.ok(dialog.buttons.includes('Show Log'), `buttons: ${dialog.buttons.join(', ')}`);
    await clickDialogButton(session.page, 'Cancel');
  });

  it('ls -la → the modal says allow, with no rule', async () => {
    const session = workbench();
    await runCommand(session.page, COMMAND_TITLE);
    await answerInputBox(session.page, INPUT_TITLE, 'ls -la');

    const dialog = await readDialog(session.page);
    await session.screenshot('explain-ls-modal');
    assert.match(dialog.message, /decision: allow/);
    assert.equal(dialog.severity, 'Info');
    assert.match(dialog.detail, /No rule matched/);
    await clickDialogButton(session.page, 'Cancel');
  });
});
