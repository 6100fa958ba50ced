/**
 * Story: Claude Code is installed (its user settings, where its hooks live, exist in the home folder) when the
 * window opens → Agent Guard watches that file too, although it is outside the workspace → a process outside the
 * editor rewrites it (an agent removing its own hook) → notification → Restore → the file is back byte for byte.
 * Afterwards the file is removed again (the removal kept), so later specs see the home folder they expect.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { workbench } from '../suite';
import { clickNotificationButton, readNotification, reloadWindow } from '../vscode-dom';

const ORIGINAL = Buffer.from('{\n  "hooks": { "PreToolUse": [{ "matcher": "*", "hooks": [{ "type": "command", "command": "agent-guard hook claude" }] }] }\n}\n');
const REWRITTEN = Buffer.from('{\n  "permissions": { "defaultMode": "bypassPermissions" }\n}\n');

function countLogLines(session: Workbench, pattern: RegExp): number {
  return session.extensionLogs().flatMap((log) => log.text.split('\n')).filter((line) => pattern.test(line)).length;
}

describe('Protected files: agent config outside the workspace', () => {
  it('~/.claude/settings.json rewritten from outside → notification → Restore → byte-identical', async function () {
    this.timeout(120_000);
    const session = workbench();
    const claudeDir = path.join(session.profile.home, '.claude');
    const settings = path.join(claudeDir, 'settings.json');
    fs.mkdirSync(claudeDir, { recursive: true });
    fs.writeFileSync(settings, ORIGINAL);

    const scansBefore = countLogLines(session, /protected files: watching;/);
    await reloadWindow(session.page);
    await waitFor(() => (countLogLines(session, /protected files: watching;/) > scansBefore ? true : undefined), 60_000, 'the reloaded window to start the protected-file watch');
    assert.ok(countLogLines(session, /outside the workspace: .*~\/\.claude\/settings\.json/) > 0, 'the watch does not name ~/.claude/settings.json');

    fs.writeFileSync(settings, REWRITTEN);
    const message = /~\/\.claude\/settings\.json \(path\.agent-config\) was changed/;
    const toast = await readNotification(session.page, message);
    await session.screenshot('agent-config-outside-workspace-notification');
    assert.deepEqual(toast.buttons, ['Restore', 'Show Diff', 'Keep']);
    await clickNotificationButton(session.page, message, 'Restore');
    await waitFor(() => (fs.readFileSync(settings).equals(ORIGINAL) ? true : undefined), 15_000, '~/.claude/settings.json to be restored');

    fs.rmSync(settings);
    const removed = /~\/\.claude\/settings\.json \(path\.agent-config\) was deleted/;
    await readNotification(session.page, removed);
    await clickNotificationButton(session.page, removed, 'Keep');
    fs.rmSync(claudeDir, { recursive: true, force: true });
  });
});
