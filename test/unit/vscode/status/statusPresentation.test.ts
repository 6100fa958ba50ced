import * as assert from 'node:assert/strict';
import type { DecisionRecord } from '../../../../src/vscode/session/decisionRecord';
import type { LedgerSnapshot, ProtectionState } from '../../../../src/vscode/session/ledger';
import { countsText, riskBackground, statusLook, TOOLTIP_DECISIONS } from '../../../../src/vscode/status/statusPresentation';

function record(over: Partial<DecisionRecord> = {}): DecisionRecord {
  return { time: '2026-11-27T10:00:00.000Z', source: 'hook', agent: 'claude', tool: 'Bash', subject: 'terraform destroy', decision: 'deny', risk: 'critical', rules: ['iac.terraform-destroy'], outcome: 'denied', ...over };
}

function snapshot(over: Partial<LedgerSnapshot> = {}): LedgerSnapshot {
  return { risk: 'none', held: 0, denied: 0, recent: [], protection: { kind: 'protected' }, ...over };
}

const time = (iso: string): string => iso.slice(11, 19);

describe('status bar look', () => {
  const paused: ProtectionState = { kind: 'paused', detail: '5 risky requests in 60 s' };
  const unprotected: ProtectionState = { kind: 'unprotected', detail: 'the claude hook was removed' };
  const cases: Array<{ name: string; snapshot: LedgerSnapshot; text: string; background: string | undefined }> = [
    { name: 'a quiet session', snapshot: snapshot(), text: '$(shield) No risk', background: undefined },
    { name: 'low risk only', snapshot: snapshot({ risk: 'low', held: 1 }), text: '$(shield) Low risk · 1 held', background: undefined },
    { name: 'medium risk', snapshot: snapshot({ risk: 'medium', held: 2 }), text: '$(shield) Medium risk · 2 held', background: 'statusBarItem.warningBackground' },
    { name: 'high risk with both counts', snapshot: snapshot({ risk: 'high', held: 2, denied: 1 }), text: '$(shield) High risk · 2 held · 1 denied', background: 'statusBarItem.warningBackground' },
    { name: 'critical risk', snapshot: snapshot({ risk: 'critical', denied: 3 }), text: '$(shield) Critical risk · 3 denied', background: 'statusBarItem.errorBackground' },
    { name: 'paused agents, even at no risk', snapshot: snapshot({ protection: paused }), text: '$(debug-pause) Agents paused', background: 'statusBarItem.errorBackground' },
    { name: 'paused with counts', snapshot: snapshot({ protection: paused, risk: 'high', denied: 5 }), text: '$(debug-pause) Agents paused · 5 denied', background: 'statusBarItem.errorBackground' },
    { name: 'unprotected', snapshot: snapshot({ protection: unprotected }), text: '$(workspace-untrusted) Unprotected', background: 'statusBarItem.errorBackground' },
    { name: 'unprotected with counts', snapshot: snapshot({ protection: unprotected, risk: 'medium', held: 1 }), text: '$(workspace-untrusted) Unprotected · 1 held', background: 'statusBarItem.errorBackground' },
  ];
  for (const c of cases) {
    it(`${c.name}: "${c.text}" on ${c.background ?? 'the default background'}`, () => {
      const look = statusLook(c.snapshot, time);
      assert.equal(look.text, c.text);
      assert.equal(look.background, c.background);
    });
  }

  const risks: Array<{ risk: LedgerSnapshot['risk']; background: string | undefined }> = [
    { risk: 'none', background: undefined },
    { risk: 'low', background: undefined },
    { risk: 'medium', background: 'statusBarItem.warningBackground' },
    { risk: 'high', background: 'statusBarItem.warningBackground' },
    { risk: 'critical', background: 'statusBarItem.errorBackground' },
  ];
  for (const c of risks) {
    it(`risk ${c.risk} → ${c.background ?? 'no background'}`, () => assert.equal(riskBackground(c.risk), c.background));
  }

  it('counts only what is non-zero', () => {
    assert.equal(countsText({ held: 0, denied: 0 }), '');
    assert.equal(countsText({ held: 0, denied: 2 }), '2 denied');
  });

  it('the tooltip lists the last decisions newest first, bounded, with a link to the audit log', () => {
    const recent = Array.from({ length: 8 }, (_, i) => record({ subject: `cmd-${i}`, time: `2026-11-27T10:00:0${i}.000Z` }));
    const look = statusLook(snapshot({ risk: 'critical', denied: 8, recent }), time);
    const listed = look.tooltip.split('\n').filter((line) => line.startsWith('- '));
    assert.equal(listed.length, TOOLTIP_DECISIONS);
    assert.match(listed[0]!, /^- \$\(circle-slash\) 10\\:00\\:00 \*\*denied\*\* \(deny, critical\) · claude: cmd\\-0 · iac\\\.terraform\\-destroy$/);
    assert.ok(look.tooltip.includes('[Show Audit Log](command:agentGuard.showAuditLog)'));
    assert.ok(look.tooltip.startsWith('**Agent Guard** · Critical risk this session · 8 denied'));
  });

  it('the tooltip of an empty session says so', () => {
    assert.ok(statusLook(snapshot(), time).tooltip.includes('No agent actions judged yet.'));
  });

  it('paused and unprotected tooltips say why and offer the way out', () => {
    const pausedTip = statusLook(snapshot({ protection: paused }), time).tooltip;
    assert.ok(pausedTip.includes('**Agents paused:** 5 risky requests in 60 s'), pausedTip);
    assert.ok(pausedTip.includes('(command:agentGuard.resumeAgents)'));
    const unprotectedTip = statusLook(snapshot({ protection: unprotected }), time).tooltip;
    assert.ok(unprotectedTip.includes('**Unprotected:** the claude hook was removed'), unprotectedTip);
    assert.ok(unprotectedTip.includes('(command:agentGuard.repairProtection)'));
  });

  it('an agent-written command cannot add links or icons to the trusted tooltip', () => {
    const look = statusLook(snapshot({ risk: 'high', recent: [record({ subject: '[x](command:agentGuard.resumeAgents) $(check)' })] }), time);
    assert.equal(look.tooltip.match(/\]\(command:agentGuard\.resumeAgents\)/g), null);
    assert.ok(!look.tooltip.includes('$(check)'));
  });

  it('the screen-reader label says state, risk and counts', () => {
    assert.equal(statusLook(snapshot({ risk: 'high', held: 1, denied: 2 }), time).accessibilityLabel, 'Agent Guard: High risk this session, 1 held · 2 denied. Click to show the audit log.');
    assert.equal(statusLook(snapshot({ protection: unprotected }), time).accessibilityLabel, 'Agent Guard: Unprotected: the claude hook was removed. No risk this session. Click to show the audit log.');
  });
});
