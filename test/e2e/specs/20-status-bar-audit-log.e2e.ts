/**
 * Stories of the status-bar risk indicator and the audit log. They run in a window of their own (a fresh extension
 * host, so a fresh session whatever earlier specs did) and build on each other in order, as a person's session:
 *   a quiet shield → click → the Audit Log → an agent asks for `git reset --hard`, the person denies it in the
 *   modal → "Medium risk · 1 denied" on the warning background → an agent runs `terraform destroy -auto-approve`,
 *   the policy denies it → "Critical risk · 2 denied" on the error background → click → the Audit Log lists both →
 *   filter → export → another window's entry appears → the setting hides the shield.
 * The agent is played by the installed extension's own `dist/cli.js hook claude`, the way Claude Code runs it.
 * Last, the activation time measured in the main window's extension host is written for the bench.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { activationReport, writeReport } from '../../../scripts/activation-time.mjs';
import { parseAuditLine, serializeAuditEntry } from '../../../src/vscode/audit/auditEntry';
import { AuditLog } from '../../../src/vscode/audit/auditLog';
import { findRuntimeFile } from '../../../src/cli/bridge/runtimeFile';
import { claudeBash, runClaudeHook, type HookAnswer } from '../harness/agentHook';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { auditDir, STATUS_ITEM, statusItem, TRANSPARENT } from '../statusAudit';
import { suiteConfig, workbench } from '../suite';
import {
  answerInputBox,
  answerMultiQuickPick,
  answerSaveDialog,
  clickDialogButton,
  clickNotificationButton,
  clickStatusBarItem,
  closeTransientUi,
  readDialog,
  readRunningExtension,
  runCommand,
  setBooleanSetting,
  sideBarHasAction,
  themeColor,
  waitForSideBarTitle,
  waitForSideBarTreeRows,
  type StatusBarItemContent,
  type TreeRow,
} from '../vscode-dom';

const RESET = 'git reset --hard HEAD~3';
const EXPIRED_DAY_FILE = 'audit-2020-01-01.jsonl';
const OLD_ENTRY = {
  time: '2020-01-01T12:00:00.000Z', source: 'hook', agent: 'claude', tool: 'Bash', subject: 'rm -rf old', decision: 'deny',
  risk: 'critical', rules: ['fs.delete-system'], outcome: 'denied', root: '/old', pid: 1,
} as const;
const DESTROY = 'terraform destroy -auto-approve';

/**
 * This story's two decisions among the rows or entries (the log is shared with every other spec and window, and
 * other specs explain the same command: those entries are the person's, not claude's).
 */
function ours(items: ReadonlyArray<{ readonly subject: string; readonly agent: string }>): string[] {
  return items.filter((item) => item.agent === 'claude' && (item.subject === RESET || item.subject === DESTROY)).map((item) => item.subject);
}

/** A row of the Audit Log as subject and agent (the first part of its description). */
function shownAs(row: TreeRow): { subject: string; agent: string } {
  return { subject: row.label, agent: row.description.split(' · ')[0] ?? '' };
}

/** Claude Code's hook as the agent runs it (the packaged extension's own CLI), asking about `command` in `cwd`. */
function agentRuns(session: Workbench, cwd: string, command: string): Promise<HookAnswer> {
  return runClaudeHook(path.join(session.installedExtensionPath(), 'dist', 'cli.js'), session.profile, claudeBash(cwd, command));
}

/** Waits until the window on `root` has published its bridge runtime file (hooks reach it from then on). */
function waitForBridge(session: Workbench, root: string): Promise<unknown> {
  const dir = path.join(session.profile.xdgRuntime, 'agent-guard');
  return waitFor(() => findRuntimeFile(root, dir).file, 20_000, `the window on ${root} to publish its bridge runtime file`);
}

function exportPath(session: Workbench, name: string): string {
  const dir = path.join(session.config.scratch, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** The exported file's text once the export has written it (it is created empty first), else undefined. */
function exportedText(file: string): string | undefined {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return text === '' ? undefined : text;
}

describe('Status bar and audit log', function () {
  let page: Page;
  let folder: string;
  const consoleLines: string[] = [];
  const shield = (predicate: (content: StatusBarItemContent | undefined) => boolean): Promise<StatusBarItemContent | undefined> =>
    statusItem(workbench(), page, predicate);

  before(async function () {
    this.timeout(120_000);
    const session = workbench();
    folder = path.join(session.config.scratch, 'status-audit-workspace');
    fs.mkdirSync(folder, { recursive: true });
    // a day file long past the retention (90 days by default), left by some earlier window
    fs.mkdirSync(auditDir(session), { recursive: true });
    fs.writeFileSync(path.join(auditDir(session), EXPIRED_DAY_FILE), serializeAuditEntry({ ...OLD_ENTRY }));
    page = await session.openWindow(folder, consoleLines);
    await statusItem(session, page, (content) => content !== undefined, 60_000);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      await workbench().screenshot(`failed-${test.title}`, page).catch(() => undefined);
      workbench().config.artifacts.writeText('status-audit-window-console.txt', consoleLines.join('\n'));
    }
    await closeTransientUi(page);
  });

  after(async () => {
    await page?.close().catch(() => undefined);
  });

  it('a quiet session: the shield says "No risk" on the plain status bar → click → the Audit Log opens', async () => {
    const session = workbench();
    const quiet = await shield((content) => content?.text === 'No risk');
    assert.deepEqual(quiet?.icons, ['shield']);
    assert.equal(quiet?.background, TRANSPARENT, 'a quiet session has no background colour');
    assert.match(quiet?.ariaLabel ?? '', /Agent Guard: No risk this session/);
    await session.screenshot('status-bar-quiet', page);

    await clickStatusBarItem(page, session.config.extensionId, STATUS_ITEM);
    await waitForSideBarTitle(page, /Agent Guard: Audit Log/i);
  });

  it('a window that starts applies the retention: a day file older than agentGuard.audit.retentionDays is removed and not listed', async () => {
    const session = workbench();
    const dir = auditDir(session);
    await waitFor(() => (fs.existsSync(path.join(dir, EXPIRED_DAY_FILE)) ? undefined : true), 20_000, `${EXPIRED_DAY_FILE} to be removed by retention`);
    const rows = await waitForSideBarTreeRows(page, () => true);
    assert.ok(!rows.some((row) => row.label === OLD_ENTRY.subject), 'the expired entry is not listed');
  });

  it('an agent asks for `git reset --hard HEAD~3` → the person denies it in the modal → "Medium risk · 1 denied" on the warning background', async () => {
    const session = workbench();
    await waitForBridge(session, folder);
    const hook = agentRuns(session, folder, RESET);
    const dialog = await readDialog(page);
    assert.match(`${dialog.message}\n${dialog.detail}`, /git reset --hard/);
    await clickDialogButton(page, 'Deny');
    const answered = await hook;
    assert.equal(answered.decision, 'deny', `the hook blocks the call:\n${answered.stdout}${answered.stderr}`);

    const warning = await shield((content) => content?.text === 'Medium risk · 1 denied');
    assert.equal(warning?.background, await themeColor(page, 'statusBarItem.warningBackground'));
    assert.notEqual(warning?.background, TRANSPARENT);
    await session.screenshot('status-bar-warning-medium-risk', page);
  });

  it('an agent runs `terraform destroy -auto-approve` → the hook denies it by policy → "Critical risk · 2 denied" on the error background', async () => {
    const session = workbench();
    const answered = await agentRuns(session, folder, DESTROY);
    assert.equal(answered.decision, 'deny', `the hook blocks the call:\n${answered.stdout}${answered.stderr}`);
    assert.match(answered.reason, /iac\.terraform-destroy/);

    const critical = await shield((content) => content?.text === 'Critical risk · 2 denied');
    assert.equal(critical?.background, await themeColor(page, 'statusBarItem.errorBackground'));
    assert.notEqual(critical?.background, await themeColor(page, 'statusBarItem.warningBackground'));
    await session.screenshot('status-bar-error-critical-risk', page);
  });

  it('click the shield → the Audit Log lists both decisions newest first, with verdict icon, agent, tool and rule; the log on disk has them', async () => {
    const session = workbench();
    await clickStatusBarItem(page, session.config.extensionId, STATUS_ITEM);
    await waitForSideBarTitle(page, /Agent Guard: Audit Log/i);
    const rows = await waitForSideBarTreeRows(page, (shown) => ours(shown.map(shownAs)).length === 2);
    assert.deepEqual(ours(rows.map(shownAs)), [DESTROY, RESET], 'newest first');
    const destroyRow = rows.find((row) => row.label === DESTROY && shownAs(row).agent === 'claude');
    assert.match(destroyRow?.description ?? '', /^claude · Bash · iac\.terraform-destroy · /);
    assert.ok(destroyRow?.icons.includes('circle-slash'), `icons: ${destroyRow?.icons.join(' ')}`);
    assert.match(rows.find((row) => row.label === RESET)?.description ?? '', /^claude · Bash · git\.reset-hard · /);
    await session.screenshot('audit-log-view', page);

    const dir = auditDir(session);
    const entries = fs.readdirSync(dir).flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)).map((line) => parseAuditLine(line));
    assert.ok(entries.every((entry) => entry !== undefined), 'every line of the log parses');
    const destroy = entries.find((entry) => entry?.subject === DESTROY && entry.root === folder);
    assert.equal(destroy?.decision, 'deny');
    assert.equal(destroy?.outcome, 'denied');
    assert.deepEqual(destroy?.rules, ['iac.terraform-destroy']);
    const reset = entries.find((entry) => entry?.subject === RESET && entry.root === folder);
    assert.equal(reset?.decision, 'confirm');
    assert.equal(reset?.outcome, 'denied');
  });

  it('Filter Audit Log… → decision "deny" and text "terraform" → the reset is gone; Clear Audit Log Filter → both again', async () => {
    await runCommand(page, 'Agent Guard: Filter Audit Log…');
    await answerMultiQuickPick(page, 'Agent Guard: Filter Audit Log', ['deny']);
    await answerInputBox(page, 'Agent Guard: Filter Audit Log', 'terraform');
    try {
      const filtered = await waitForSideBarTreeRows(page, (rows) => rows.length > 0 && ours(rows.map(shownAs)).length === 1);
      assert.deepEqual(ours(filtered.map(shownAs)), [DESTROY]);
      assert.ok(filtered.every((row) => /terraform/.test(row.label)), filtered.map((row) => row.label).join('\n'));
      await waitFor(async () => ((await sideBarHasAction(page, 'Clear Audit Log Filter')) ? true : undefined), 10_000, 'the Clear Audit Log Filter action');
      await workbench().screenshot('audit-log-filtered', page);
    } finally {
      await runCommand(page, 'Agent Guard: Clear Audit Log Filter');
    }
    await waitForSideBarTreeRows(page, (rows) => ours(rows.map(shownAs)).length === 2);
    await waitFor(async () => ((await sideBarHasAction(page, 'Clear Audit Log Filter')) ? undefined : true), 10_000, 'the Clear Audit Log Filter action to go');
  });

  it('Export Audit Log… → audit.csv and audit.jsonl hold the entries, oldest first', async () => {
    const session = workbench();
    const csvFile = exportPath(session, 'audit.csv');
    await runCommand(page, 'Agent Guard: Export Audit Log…');
    await answerSaveDialog(page, csvFile);
    // the file appears (empty) a moment before its content is written: wait for the content
    const csv = await waitFor(() => exportedText(csvFile), 10_000, `the export in ${csvFile}`);
    const rows = csv.split('\r\n').filter(Boolean);
    assert.equal(rows[0], 'time,source,agent,tool,subject,cwd,decision,risk,rules,outcome,confirmedBy,root,pid');
    assert.ok(rows.some((row) => row.includes(`,claude,Bash,${DESTROY},`) && row.includes(',deny,critical,iac.terraform-destroy,denied,')), csv);

    const jsonlFile = exportPath(session, 'audit.jsonl');
    await runCommand(page, 'Agent Guard: Export Audit Log…');
    await answerSaveDialog(page, jsonlFile);
    const jsonl = await waitFor(() => exportedText(jsonlFile), 10_000, `the export in ${jsonlFile}`);
    const exported = jsonl.split('\n').filter(Boolean).map((line) => parseAuditLine(line));
    assert.ok(exported.every((entry) => entry !== undefined), jsonl);
    assert.deepEqual(ours(exported.flatMap((entry) => (entry === undefined ? [] : [entry]))), [RESET, DESTROY], 'oldest first');
  });

  it("another window appends to the shared log → this window's Audit Log shows its entry on top, its shield does not count it", async () => {
    const session = workbench();
    const before = await shield((content) => content !== undefined);
    await clickStatusBarItem(page, session.config.extensionId, STATUS_ITEM);
    await new AuditLog(auditDir(session)).append({
      time: new Date().toISOString(), source: 'hook', agent: 'codex', tool: 'shell', subject: 'kubectl delete namespace prod',
      decision: 'confirm', risk: 'critical', rules: ['kubernetes.delete-namespace'], outcome: 'held', root: '/another/window', pid: 1,
    });
    const rows = await waitForSideBarTreeRows(page, (shown) => shown[0]?.label === 'kubectl delete namespace prod');
    assert.match(rows[0]?.description ?? '', /^codex · shell · kubernetes\.delete-namespace · /);
    assert.ok(rows[0]?.icons.includes('question'), `icons: ${rows[0]?.icons.join(' ')}`);
    await session.screenshot('audit-log-other-window', page);
    await shield((content) => content?.text === before?.text);
  });

  it('a burst of denied requests trips the circuit breaker → "Agents paused" with the pause icon on the error background → Resume Agents → the shield is back', async () => {
    const session = workbench();
    let paused: StatusBarItemContent | undefined;
    // the breaker counts risky requests (default: 5 within 60 s); this window has seen two already
    for (let request = 0; request < 6 && paused === undefined; request++) {
      const answered = await agentRuns(session, folder, DESTROY);
      assert.equal(answered.decision, 'deny');
      paused = await shield((content) => content !== undefined).then((content) => (content?.icons.includes('debug-pause') ? content : undefined));
    }
    paused ??= await shield((content) => content?.icons.includes('debug-pause') === true);
    assert.match(paused?.text ?? '', /^Agents paused · \d+ denied$/);
    assert.equal(paused?.background, await themeColor(page, 'statusBarItem.errorBackground'));
    await session.screenshot('status-bar-paused', page);

    await clickNotificationButton(page, /paused agents/, 'Resume Agents');
    const resumed = await shield((content) => content?.icons.includes('shield') === true);
    assert.match(resumed?.text ?? '', /^Critical risk · \d+ denied$/);
  });

  it('Settings: untick agentGuard.statusBar.visible → the shield goes at once; tick it → it is back', async () => {
    const shown = await shield((content) => content !== undefined);
    try {
      await setBooleanSetting(page, 'agentGuard.statusBar.visible', false);
      await shield((content) => content === undefined);
      await workbench().screenshot('status-bar-hidden', page);
    } finally {
      await setBooleanSetting(page, 'agentGuard.statusBar.visible', true);
    }
    await shield((content) => content?.text === shown?.text);
  });

  it('the activation time measured in the main window\'s extension host is written for the bench (.e2e-artifacts/activation.json)', async () => {
    const session = workbench();
    const running = await readRunningExtension(session.page, 'Agent Guard');
    assert.match(running.activation, /Activation: \d+(\.\d+)?\s*ms/);
    const report = activationReport([...session.extensionHostLogs(), ...session.extensionLogs()], session.config.extensionId, running);
    const file = writeReport(report, path.join(suiteConfig().repoRoot, '.e2e-artifacts', 'activation.json'));
    session.config.artifacts.writeText('activation.json', JSON.stringify(report, null, 2));
    assert.equal(typeof report.activateMs, 'number', `no "activated in X ms" line in the extension's log (${file})`);
    assert.equal(typeof report.vscodeActivationMs, 'number', 'no activation time in the Running Extensions editor');
    assert.equal(typeof report.baselineActivationMs, 'number', `no activation time of the hello-world baseline in the Running Extensions editor: ${JSON.stringify(running.rows)}`);
  });
});
