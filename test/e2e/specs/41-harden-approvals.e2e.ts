/**
 * Stories about VS Code's own approval settings:
 * - Command Palette → "Agent Guard: Harden Built-in Approvals" → User settings → the dialog lists what will be
 *   added → Apply → settings.json asks first before `terraform destroy`, `rm`, and edits of protected paths, and
 *   the person's other settings are still there;
 * - a person's own entry that approves a protected path is kept, unless they pick "Apply and Tighten Mine".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { waitFor } from '../harness/code-server';
import { workbench } from '../suite';
import { clickDialogButton, closeTransientUi, pickQuickPickItems, readDialog, replaceUserSettings, runCommand } from '../vscode-dom';

const COMMAND = 'Agent Guard: Harden Built-in Approvals';
const POLICY = '{ "version": 1, "protectedPaths": ["infra/prod/**"], "commands": [{ "id": "team.deploy", "program": "make", "subcommand": "deploy", "decision": "confirm", "reason": "Deploys go through CI." }] }\n';

type Settings = Record<string, unknown>;

function settingsFile(): string {
  return path.join(workbench().profile.userDataDir, 'User', 'settings.json');
}

function readSettings(): Settings {
  return parseJsonc(fs.readFileSync(settingsFile(), 'utf8'), [], { allowTrailingComma: true }) as Settings;
}

async function settingsWhere(check: (s: Settings) => boolean, what: string): Promise<Settings> {
  return waitFor(() => {
    const s = readSettings();
    return check(s) ? s : undefined;
  }, 15_000, what);
}

describe('Harden Built-in Approvals', () => {
  let original: Settings = {};
  let policy = '';
  before(() => {
    original = readSettings();
    policy = path.join(workbench().workspace, '.vscode', 'agent-guard.json');
    fs.mkdirSync(path.dirname(policy), { recursive: true });
    fs.writeFileSync(policy, POLICY);
  });
  afterEach(async () => {
    await closeTransientUi(workbench().page);
    await replaceUserSettings(workbench().page, original, settingsFile());
  });
  after(async () => {
    fs.rmSync(policy, { force: true });
    await runCommand(workbench().page, 'Notifications: Clear All Notifications');
  });

  it('Harden → User settings → the dialog lists the rules → Apply → settings.json asks before destructive commands and protected edits', async () => {
    const { page } = workbench();
    await runCommand(page, COMMAND);
    await pickQuickPickItems(page, COMMAND, ['User settings']);
    const dialog = await readDialog(page);
    await workbench().screenshot('harden-preview-dialog');
    assert.match(dialog.message, /^Add \d+ "ask first" rules to VS Code's auto-approve settings in User settings\?$/);
    assert.match(dialog.detail, /chat\.tools\.terminal\.autoApprove:/);
    assert.match(dialog.detail, /chat\.tools\.edits\.autoApprove:/);
    assert.match(dialog.detail, /\+ 1 for your team rules: team\.deploy/);
    assert.match(dialog.detail, /\+ \d+ for destructive command families: fs\.delete-home/);
    assert.match(dialog.detail, /\+ \d+ for protected paths: infra\/prod\/\*\*, /);
    assert.deepEqual(dialog.buttons.filter((b) => b !== 'Cancel').sort(), ['Apply', 'Show All Changes']);
    await clickDialogButton(page, 'Apply');

    const settings = await settingsWhere((s) => s['chat.tools.edits.autoApprove'] !== undefined && s['chat.tools.terminal.autoApprove'] !== undefined, 'the approval settings to be written');
    const terminal = settings['chat.tools.terminal.autoApprove'] as Record<string, unknown>;
    const edits = settings['chat.tools.edits.autoApprove'] as Record<string, unknown>;
    assert.equal(terminal['rm'], false);
    assert.equal(terminal['/^(terraform|tofu|terragrunt)\\b.*\\s(destroy|apply|state\\s+(rm|push))\\b/'], false);
    assert.equal(terminal['/^(?:\\S*\\/)?(?:make)\\b.*\\s(?:deploy)\\b/'], false, 'the team rule is missing');
    assert.deepEqual(Object.entries(terminal).find(([k]) => k.includes('infra\\/prod'))?.[1], { approve: false, matchCommandLine: true });
    assert.equal(edits['infra/prod/**'], false);
    assert.equal(edits['**/.env'], false);
    assert.equal(edits['**/.vscode/agent-guard.json'], false);
    // the person's (here: the harness's) own settings are untouched
    assert.equal(settings['window.dialogStyle'], 'custom');
    assert.equal(settings['workbench.startupEditor'], 'none');
    await workbench().screenshot('harden-written');
  });

  it('their own entry approving a protected path is kept, and "Apply and Tighten Mine" turns it into ask', async () => {
    const { page } = workbench();
    const mine: Settings = { ...original };
    mine['chat.tools.edits.autoApprove'] = { 'docs/**': true, 'infra/prod/**': true };
    await replaceUserSettings(page, mine, settingsFile());
    await runCommand(page, COMMAND);
    await pickQuickPickItems(page, COMMAND, ['User settings']);
    const dialog = await readDialog(page);
    assert.match(dialog.detail, /! kept yours: "infra\/prod\/\*\*": true/);
    assert.ok(dialog.buttons.includes('Apply and Tighten Mine'), dialog.buttons.join(', '));
    await clickDialogButton(page, 'Apply and Tighten Mine');
    const settings = await settingsWhere((s) => (s['chat.tools.edits.autoApprove'] as Settings | undefined)?.['**/.env'] === false, 'the edit rules to be written');
    const edits = settings['chat.tools.edits.autoApprove'] as Settings;
    assert.equal(edits['docs/**'], true, 'their unrelated entry was changed');
    assert.equal(edits['infra/prod/**'], false);
    assert.equal(Object.keys(edits).at(-1) === 'infra/prod/**' || Object.keys(edits).indexOf('infra/prod/**') > Object.keys(edits).indexOf('docs/**'), true);
  });
});
