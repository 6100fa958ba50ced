/**
 * Stories of the status-bar risk indicator and the audit log that need no agent: a quiet session's shield and a
 * click to the Audit Log, another window's entry appearing in this window's view, the setting that hides the
 * shield, and the activation time measured in this extension host, written for the bench.
 * Agents' risky actions changing the shield: 21-risky-actions-status-audit.e2e.ts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { activationReport, writeReport } from '../../../scripts/activation-time.mjs';
import { AuditLog } from '../../../src/vscode/audit/auditLog';
import { auditDir, STATUS_ITEM, statusItem, TRANSPARENT } from '../statusAudit';
import { suiteConfig, workbench } from '../suite';
import { clickStatusBarItem, readRunningExtension, setBooleanSetting, sideBarTitle, waitForSideBarTreeRows } from '../vscode-dom';

describe('Status bar and audit log', () => {
  it('a quiet session: the shield says "No risk" on the plain status bar → click → the Audit Log opens', async () => {
    const session = workbench();
    const quiet = await statusItem(session, (content) => content?.text === 'No risk');
    assert.deepEqual(quiet?.icons, ['shield']);
    assert.equal(quiet?.background, TRANSPARENT, 'a quiet session has no background colour');
    assert.match(quiet?.ariaLabel ?? '', /Agent Guard: No risk this session/);
    await session.screenshot('status-bar-quiet');

    await clickStatusBarItem(session.page, session.config.extensionId, STATUS_ITEM);
    assert.match(await sideBarTitle(session.page), /Agent Guard: Audit Log/i);
  });

  it("another window appends to the shared log → this window's Audit Log shows its entry on top, its shield does not count it", async () => {
    const session = workbench();
    const before = await statusItem(session, (content) => content !== undefined);
    await clickStatusBarItem(session.page, session.config.extensionId, STATUS_ITEM);
    const other = new AuditLog(auditDir(session));
    await other.append({
      time: new Date().toISOString(), source: 'hook', agent: 'codex', tool: 'shell', subject: 'kubectl delete namespace prod',
      decision: 'confirm', risk: 'critical', rules: ['kubernetes.delete-namespace'], outcome: 'held', root: '/another/window', pid: 1,
    });
    const rows = await waitForSideBarTreeRows(session.page, (shown) => shown[0]?.label === 'kubectl delete namespace prod');
    assert.match(rows[0]?.description ?? '', /^codex · shell · kubernetes\.delete-namespace · /);
    assert.ok(rows[0]?.icons.includes('question'), `icons: ${rows[0]?.icons.join(' ')}`);
    await session.screenshot('audit-log-other-window');
    // another window's decisions belong to its own session: this window's shield is unchanged
    await statusItem(session, (content) => content?.text === before?.text);
  });

  it('Settings: untick agentGuard.statusBar.visible → the shield goes at once; tick it → it is back', async () => {
    const session = workbench();
    const shown = await statusItem(session, (content) => content !== undefined);
    try {
      await setBooleanSetting(session.page, 'agentGuard.statusBar.visible', false);
      await statusItem(session, (content) => content === undefined);
      await session.screenshot('status-bar-hidden');
    } finally {
      await setBooleanSetting(session.page, 'agentGuard.statusBar.visible', true);
    }
    await statusItem(session, (content) => content?.text === shown?.text);
  });

  it('the activation time measured in this extension host is written for the bench (.e2e-artifacts/activation.json)', async () => {
    const session = workbench();
    const running = await readRunningExtension(session.page, 'Agent Guard');
    assert.match(running.activation, /Activation: \d+(\.\d+)?\s*ms/);
    const report = activationReport([...session.extensionHostLogs(), ...session.extensionLogs()], session.config.extensionId, running);
    const file = writeReport(report, path.join(suiteConfig().repoRoot, '.e2e-artifacts', 'activation.json'));
    session.config.artifacts.writeText('activation.json', JSON.stringify(report, null, 2));
    assert.equal(typeof report.activateMs, 'number', `no "activated in X ms" line in the extension's log (${file})`);
    assert.equal(typeof report.vscodeActivationMs, 'number', 'no activation time in the Running Extensions editor');
  });
});
