/**
 * Story: Command Palette → "Agent Guard: Install Agent Hooks…" → tick Claude Code → User → a notification says
 * the hook is installed → ~/.claude/settings.json runs the CLI inside the installed extension, and that hook,
 * run exactly as Claude Code would run it, blocks `rm -rf /`; the install record that `agent-guard doctor` and the
 * editor's protection monitor read has the hook, as after `agent-guard install`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activeEntry, readRecord, recordPath } from '../../../src/cli/install/installRecord';
import { selfTest } from '../../../src/cli/install/selfTest';
import { workbench } from '../suite';
import { pickQuickPickItems, readNotification, runCommand, untickAllQuickPickItems } from '../vscode-dom';

const COMMAND = 'Agent Guard: Install Agent Hooks…';

describe('Install Agent Hooks', () => {
  const claudeDir = (): string => path.join(workbench().profile.home, '.claude');
  after(async () => {
    fs.rmSync(claudeDir(), { recursive: true, force: true });
    await runCommand(workbench().page, 'Notifications: Clear All Notifications');
  });

  it('pick Claude Code and User → the hook is written, points at the extension\'s CLI, blocks rm -rf /, and is in the install record', async () => {
    const session = workbench();
    const { page } = session;
    await runCommand(page, COMMAND);
    await untickAllQuickPickItems(page, 'Install Agent Hooks (1/2)');
    await pickQuickPickItems(page, 'Install Agent Hooks (1/2)', ['Claude Code'], true);
    await pickQuickPickItems(page, 'Install Agent Hooks (2/2)', ['User']);
    const { message, buttons } = await readNotification(page, /hooks installed for/);
    await session.screenshot('install-hooks-done');
    assert.equal(message, 'Agent Guard: hooks installed for Claude Code (user).');
    assert.deepEqual(buttons, ['Show Details', 'Check Hooks']);

    const settings = JSON.parse(fs.readFileSync(path.join(claudeDir(), 'settings.json'), 'utf8')) as { hooks?: { PreToolUse?: Array<{ hooks?: Array<{ command?: string }> }> } };
    const commands = (settings.hooks?.PreToolUse ?? []).flatMap((g) => g.hooks ?? []).map((h) => h.command ?? '');
    const ours = commands.find((c) => /hook claude/.test(c));
    assert.ok(ours !== undefined, JSON.stringify(settings));
    const cli = path.join(session.installedExtensionPath(), 'dist', 'cli.js');
    assert.ok(ours.includes(cli), `the hook does not run the extension's CLI (${cli}): ${ours}`);
    assert.match(ours, /^'?\//, 'the hook should start with an absolute program path');

    const result = selfTest('claude', ours, session.workspace, { ...process.env, HOME: session.profile.home, XDG_CONFIG_HOME: session.profile.xdgConfig });
    assert.ok(result.ok, result.detail);

    // the record in code-server's XDG_CONFIG_HOME (the editor runs with it) counts the hook as installed
    const record = readRecord(recordPath({ XDG_CONFIG_HOME: session.profile.xdgConfig }, session.profile.home));
    const entry = activeEntry(record, 'claude', path.join(claudeDir(), 'settings.json'));
    assert.ok(entry !== undefined, `no active entry for Claude Code's user settings in the install record: ${JSON.stringify(record)}`);
    assert.equal(entry.scope, 'user');
    assert.ok(ours.includes(entry.prefix), `the recorded prefix (${entry.prefix}) is not the hook's: ${ours}`);
  });
});
