/**
 * Story (issue #8, "removal is noticed"): a person installed Agent Guard's Claude Code hook into the workspace →
 * an agent (or anyone) deletes `.claude/settings.json` from outside the editor → Agent Guard says agents are
 * unprotected (the status bar turns to "Unprotected", a notification offers **Repair Agent Hooks**) → the person runs it → the hook file is back, with the same
 * command line, and Agent Guard says agents are protected again.
 *
 * The hook is installed with the built CLI, in the same scratch HOME / XDG folders code-server runs with, so the
 * user scope and the install record stay scratch too. The test uninstalls what it installed at the end.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serverEnv, waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { suiteConfig, workbench } from '../suite';
import { readNotification, runCommand, waitForStatusBarItem } from '../vscode-dom';

const STATUS_ITEM = 'agentGuard.status';

const REPAIR_TITLE = 'Agent Guard: Repair Agent Hooks';

function agentGuard(session: Workbench, args: readonly string[]): string {
  const cli = path.join(suiteConfig().repoRoot, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: session.workspace, env: serverEnv(session.profile), encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `agent-guard ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** How many lines each of the extension's log files (one per extension host) had: a point in time to wait from. */
type LogMark = ReadonlyMap<string, number>;

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

function logMark(session: Workbench): LogMark {
  return new Map(session.extensionLogs().map((log) => [log.file, lines(log.text).length]));
}

/** Waits for a line of the extension's logs matching `pattern` written after `mark`. */
function waitForLogLine(session: Workbench, pattern: RegExp, mark: LogMark, what: string): Promise<string> {
  return waitFor(
    () => session.extensionLogs().flatMap((log) => lines(log.text).slice(mark.get(log.file) ?? 0)).find((line) => pattern.test(line)),
    30_000,
    what,
  );
}

describe('Unprotected: a removed hook is noticed and repaired', () => {
  let session: Workbench;
  let settings: string;

  before(() => {
    session = workbench();
    settings = path.join(session.workspace, '.claude', 'settings.json');
    // earlier stories remove a user-level Claude hook by deleting ~/.claude (which Agent Guard rightly reports);
    // uninstalling it says it is gone on purpose, so this story starts from a protected editor
    agentGuard(session, ['uninstall', '--agent', 'claude', '--scope', 'user']);
  });

  after(() => {
    // leave no hook and no record behind for later specs
    if (!session) return;
    agentGuard(session, ['uninstall', '--agent', 'claude', '--scope', 'workspace', '--workspace', session.workspace]);
    fs.rmSync(path.dirname(settings), { recursive: true, force: true });
  });

  it('install Claude Code hook (workspace) → protected; delete .claude/settings.json → unprotected + Repair offered; Repair → file back, protected', async function () {
    this.timeout(120_000);
    let mark = logMark(session);
    agentGuard(session, ['install', '--agent', 'claude', '--scope', 'workspace', '--workspace', session.workspace]);
    const installed = fs.readFileSync(settings, 'utf8');
    assert.match(installed, /hook claude/);
    await waitForLogLine(session, /\[info\] protection: protected \(.*Claude Code \(workspace\): protected/, mark, 'the extension to see the installed hook');
    await waitForStatusBarItem(session.page, session.config.extensionId, STATUS_ITEM, (item) => item?.icons.includes('shield') === true);
    await session.screenshot('unprotected-1-protected');

    mark = logMark(session);
    fs.rmSync(settings);
    const warning = await waitForLogLine(session, /\[warning\] protection: unprotected — Claude Code \(workspace\): hook removed/, mark, 'the extension to notice the deleted hook');
    assert.match(warning, /settings\.json was deleted/);
    const notification = await readNotification(session.page, /agents are unprotected — Claude Code \(workspace\): hook removed/);
    assert.match(notification.message, /Claude Code \(workspace\): hook removed/);
    assert.deepEqual(notification.buttons, ['Repair Agent Hooks', 'Show Details']);
    const unprotected = await waitForStatusBarItem(session.page, session.config.extensionId, STATUS_ITEM, (item) => item?.text.includes('Unprotected') === true);
    assert.deepEqual(unprotected?.icons, ['workspace-untrusted']);
    assert.match(unprotected?.ariaLabel ?? '', /Unprotected: Claude Code \(workspace\): hook removed/);
    await session.screenshot('unprotected-2-hook-deleted');

    mark = logMark(session);
    await runCommand(session.page, REPAIR_TITLE);
    await waitForLogLine(session, /\[info\] repair: claude \(workspace\) ok — recreated /, mark, 'the repair to write the hook again');
    await waitForLogLine(session, /\[info\] protection: protected \(.*Claude Code \(workspace\): protected/, mark, 'the extension to see the hook back');
    assert.equal(fs.readFileSync(settings, 'utf8'), installed, 'the same hook, the same command line');
    await readNotification(session.page, /agents are protected again/);
    await session.screenshot('unprotected-3-repaired');
    const protectedAgain = await waitForStatusBarItem(session.page, session.config.extensionId, STATUS_ITEM, (item) => item !== undefined && !item.text.includes('Unprotected'));
    assert.ok(protectedAgain?.icons.includes('shield'), JSON.stringify(protectedAgain));
  });
});
