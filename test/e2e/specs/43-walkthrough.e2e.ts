/**
 * Story: a new user opens Welcome → "Open Walkthrough…" → "Get started with Agent Guard" → the walkthrough shows
 * the four setup steps with their buttons.
 */
import * as assert from 'node:assert/strict';
import { workbench } from '../suite';
import { closeAllEditors, pickQuickPickItems, runCommand, SELECTORS } from '../vscode-dom';

describe('Getting started walkthrough', () => {
  after(async () => closeAllEditors(workbench().page));

  it('Welcome: Open Walkthrough… → Get started with Agent Guard → the setup steps are shown', async () => {
    const { page } = workbench();
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await pickQuickPickItems(page, '', ['Get started with Agent Guard']);
    const container = page.locator(SELECTORS.walkthrough).first();
    await container.getByText('Install the agent hooks').first().waitFor({ state: 'visible', timeout: 15_000 });
    const text = await container.innerText();
    await workbench().screenshot('walkthrough');
    for (const step of ['Get started with Agent Guard', 'Install the agent hooks', 'Share one policy with your team', 'Make Copilot ask too', 'Watch the risk indicator']) {
      assert.ok(text.includes(step), `missing "${step}" in:\n${text}`);
    }
    assert.match(text, /Install Agent Hooks/);
  });
});
