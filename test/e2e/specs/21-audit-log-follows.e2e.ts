/**
 * Stories of the Audit Log view following the log as it grows, in the main window, and of Explain being recorded:
 *   another process appends → the entry appears on top → half a line is on disk → not shown until its newline
 *   arrives, then shown once → an earlier line changed in place is not read again (only appended bytes are read)
 *   → the day file is replaced under the same name, then cut short → each time it is read from its start →
 *   the person asks Explain → the view lists who asked, the verdict and its rule, and the shield does not count it.
 * The log is shared with every other spec and window, so the stories write their own day files (named for days
 * long past but within retention, whose entries carry today's times) and remove them afterwards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAuditLine, serializeAuditEntry, type AuditEntry } from '../../../src/vscode/audit/auditEntry';
import { segmentFileName } from '../../../src/vscode/audit/auditSegments';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { auditDir, statusItem } from '../statusAudit';
import { workbench } from '../suite';
import {
  answerInputBox,
  clickDialogButton,
  closeTransientUi,
  readDialog,
  runCommand,
  waitForSideBarTitle,
  waitForSideBarTreeRows,
  type TreeRow,
} from '../vscode-dom';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The stories' own day files: other writers only ever append to today's. */
const GROWING = segmentFileName(new Date(Date.now() - 3 * DAY_MS));
const OTHER = segmentFileName(new Date(Date.now() - 4 * DAY_MS));
const EXPLAINED = 'terraform -chdir=infra destroy -auto-approve';

let lastTime = 0;

/** An entry as another window would write it, now: each one later than the one before (the view orders by time). */
function entry(subject: string): AuditEntry {
  lastTime = Math.max(Date.now(), lastTime + 1);
  return {
    time: new Date(lastTime).toISOString(), source: 'hook', agent: 'codex', tool: 'shell', subject, decision: 'confirm', risk: 'high',
    rules: ['kubernetes.delete-namespace'], outcome: 'held', root: '/another/window', pid: 1,
  };
}

function ownLog(session: Workbench): string {
  return session.extensionLogs().map((log) => log.text).join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Labels of rows among `subjects`, top to bottom. */
function ours(rows: readonly TreeRow[], subjects: readonly string[]): string[] {
  return rows.map((row) => row.label).filter((label) => subjects.includes(label));
}

describe('Audit Log follows the log as it grows; Explain is recorded', function () {
  const A = 'kubectl delete namespace follow-a';
  const B = 'kubectl delete namespace follow-b';
  const C = 'kubectl delete namespace follow-c';
  const D = 'kubectl delete namespace follow-d';
  const E = 'kubectl delete namespace follow-e-after-replace';
  const F = 'kubectl delete ns follow-f';
  const ALL = [A, B, C, D, E, F];
  let growing: string;
  let other: string;

  before(async () => {
    const session = workbench();
    fs.mkdirSync(auditDir(session), { recursive: true });
    growing = path.join(auditDir(session), GROWING);
    other = path.join(auditDir(session), OTHER);
    await runCommand(session.page, 'Agent Guard: Show Audit Log');
    await waitForSideBarTitle(session.page, /Agent Guard: Audit Log/i);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench().screenshot(`failed-${this.currentTest.title}`).catch(() => undefined);
    await closeTransientUi(workbench().page);
  });

  after(() => {
    for (const file of [growing, other]) if (file !== undefined) fs.rmSync(file, { force: true });
  });

  it('another process appends an entry → it appears on top of the Audit Log', async () => {
    fs.appendFileSync(growing, serializeAuditEntry(entry(A)));
    const rows = await waitForSideBarTreeRows(workbench().page, (shown) => shown[0]?.label === A);
    assert.match(rows[0]?.description ?? '', /^codex · shell · kubernetes\.delete-namespace · /);
  });

  it('half a line is on disk → not listed while another entry written after it is; its newline arrives → listed once', async () => {
    const session = workbench();
    const b = serializeAuditEntry(entry(B));
    fs.appendFileSync(growing, b.slice(0, 40));
    fs.appendFileSync(other, serializeAuditEntry(entry(C)));
    // every refresh reads every day file, so the one that lists C has seen the half line too
    const withC = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === C);
    assert.deepEqual(ours(withC, ALL), [C, A], 'B is not listed while its line is incomplete');
    fs.appendFileSync(growing, b.slice(40));
    const withB = await waitForSideBarTreeRows(session.page, (shown) => ours(shown, ALL).includes(B));
    assert.deepEqual(ours(withB, ALL), [C, B, A], 'B once, by its time');
    assert.doesNotMatch(ownLog(session), new RegExp(`skipped \\d+ unreadable line`), 'the half line was never taken for garbage');
    await session.screenshot('audit-log-follows-partial-line');
  });

  it('only appended bytes are read: an earlier line changed in place (same size) is not read again, the next appended one is', async () => {
    const session = workbench();
    const text = fs.readFileSync(growing);
    const at = text.indexOf(Buffer.from(A));
    assert.ok(at > 0);
    const fd = fs.openSync(growing, 'r+');
    try {
      fs.writeSync(fd, Buffer.from(A.toUpperCase()), 0, A.length, at); // one write in place: same size, same last byte
    } finally {
      fs.closeSync(fd);
    }
    fs.appendFileSync(growing, serializeAuditEntry(entry(D)));
    const rows = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === D);
    assert.deepEqual(ours(rows, ALL), [D, C, B, A], 'A as it was first read');
    assert.ok(!rows.some((row) => row.label === A.toUpperCase()), 'the changed bytes were not read again');
  });

  it('the day file is replaced under the same name (rotated) → read from its start: only the new file\'s entry is listed', async () => {
    const session = workbench();
    const replacement = `${growing}.new`;
    fs.writeFileSync(replacement, serializeAuditEntry(entry(E)));
    fs.renameSync(replacement, growing); // atomic: the name always holds one whole file, the old or the new
    const rows = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === E && !ours(shown, ALL).includes(D));
    assert.deepEqual(ours(rows, ALL), [E, C]);
    await waitFor(() => (new RegExp(`audit log: ${escape(GROWING)}: replaced, read again from its start`).test(ownLog(session)) ? true : undefined), 15_000, 'the extension to log the re-read');
  });

  it('the day file is cut short and written again → read from its start', async () => {
    const session = workbench();
    fs.writeFileSync(growing, serializeAuditEntry(entry(F))); // shorter than what was read
    const rows = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === F && !ours(shown, ALL).includes(E));
    assert.deepEqual(ours(rows, ALL), [F, C]);
    await waitFor(() => (new RegExp(`audit log: ${escape(GROWING)}: truncated, read again from its start`).test(ownLog(session)) ? true : undefined), 15_000, 'the extension to log the re-read');
    await session.screenshot('audit-log-follows-truncated');
  });

  it('Explain Command… → the Audit Log lists the explanation: the person asked, the verdict\'s rule, an info icon; the shield does not count it', async () => {
    const session = workbench();
    const shieldBefore = await statusItem(session, session.page, (content) => content !== undefined);
    await runCommand(session.page, 'Agent Guard: Explain Command…');
    await answerInputBox(session.page, 'Agent Guard: Explain Command', EXPLAINED);
    const dialog = await readDialog(session.page);
    assert.match(dialog.message, /decision: deny/);
    await clickDialogButton(session.page, 'Cancel');

    await runCommand(session.page, 'Agent Guard: Show Audit Log');
    const rows = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === EXPLAINED);
    assert.match(rows[0]?.description ?? '', /^person · Explain \(input box\) · iac\.terraform-destroy · /);
    assert.ok(rows[0]?.icons.includes('info'), `icons: ${rows[0]?.icons.join(' ')}`);
    assert.match(rows[0]?.ariaLabel ?? '', /^explained: /);
    await session.screenshot('audit-log-explain-entry');

    const dir = auditDir(session);
    const lines = fs.readdirSync(dir).flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean));
    const explained = lines.map((line) => parseAuditLine(line)).filter((e) => e?.subject === EXPLAINED);
    assert.equal(explained.length, 1, 'one line for one explanation');
    assert.deepEqual(
      { source: explained[0]?.source, agent: explained[0]?.agent, outcome: explained[0]?.outcome, decision: explained[0]?.decision, rules: explained[0]?.rules },
      { source: 'explain', agent: 'person', outcome: 'explained', decision: 'deny', rules: ['iac.terraform-destroy'] },
    );
    const shieldAfter = await statusItem(session, session.page, (content) => content !== undefined);
    assert.equal(shieldAfter?.text, shieldBefore?.text, 'an explanation is no risk of the session');
  });
});
