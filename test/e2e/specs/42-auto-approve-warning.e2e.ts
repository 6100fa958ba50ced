/**
 * Story: global auto-approve ("YOLO mode") gets switched on in the user settings → Agent Guard warns at once,
 * with buttons to open the setting or harden the approvals.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbench } from '../suite';
import { readNotification, replaceUserSettings, runCommand } from '../vscode-dom';

describe('Auto-approve warning', () => {
  let original: Record<string, unknown> = {};
  const file = (): string => path.join(workbench().profile.userDataDir, 'User', 'settings.json');
  before(() => {
    original = JSON.parse(fs.readFileSync(file(), 'utf8')) as Record<string, unknown>;
  });
  after(async () => {
    await replaceUserSettings(workbench().page, original, file());
    await runCommand(workbench().page, 'Notifications: Clear All Notifications');
  });

  it('switching on global auto-approve → a warning names it, with Open Setting and Harden Built-in Approvals', async () => {
    const { page } = workbench();
    const settings = { ...original };
    // VS Code 1.100 knows the setting by its first name; newer versions call it chat.tools.global.autoApprove
    settings['chat.tools.autoApprove'] = true;
    await replaceUserSettings(page, settings, file());
    const { message, buttons } = await readNotification(page, /global auto-approve is on/);
    await workbench().screenshot('auto-approve-warning');
    assert.match(message, /^Agent Guard: VS Code's global auto-approve is on/);
    assert.ok(buttons.includes('Open Setting') && buttons.includes('Harden Built-in Approvals'), buttons.join(', '));
  });
});
