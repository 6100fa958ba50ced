/**
 * Stories about editing the team policy, `.vscode/agent-guard.json`, in a real VS Code:
 * - a person mistypes a key → the Problems view shows Agent Guard's problem (and the JSON schema's) at that line;
 * - they delete a comma → a syntax error appears while they type, and goes away when they put it back;
 * - they hover a built-in rule id → the hover shows the rule's message from the rule pack;
 * - the code lenses above the tests show the verdict each one yields.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRule } from '../../../src/core/rules/registry';
import { workbench } from '../suite';
import { closeAllEditors, focusEditor, goToLineColumn, openFile, readCodeLenses, readHoverAtCursor, typeInEditor, waitForProblem } from '../vscode-dom';

const POLICY = `{
  "version": 1,
  "protectedPaths": ["infra/prod/**"],
  // iac.terraform-destroy is built in; this file only adds to it
  "tests": [
    { "command": "terraform destroy -auto-approve", "expect": "deny" },
    { "edit": "infra/prod/main.tf", "expect": "confirm" }
  ]
}
`;

describe('Policy file in the editor', () => {
  let file = '';
  before(() => {
    file = path.join(workbench().workspace, '.vscode', 'agent-guard.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, POLICY);
  });
  after(async () => {
    await closeAllEditors(workbench().page);
    fs.rmSync(file, { force: true });
  });

  it('typing a wrong key ("protectedPath") → the Problems view shows the problem at line 3, column 3', async () => {
    const { page } = workbench();
    await openFile(page, '.vscode/agent-guard.json');
    // line 3 is `  "protectedPaths": [...]`: delete the "s" before the closing quote
    await goToLineColumn(page, 3, 18);
    await typeInEditor(page, 'Backspace');
    const rows = await waitForProblem(page, /unknown key "protectedPath".*\[Ln 3, Col 3\]/);
    await workbench().screenshot('policy-wrong-key-problems');
    assert.ok(rows.some((r) => /Did you mean "protectedPaths"\?/.test(r)), rows.join('\n'));
    // VS Code's own JSON language service validates the file with the policy schema too
    const schemaRows = await waitForProblem(page, /Property protectedPath is not allowed/);
    assert.ok(schemaRows.some((r) => /Property protectedPath is not allowed.*\[Ln 3, Col 3\]/.test(r)), schemaRows.join('\n'));
    // fixed again → the problem goes away
    await focusEditor(page);
    await typeInEditor(page, 's');
    await waitForProblem(page, /unknown key "protectedPath"/, false);
  });

  it('deleting a comma → a syntax error appears while typing, and clears when the comma is back', async () => {
    const { page } = workbench();
    // line 2 is `  "version": 1,`: remove the comma at its end
    await goToLineColumn(page, 2, 16);
    await typeInEditor(page, 'Backspace');
    const rows = await waitForProblem(page, /invalid JSON: expected "," between entries.*\[Ln 3, Col 3\]/);
    await workbench().screenshot('policy-syntax-error-live');
    assert.ok(rows.length > 0);
    await focusEditor(page);
    await typeInEditor(page, ',');
    await waitForProblem(page, /invalid JSON/, false);
  });

  it('hovering a built-in rule id shows its message, decision and examples', async () => {
    const { page } = workbench();
    const rule = findRule('iac.terraform-destroy');
    assert.ok(rule);
    await goToLineColumn(page, 4, 10);
    const hover = await readHoverAtCursor(page);
    await workbench().screenshot('policy-hover-rule');
    assert.match(hover, /iac\.terraform-destroy — built-in rule: deny, risk critical|iac\.terraform-destroy — built-in rule: \w+, risk \w+/);
    assert.ok(hover.replace(/\s+/g, ' ').includes(rule.message.replace(/`/g, '').replace(/\s+/g, ' ').slice(0, 60)), `hover:\n${hover}\nmessage:\n${rule.message}`);
    assert.match(hover, /Fires on:/);
    await page.keyboard.press('Escape');
  });

  it('code lenses above the tests show the verdict each yields', async () => {
    const { page } = workbench();
    const lenses = await readCodeLenses(page);
    await workbench().screenshot('policy-code-lenses');
    assert.ok(lenses.some((l) => /✓ deny \(iac\.terraform-destroy\)/.test(l)), lenses.join('\n'));
    assert.ok(lenses.some((l) => /✓ confirm \(workspace\.protectedPaths\[0\]\)/.test(l)), lenses.join('\n'));
    assert.ok(lenses.some((l) => /confirm on write, delete, rename · medium · exercised by 1 test/.test(l)), lenses.join('\n'));
  });
});
