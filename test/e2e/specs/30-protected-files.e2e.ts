/**
 * Stories of the protected-file watch, with `.env` (a built-in protected path) changed by a process OUTSIDE the
 * editor (this test, through Node's fs), the way an agent's shell command or a script would change it:
 * - a new `.env` appears → "was created" → Keep;
 * - it is deleted → "was deleted" with Restore / Show Diff / Keep → Restore → the file is back byte for byte
 *   (including bytes that are not UTF-8) with its permission bits;
 * - it is changed → Show Diff opens a diff of the protected copy against the file → asked again → Keep;
 * - "Agent Guard: Restore Protected File…" lists the copies and puts the original back; the file is then removed
 *   and the removal kept, so later specs see a plain workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { workbench } from '../suite';
import { clickNotificationButton, pickQuickInputRow, readNotification, runCommand, waitForDiffEditor } from '../vscode-dom';

/** `.env` content with bytes that are not valid UTF-8 (0xff 0xfe, a lone 0x80) and a NUL. */
const ORIGINAL = Buffer.concat([Buffer.from('API_TOKEN=e2e-'), Buffer.from([0xff, 0xfe, 0x80, 0x00]), Buffer.from('\n')]);
const CHANGED = Buffer.from('API_TOKEN=changed-by-an-agent\n');

function ownLog(session: Workbench): string {
  return session.extensionLogs().map((log) => log.text).join('\n');
}

async function waitForLog(session: Workbench, pattern: RegExp, what: string): Promise<void> {
  await waitFor(() => (pattern.test(ownLog(session)) ? true : undefined), 15_000, what);
}

describe('Protected files: changes from outside the editor', () => {
  let envFile: string;

  before(async () => {
    envFile = path.join(workbench().workspace, '.env');
    // the watch takes its first copies a moment after activation; a file written before that is simply copied
    await waitForLog(workbench(), /protected files: watching/, 'the protected-file watch to start');
  });

  it('a new .env written by another process → "was created" → Keep', async () => {
    const session = workbench();
    fs.writeFileSync(envFile, ORIGINAL, { mode: 0o600 });
    fs.chmodSync(envFile, 0o600);
    const toast = await readNotification(session.page, /\.env \(path\.secrets\) was created/);
    assert.deepEqual(toast.buttons, ['Restore', 'Show Diff', 'Keep']);
    await clickNotificationButton(session.page, /\.env \(path\.secrets\) was created/, 'Keep');
    await waitForLog(session, /protected files: kept .*\.env as snapshot #\d+/, 'the extension to log that .env was kept');
    assert.deepEqual(fs.readFileSync(envFile), ORIGINAL, 'Keep leaves the file alone');
  });

  it('.env deleted by another process → notification → Restore → byte-identical content and mode', async () => {
    const session = workbench();
    fs.rmSync(envFile);
    const toast = await readNotification(session.page, /\.env \(path\.secrets\) was deleted/);
    await session.screenshot('protected-file-deleted-notification');
    assert.match(toast.message, /protected file \.env \(path\.secrets\) was deleted/);
    assert.deepEqual(toast.buttons, ['Restore', 'Show Diff', 'Keep']);
    await clickNotificationButton(session.page, /\.env \(path\.secrets\) was deleted/, 'Restore');
    const restored = await waitFor(() => (fs.existsSync(envFile) ? fs.readFileSync(envFile) : undefined), 15_000, '.env to be restored');
    assert.deepEqual(restored, ORIGINAL, 'restored byte for byte, including the non-UTF-8 bytes');
    assert.equal(fs.statSync(envFile).mode & 0o777, 0o600, 'permission bits restored');
    await waitForLog(session, /protected files: restored .*\.env to snapshot #\d+/, 'the extension to log the restore');
  });

  it('.env changed by another process → Show Diff opens the protected copy against the file → Keep', async () => {
    const session = workbench();
    fs.writeFileSync(envFile, CHANGED);
    const toast = await readNotification(session.page, /\.env \(path\.secrets\) was changed/);
    await session.screenshot('protected-file-changed-notification');
    assert.deepEqual(toast.buttons, ['Restore', 'Show Diff', 'Keep']);
    await clickNotificationButton(session.page, /\.env \(path\.secrets\) was changed/, 'Show Diff');
    const title = await waitForDiffEditor(session.page, 'changed-by-an-agent');
    assert.match(title, /\.env \(protected copy ↔ now\)/);
    await session.screenshot('protected-file-diff');
    const again = await readNotification(session.page, /\.env \(path\.secrets\) was changed/);
    assert.deepEqual(again.buttons, ['Restore', 'Keep'], 'after the diff, the person is asked again');
    await clickNotificationButton(session.page, /\.env \(path\.secrets\) was changed/, 'Keep');
    await waitForLog(session, /protected files: kept .*\.env as snapshot #\d+/, 'the extension to log that the change was kept');
    assert.deepEqual(fs.readFileSync(envFile), CHANGED);
    await runCommand(session.page, 'View: Close All Editors');
  });

  it('Restore Protected File… lists the copies and puts the original back; the cleanup removal is kept', async () => {
    const session = workbench();
    await runCommand(session.page, 'Agent Guard: Restore Protected File…');
    // newest first: the kept change is "same as the file now"; the next kept copy is the original
    const picked = await pickQuickInputRow(session.page, /kept/, /same as the file now/);
    await session.screenshot('restore-protected-file-picked');
    assert.match(picked, /\.env/);
    await waitFor(() => (fs.readFileSync(envFile).equals(ORIGINAL) ? true : undefined), 15_000, 'the original .env to be back');
    // the command says so in a toast of its own; it comes after the write, so wait for it before the next change:
    // arriving while the "was deleted" toast below is being answered, it would move that toast under the click
    const announced = await readNotification(session.page, /Agent Guard restored \.env \(copy #\d+\)/);
    assert.match(announced.message, /What it replaced is kept as a copy/);

    fs.rmSync(envFile);
    await readNotification(session.page, /\.env \(path\.secrets\) was deleted/);
    await clickNotificationButton(session.page, /\.env \(path\.secrets\) was deleted/, 'Keep');
    await waitForLog(session, /protected files: kept .*\.env \(no copy|protected files: kept .*\.env as snapshot #\d+/, 'the removal to be kept');
    assert.equal(fs.existsSync(envFile), false);
  });
});
